"""Format sniffing by content: the extension is only a tie-breaker between text dialects.

A ``.json`` name only makes a text file be judged as JSON (and refused if it is not); JSON
content is recognised without it.
"""

from __future__ import annotations

import io
import re
import zipfile

from .errors import IngestError
from .readers.json_resume import load_json_resume, looks_like_json

FORMATS = ("pdf", "docx", "latex", "markdown", "text", "json")

_LATEX = re.compile(
    rb"\\(?:documentclass|begin\{document\}|section\*?\{|cvsection|name\{|cventry|resumeSubheading)"
)
_MARKDOWN = re.compile(
    r"^(?:#{1,6}\s+\S|\s*[-*+]\s+\S|\s*\d+\.\s+\S|.*\[[^\]]+\]\([^)]+\)|.*\*\*[^*]+\*\*|[=-]{3,}\s*$)",
    re.M,
)
# Binary formats we know but do not read: give a clear "unsupported" rather than garbage text.
_KNOWN_BINARY = (
    (b"\xd0\xcf\x11\xe0", "legacy Word .doc"),
    (b"{\\rtf", "RTF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
)


def detect_format(data: bytes, *, filename: str = "") -> str:
    """One of FORMATS, or IngestError(unsupported_file)."""
    if not data or not data.strip():
        raise IngestError("The file is empty.", code="empty_document")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return _zip_format(data)
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise IngestError(
                f"This looks like a {what} file; upload PDF, DOCX, LaTeX, Markdown or plain text.",
                code="unsupported_file",
            )
    text = _as_text(data)
    if text is None:
        raise IngestError(
            "The file is neither PDF, DOCX nor text; upload PDF, DOCX, LaTeX, Markdown or plain text.",
            code="unsupported_file",
        )
    if looks_like_json(text, filename=filename):
        load_json_resume(decode_text(data))  # broken JSON or JSON that is not a resume: a 400
        return "json"
    return _text_dialect(text, data, filename)


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError("The file is a damaged ZIP/DOCX archive.", code="malformed_file") from exc
    if "word/document.xml" in names:
        return "docx"
    raise IngestError(
        "The archive is not a Word document (no word/document.xml); upload PDF, DOCX, LaTeX or text.",
        code="unsupported_file",
    )


def _as_text(data: bytes) -> str | None:
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text = decode_text(sample)
    # Mostly control characters means binary that happened to decode.
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return None if bad > max(8, len(text) // 50) else text


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 as the common legacy case."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _text_dialect(text: str, data: bytes, filename: str) -> str:
    if _LATEX.search(data[:200000]):
        return "latex"
    lowered = filename.lower()
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    if len(_MARKDOWN.findall(text[:20000])) >= 2 and re.search(r"^#{1,6}\s|\*\*|\]\(", text, re.M):
        return "markdown"
    return "text"
