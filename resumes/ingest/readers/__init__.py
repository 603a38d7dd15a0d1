"""One reader per format: bytes -> RawDocument."""
