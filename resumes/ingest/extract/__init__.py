"""Field extraction from a RawDocument: sections, contacts, entries, skills."""
