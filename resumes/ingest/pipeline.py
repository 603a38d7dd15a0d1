"""bytes -> StructuredCV: detect, read, extract; with timing and page count for callers."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from ..schema import StructuredCV
from .conf import max_chars
from .detect import decode_text, detect_format, text_dialect
from .document import RawDocument
from .errors import IngestError
from .extract.build import build_cv
from .readers.json_resume import looks_like_json, read_json_resume

logger = logging.getLogger(__name__)


def read_document(data: bytes, *, filename: str = "") -> RawDocument:
    fmt = detect_format(data, filename=filename)
    if fmt == "json":
        raise IngestError("A JSON Resume is data, not a document to read: use parse_document.")
    return _read_format(fmt, data)


def _read_format(fmt: str, data: bytes) -> RawDocument:
    try:
        doc = _read(fmt, data)
    except IngestError:
        raise
    except Exception as exc:
        # A reader tripping over a damaged file must not become a 500; the log keeps the bug.
        logger.exception("CV reader failed on a %s file", fmt)
        raise IngestError(
            f"The {fmt.upper()} file is damaged and cannot be read.", code="malformed_file"
        ) from exc
    if not any(line.text.strip() for line in doc.lines):
        raise IngestError("The document has no readable text.", code="empty_document")
    return doc


def _read(fmt: str, data: bytes) -> RawDocument:
    if fmt == "pdf":
        from .readers.pdf import read_pdf

        doc = read_pdf(data)
    elif fmt == "docx":
        from .readers.docx import read_docx

        doc = read_docx(data)
    elif fmt == "latex":
        from .readers.latex import read_latex

        doc = _read_bounded(read_latex, decode_text(data))
    elif fmt == "latex-zip":
        from .readers.latex import read_latex
        from .readers.latex_project import flatten

        source, warnings = flatten(data)
        doc = _read_bounded(read_latex, source)
        doc.warnings[:0] = warnings
    else:
        doc = _read_bounded_text(decode_text(data), markdown=fmt == "markdown")
    return doc


def _read_bounded(read: Callable[[str], RawDocument], text: str) -> RawDocument:
    """``read`` on the text's first ``CV_PARSE_MAX_CHARS`` characters, warning if it was cut."""
    limit = max_chars()
    cut = len(text) > limit
    doc = read(text[:limit] if cut else text)
    if cut:
        doc.warnings.append(f"Only the first {limit} characters were read.")
    return doc


def _read_bounded_text(text: str, *, markdown: bool) -> RawDocument:
    from .readers.text import read_text

    return _read_bounded(lambda t: read_text(t, markdown=markdown), text)


def parse_document_with_meta(data: bytes, *, filename: str = "") -> tuple[StructuredCV, dict[str, Any]]:
    """The CV and {format, pages, milliseconds, characters} for callers that store or log them."""
    started = time.perf_counter()
    fmt = detect_format(data, filename=filename)
    if fmt == "json":  # JSON Resume: imported as it is, nothing to extract
        cv, pages = read_json_resume(decode_text(data)), 1
    else:
        doc = _read_format(fmt, data)
        cv, fmt, pages = _build(doc), doc.format, doc.pages
    meta = {
        "format": fmt,
        "pages": pages,
        "milliseconds": round((time.perf_counter() - started) * 1000, 1),
        "characters": len(cv.raw_text),
    }
    return cv, meta


def parse_document(data: bytes, *, filename: str = "") -> StructuredCV:
    return parse_document_with_meta(data, filename=filename)[0]


def parse_text(text: str) -> StructuredCV:
    """Plain text or Markdown already in memory (a paste: text by definition, so only its
    dialect is detected, not whether it is a binary file)."""
    if not text.strip():
        raise IngestError("The document has no readable text.", code="empty_document")
    if looks_like_json(text):  # a pasted resume.json
        return read_json_resume(text)
    return _build(_read_bounded_text(text, markdown=text_dialect(text) == "markdown"))


def _build(doc: RawDocument) -> StructuredCV:
    """Fields from the text; if extraction itself fails, the text still comes back."""
    try:
        return build_cv(doc)
    except Exception:
        logger.exception("CV field extraction failed on a %s document", doc.format)
        return StructuredCV(
            raw_text=doc.text,
            warnings=[*doc.warnings, "The fields could not be extracted; only the text was read."],
        )
