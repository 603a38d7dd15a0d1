"""The one format detector: what a file *is*, judged by its content.

Uploads (``resumes.safety``) and the parser (``pipeline``) both ask this module, so a file is
never one format to the upload checks and another to the reader. The extension is only a
tie-breaker between text dialects (``.tex``, ``.md``); a ``.json`` name only makes a text file
be judged as JSON (and refused if it is not), and JSON content is recognised without it.

Refused, with a message that names what the file is: executables, images, archives, legacy
Office and RTF documents, HTML/XML/SVG, ZIP archives that are neither Word documents nor
LaTeX projects (a ``.tex`` inside: ``latex-zip``), and bytes that are not readable text.
"""

from __future__ import annotations

import io
import re
import zipfile

from .errors import IngestError
from .readers.json_resume import load_json_resume, looks_like_json
from .readers.latex_project import is_latex_project

FORMATS = ("pdf", "docx", "latex", "latex-zip", "markdown", "text", "json")
ACCEPTED_FORMATS = "PDF, DOCX, LaTeX (a .tex file or a zipped project), Markdown, JSON Resume or plain text"

_SAMPLE = 65536
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Binary formats we know but do not read: a clear "unsupported" rather than garbage text.
_KNOWN_BINARIES = (
    (b"MZ", "a Windows executable"),
    (b"\x7fELF", "a Linux executable"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office (.doc) file; save it as DOCX or PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"{\\rtf", "an RTF document; save it as DOCX or PDF"),
)
_MARKUP = re.compile(r"^\s*(<!doctype\s+html|<html|<\?xml|<svg|<script|<body|<head)", re.IGNORECASE)
_LATEX = re.compile(
    r"\\(?:documentclass|begin\{document\}|section\*?\{|cvsection|name\{|cventry|resumeSubheading)"
)
_MARKDOWN = re.compile(
    r"^(?:#{1,6}\s+\S|\s*[-*+]\s+\S|\s*\d+\.\s+\S|.*\[[^\]]+\]\([^)]+\)|.*\*\*[^*]+\*\*|[=-]{3,}\s*$)",
    re.M,
)
# A bullet list alone is plain text; Markdown also has a heading, bold text or a link.
_MARKDOWN_STRONG = re.compile(r"^#{1,6}\s|\*\*|\]\(", re.M)
_TEXT_EXTENSIONS = {".tex": "latex", ".latex": "latex", ".md": "markdown", ".markdown": "markdown"}
# Word documents always carry both: a ZIP without them is some other archive.
_DOCX_PARTS = ("word/document.xml", "[Content_Types].xml")


def detect_format(data: bytes, *, filename: str = "") -> str:
    """One of FORMATS, or ``IngestError`` (empty_document, unsupported_file, malformed_file)."""
    if not data or not data.strip():
        raise IngestError("The file is empty.", code="empty_document")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    for magic, what in _KNOWN_BINARIES:
        if head.startswith(magic):
            raise _unsupported(f"The file is {what}, not a CV document ({ACCEPTED_FORMATS}).")
    text = readable_text(data)
    if text is None:
        raise _unsupported(f"The file's content is not a supported CV format ({ACCEPTED_FORMATS}).")
    if _MARKUP.match(text.lstrip("\ufeff")):
        raise _unsupported(f"HTML and XML files are not accepted; upload {ACCEPTED_FORMATS}.")
    if looks_like_json(text, filename=filename):
        load_json_resume(decode_text(data))  # broken JSON or JSON that is not a resume: a 400
        return "json"
    return text_dialect(text, filename=filename)


def text_dialect(text: str, *, filename: str = "") -> str:
    """ "latex", "markdown" or "text" for text already known to be text: content first, then
    the extension, then Markdown's own marks."""
    if _LATEX.search(text[:200_000]):
        return "latex"
    by_name = _TEXT_EXTENSIONS.get(_suffix(filename))
    if by_name:
        return by_name
    sample = text[:20_000]
    if len(_MARKDOWN.findall(sample)) >= 2 and _MARKDOWN_STRONG.search(sample):
        return "markdown"
    return "text"


def _suffix(filename: str) -> str:
    name = filename.lower().rsplit("/", 1)[-1]
    return name[name.rfind(".") :] if "." in name else ""


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())  # the directory only: nothing is decompressed
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(
            f"The file looks like a ZIP/DOCX but is damaged ({exc}).", code="malformed_file"
        ) from None
    if all(part in names for part in _DOCX_PARTS):
        return "docx"
    if is_latex_project(sorted(names)):
        return "latex-zip"  # an Overleaf-style project: its main file is found when it is read
    raise _unsupported(
        f"The ZIP archive is neither a Word document nor a LaTeX project; upload {ACCEPTED_FORMATS}."
    )


def _unsupported(message: str) -> IngestError:
    return IngestError(message, code="unsupported_file")


def readable_text(data: bytes) -> str | None:
    """The first 64 KB as text when the bytes are readable text (UTF-8, UTF-16 with a BOM, or a
    single-byte Western encoding), else None."""
    sample = data[:_SAMPLE]
    if sample.startswith(_UTF16_BOMS):
        text = sample[: len(sample) - len(sample) % 2].decode("utf-16", errors="replace")
    elif b"\x00" in sample:
        return None
    else:
        text = _utf8_sample(sample)
    # More than 1% control characters is binary that happened to decode.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return None if controls > len(text) // 100 else text


def _utf8_sample(sample: bytes) -> str:
    try:
        return sample.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a multi-byte character cut by the sample's end
            return sample[: exc.start].decode("utf-8-sig")
    return sample.decode("cp1252", errors="replace")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 as the common legacy case."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
