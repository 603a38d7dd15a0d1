"""bytes -> StructuredCV: detect, read, extract; with timing and page count for callers."""

from __future__ import annotations

import time
from typing import Any

from ..schema import StructuredCV
from .conf import max_chars
from .detect import decode_text, detect_format
from .document import RawDocument
from .errors import IngestError
from .extract.build import build_cv


def read_document(data: bytes, *, filename: str = "") -> RawDocument:
    fmt = detect_format(data, filename=filename)
    if fmt == "pdf":
        from .readers.pdf import read_pdf

        doc = read_pdf(data)
    elif fmt == "docx":
        from .readers.docx import read_docx

        doc = read_docx(data)
    elif fmt == "latex":
        from .readers.latex import read_latex

        text, cut = _bounded(decode_text(data))
        doc = read_latex(text)
        doc.warnings += cut
    else:
        from .readers.text import read_text

        text, cut = _bounded(decode_text(data))
        doc = read_text(text, markdown=fmt == "markdown")
        doc.warnings += cut
    if not any(line.text.strip() for line in doc.lines):
        raise IngestError("The document has no readable text.", code="empty_document")
    return doc


def _bounded(text: str) -> tuple[str, list[str]]:
    limit = max_chars()
    if len(text) <= limit:
        return text, []
    return text[:limit], [f"Only the first {limit} characters were read."]


def parse_document_with_meta(data: bytes, *, filename: str = "") -> tuple[StructuredCV, dict[str, Any]]:
    """The CV and {format, pages, milliseconds, characters} for callers that store or log them."""
    started = time.perf_counter()
    doc = read_document(data, filename=filename)
    cv = build_cv(doc)
    meta = {
        "format": doc.format,
        "pages": doc.pages,
        "milliseconds": round((time.perf_counter() - started) * 1000, 1),
        "characters": len(cv.raw_text),
    }
    return cv, meta


def parse_document(data: bytes, *, filename: str = "") -> StructuredCV:
    return parse_document_with_meta(data, filename=filename)[0]


def parse_text(text: str) -> StructuredCV:
    """Plain text or Markdown already in memory."""
    from .readers.text import read_text

    markdown = detect_format(text.encode("utf-8")) == "markdown" if text.strip() else False
    if not text.strip():
        raise IngestError("The document has no readable text.", code="empty_document")
    text, cut = _bounded(text)
    doc = read_text(text, markdown=markdown)
    doc.warnings += cut
    return build_cv(doc)
