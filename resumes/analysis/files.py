"""Reading a CV or a job description from bytes (text, PDF, DOCX, LaTeX, Markdown), and the
analysis of stored CVs.

The one place the analysis reaches outside the engine: files pass the platform's gate
(``resumes.parsing.parse_file``: upload checks, then the sandboxed parse) like any upload, and
stored CVs are read through the resumes selectors. Both are imported where they are used, so
importing the engine does not load the web app.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest.detect import decode_text
from ..schema import StructuredCV
from .cvview import DocumentSignals
from .document import document_signals


@dataclass
class ReadCV:
    cv: StructuredCV
    signals: DocumentSignals


def read_cv(data: bytes, *, filename: str = "") -> ReadCV:
    """Parse an untrusted CV file through the upload gate and inspect its hidden layer;
    an ``ApplicationError`` (4xx) for a file an upload would refuse."""
    from ..parsing import parse_file

    parsed = parse_file(data, filename=filename)
    # Like an upload's signals: read only once the sandboxed parse has accepted the file.
    signals = document_signals(data, fmt=parsed.meta.get("format", ""))
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


def stored_document_signals(document) -> DocumentSignals:
    """Hidden/tiny text, images and tables of a stored upload (a ``CVDocument``); an unreadable
    or missing file gives no signals rather than an error, since the parse already succeeded."""
    if not document.file or document.format not in {"pdf", "docx"}:
        return DocumentSignals(format=document.format, pages=document.pages)
    try:
        with document.file.open("rb") as stored:
            data = stored.read()
        return document_signals(data, fmt=document.format)
    except Exception:  # a broken stored file must not break scoring
        return DocumentSignals(format=document.format, pages=document.pages)


def cv_document_analysis(*, user, cv_id, job_text: str | None = None):
    """The full analysis of one of the user's stored CVs (404 for anyone else's)."""
    from .. import selectors
    from .engine import analyse_cv

    document = selectors.cv_document_get(user=user, cv_id=cv_id)
    cv = selectors.cv_document_parsed(document=document)
    return analyse_cv(cv, job_text=job_text or None, signals=stored_document_signals(document))
