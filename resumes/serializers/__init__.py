"""Request and response shapes, one module per API surface (names are globally unique)."""
