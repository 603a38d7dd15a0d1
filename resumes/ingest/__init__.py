"""CV ingestion: PDF, DOCX, LaTeX (a file or a zipped project), Markdown, text, JSON Resume -> StructuredCV.

Public interface (other apps code against it):

- ``parse_document(data, filename=)`` / ``parse_document_with_meta(data, filename=)``
- ``parse_text(text)``
- ``detect_format(data, filename=)`` -> "pdf" | "docx" | "latex" | "latex-zip" | "markdown" | "text" | "json"
- ``IngestError`` (400; codes unsupported_file, malformed_file, no_text_layer, empty_document)
- ``canonical_skill`` / ``find_skills`` (the shipped skills vocabulary)
"""

from .detect import FORMATS, detect_format
from .errors import IngestError
from .pipeline import parse_document, parse_document_with_meta, parse_text
from .skills import canonical_skill, find_skills

__all__ = [
    "FORMATS",
    "IngestError",
    "canonical_skill",
    "detect_format",
    "find_skills",
    "parse_document",
    "parse_document_with_meta",
    "parse_text",
]
