"""Reading a CV or a job description from bytes (text, PDF, DOCX, LaTeX, Markdown), and the
analysis of stored CVs.

The one place the analysis reaches outside the engine: files pass the platform's gate
(``resumes.parsing.parse_file``: upload checks, then the sandboxed parse) like any upload, and
stored CVs are read through the resumes selectors (their file's signals, which the sandboxed
parse stored, through the resumes services). Both are imported where they are used, so
importing the engine does not load the web app.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.detect import decode_text
from ..schema import StructuredCV
from .cvview import DocumentSignals


@dataclass
class ReadCV:
    cv: StructuredCV
    signals: DocumentSignals


def read_cv(data: bytes, *, filename: str = "") -> ReadCV:
    """Parse an untrusted CV file through the upload gate and inspect its hidden layer;
    an ``ApplicationError`` (4xx) for a file an upload would refuse."""
    from ..parsing import parse_file

    parsed = parse_file(data, filename=filename)
    signals = parsed.signals  # read by the sandboxed parse, like an upload's
    signals.pages = signals.pages or None
    return ReadCV(cv=parsed.cv, signals=signals)


def read_job_text(data: bytes, *, filename: str = "") -> str:
    """A job description's text: plain text as is, other formats through the upload gate."""
    from ..parsing import parse_upload
    from ..safety import check_bytes

    checked = check_bytes(data, filename=filename)
    if checked.format in {"text", "markdown"}:
        return decode_text(data)
    return parse_upload(checked).cv.raw_text


def cv_from_text(text: str) -> StructuredCV:
    """A pasted CV's structure; an empty paste is an empty CV (it scores 0), not an error.

    Lines addressed to an AI are removed before parsing and kept in ``warnings``, where the
    analysis reports them."""
    from ..ingest import parse_text
    from .text import defuse, ignored_warnings

    clean, removed = defuse(text or "")
    cv = parse_text(clean) if clean.strip() else StructuredCV()
    cv.warnings.extend(ignored_warnings(removed))
    return cv


def cv_document_analysis(*, user, cv_id, job_text: str | None = None):
    """The full analysis of one of the user's stored CVs (404 for anyone else's)."""
    from .. import selectors, services
    from .engine import analyse_cv

    document = selectors.cv_document_get(user=user, cv_id=cv_id)
    cv = selectors.cv_document_parsed(document=document)
    signals = services.cv_document_signals(document=document)
    return analyse_cv(cv, job_text=job_text or None, signals=signals)
