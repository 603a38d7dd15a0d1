"""The gate every untrusted CV file passes, and the sandboxed parse behind it.

A file is parsed only after ``safety.check_bytes`` (size, type by content, DOCX guards) and
only inside a forked child with time and memory limits (``sandbox.run_limited``), after a
page-count check for PDFs, with a file name derived from the format the *content* was found
to be. Uploads (``safety.read_upload`` then ``parse_upload``), parse jobs (``parse_bytes``)
and files read by management commands and benchmarks (``parse_file``) all take this path.

The parser itself lives in ``resumes.ingest``; this module only decides how it runs.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

import pypdfium2

from cvplatform.exceptions import ApplicationError

from . import conf
from .analysis.cvview import DocumentSignals
from .analysis.document import document_signals
from .models import FORMAT_EXTENSIONS
from .safety import CheckedUpload, UnsupportedFile, check_bytes
from .sandbox import run_limited
from .schema import StructuredCV

logger = logging.getLogger(__name__)
MAX_TEXT_CHARS = 200_000


@dataclass
class ParseResult:
    cv: StructuredCV
    meta: dict[str, Any] = field(default_factory=dict)
    # What only the file shows (hidden or tiny text, images, tables), read by the same child.
    signals: DocumentSignals = field(default_factory=DocumentSignals)

    @property
    def pages(self) -> int | None:
        pages = self.meta.get("pages")
        return int(pages) if isinstance(pages, int) else None


def check_pdf_pages(data: bytes) -> int:
    """Open the PDF with PDFium (robust against cyclic page trees) and bound its page count."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise UnsupportedFile(
            f"The PDF is damaged or password-protected and cannot be read ({exc})."
        ) from None
    try:
        pages = len(document)
    finally:
        document.close()
    if pages < 1:
        raise UnsupportedFile("The PDF has no pages.")
    limit = conf.pdf_max_pages()
    if pages > limit:
        raise UnsupportedFile(f"The PDF has {pages} pages; a CV may have at most {limit}.")
    return pages


def _parse_document_child(data: bytes, fmt: str) -> dict[str, Any]:
    from . import ingest

    pages = check_pdf_pages(data) if fmt == "pdf" else None
    name = f"upload{FORMAT_EXTENSIONS.get(fmt, '')}"
    cv, meta = ingest.parse_document_with_meta(data, filename=name)
    meta = {key: value for key, value in meta.items() if _is_json(value)}
    meta.setdefault("format", fmt)
    if pages is not None:
        meta.setdefault("pages", pages)
    signals = _document_signals(data, fmt, pages=meta.get("pages"))
    return {"cv": cv.model_dump(mode="json"), "meta": meta, "signals": signals.as_dict()}


def _document_signals(data: bytes, fmt: str, *, pages: Any) -> DocumentSignals:
    """The file's hidden layer, read here, in the child: it opens the file again (pdfplumber
    for a PDF, the XML for a DOCX), which is as hostile as the parse itself."""
    fallback = DocumentSignals(format=fmt, pages=pages if isinstance(pages, int) else None)
    if fmt not in {"pdf", "docx"}:
        return fallback
    try:
        return document_signals(data, fmt=fmt)
    except Exception:  # the parse succeeded: a file whose extras cannot be read has none
        return fallback


def _signals_child(data: bytes, fmt: str) -> dict[str, Any]:
    return _document_signals(data, fmt, pages=None).as_dict()


def _parse_text_child(text: str) -> dict[str, Any]:
    from . import ingest

    cv = ingest.parse_text(text)
    signals = DocumentSignals(format="text")
    return {"cv": cv.model_dump(mode="json"), "meta": {"format": "text"}, "signals": signals.as_dict()}


def _is_json(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | type(None) | list | dict)


_WARM_MODULES = (
    "resumes.ingest",
    "resumes.ingest.readers.pdf",
    "resumes.ingest.readers.docx",
    "resumes.ingest.readers.latex",
    "resumes.ingest.readers.text",
)
_warmed = False


def warm_parser() -> None:
    """Import the parser's modules in this process once, so every forked child inherits them
    instead of importing pdfplumber & co. again for each file (the sandbox stays cheap)."""
    global _warmed
    if _warmed:
        return
    for name in _WARM_MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # a reader that fails to import fails again in the child, as a 400
            logger.warning("CV parser module %s did not import: %s", name, exc)
    _warmed = True


def _run(func, *args) -> Any:
    warm_parser()
    try:
        return run_limited(
            func,
            *args,
            timeout=conf.parse_timeout_seconds(),
            cpu_seconds=conf.parse_cpu_seconds(),
            memory_bytes=conf.parse_memory_bytes(),
        )
    except ApplicationError as exc:
        if exc.status_code != 400:
            raise
        # A reader's verdict (damaged, no text layer) or a limit the parse hit: to the caller
        # it is the one failure the checks before the parse report too, a file we cannot read.
        raise UnsupportedFile(exc.message) from None


def _limited(func, *args) -> ParseResult:
    result = _run(func, *args)
    return ParseResult(
        cv=StructuredCV.model_validate(result["cv"]),
        meta=result["meta"],
        signals=DocumentSignals.from_dict(result["signals"]),
    )


def parse_file(data: bytes, *, filename: str = "") -> ParseResult:
    """The gate: an untrusted CV file's size and type checks, then its sandboxed parse."""
    return parse_upload(check_bytes(data, filename=filename))


def parse_upload(checked: CheckedUpload) -> ParseResult:
    """The sandboxed parse of bytes ``safety`` has checked (``read_upload``/``check_bytes``)."""
    return _limited(_parse_document_child, checked.data, checked.format)


def parse_bytes(data: bytes, *, fmt: str) -> ParseResult:
    """A stored upload, parsed by a job: the bytes come back from storage, so they pass the
    gate again; ``fmt`` (the format found at upload) breaks a tie between text dialects."""
    return parse_file(data, filename=f"upload{FORMAT_EXTENSIONS.get(fmt, '')}")


def document_signals_of(data: bytes, *, fmt: str) -> DocumentSignals:
    """The hidden layer of a stored upload parsed before signals were stored with it: its
    bytes pass the gate again, and are read in the sandbox like a parse."""
    checked = check_bytes(data, filename=f"upload{FORMAT_EXTENSIONS.get(fmt, '')}")
    return DocumentSignals.from_dict(_run(_signals_child, checked.data, checked.format))


def parse_cv_text(text: str) -> ParseResult:
    if not text or not text.strip():
        raise UnsupportedFile("The CV text is empty.")
    if len(text) > MAX_TEXT_CHARS:
        raise UnsupportedFile(f"The CV text is longer than {MAX_TEXT_CHARS} characters.")
    return _limited(_parse_text_child, text)
