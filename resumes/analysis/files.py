"""Reading a CV or a job description from bytes (text, PDF, DOCX, LaTeX, Markdown)."""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest import detect_format, parse_document
from ..schema import StructuredCV
from .cvview import DocumentSignals
from .document import document_signals


@dataclass
class ReadCV:
    cv: StructuredCV
    signals: DocumentSignals


def read_cv(data: bytes, *, filename: str = "") -> ReadCV:
    """Parse a CV file and inspect its hidden layer; ``IngestError`` for unreadable files."""
    fmt = detect_format(data, filename=filename)
    cv = parse_document(data, filename=filename)
    signals = document_signals(data, fmt=fmt)
    signals.pages = signals.pages or None
    return ReadCV(cv=cv, signals=signals)


def read_job_text(data: bytes, *, filename: str = "") -> str:
    """A job description's text: plain text as is, PDF/DOCX through the ingestion readers."""
    fmt = detect_format(data, filename=filename)
    if fmt in {"text", "markdown"}:
        return data.decode("utf-8", errors="replace")
    return parse_document(data, filename=filename).raw_text


def cv_from_text(text: str) -> StructuredCV:
    """A pasted CV's structure; an empty paste is an empty CV (it scores 0), not an error."""
    from ..ingest import parse_text

    if not (text or "").strip():
        return StructuredCV()
    return parse_text(text)
