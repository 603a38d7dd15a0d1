"""What only the file shows: hidden (white) or tiny text, images and tables.

The parser reads text; an ATS reads it the same way, so text a human cannot see still reaches
the ATS. That is exactly how keyword stuffing hides, so the analysis must find it and keep it
from earning points.
"""

from __future__ import annotations

import io
import re
import zipfile

from .cvview import DocumentSignals

TINY_PT = 4.0  # below this a human cannot read it
_WHITE = {(1,), (1, 1, 1), (0, 0, 0, 0)}


def _is_white(color) -> bool:
    if color is None:
        return False
    try:
        values = tuple(round(float(c), 2) for c in (color if isinstance(color, list | tuple) else [color]))
    except (TypeError, ValueError):
        return False
    return values in _WHITE


def _runs(chars: list[dict]) -> list[str]:
    """Consecutive flagged glyphs joined into readable snippets."""
    runs, current, last = [], [], None
    for char in chars:
        if last is not None and abs(char["top"] - last["top"]) > 2:
            runs.append("".join(current))
            current = []
        elif last is not None and char["x0"] - last["x1"] > 0.15 * float(char.get("size") or 10):
            current.append(" ")  # PDFs draw no space glyph: a gap between glyphs is the space
        current.append(char["text"])
        last = char
    if current:
        runs.append("".join(current))
    return [" ".join(r.split()) for r in runs if r.strip()]


def pdf_signals(data: bytes) -> DocumentSignals:
    import pdfplumber

    signals = DocumentSignals(format="pdf")
    hidden, tiny = [], []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        signals.pages = len(pdf.pages)
        for page in pdf.pages[:10]:
            chars = page.chars
            hidden += [c for c in chars if _is_white(c.get("non_stroking_color")) and c["text"].strip()]
            tiny += [c for c in chars if float(c.get("size") or 12) < TINY_PT and c["text"].strip()]
            signals.images += len(page.images)
            signals.tables += len(page.find_tables())
    signals.hidden_text = _runs(hidden)
    signals.tiny_text = _runs([c for c in tiny if c not in hidden])
    return signals


_DOCX_RUN = re.compile(r"<w:r[ >].*?</w:r>", re.S)
_DOCX_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def docx_signals(data: bytes) -> DocumentSignals:
    signals = DocumentSignals(format="docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml").decode("utf-8", "replace")
            signals.images = sum(1 for name in archive.namelist() if name.startswith("word/media/"))
    except (KeyError, zipfile.BadZipFile):
        return signals
    signals.tables = xml.count("<w:tbl>")
    for run in _DOCX_RUN.findall(xml):
        text = "".join(_DOCX_TEXT.findall(run)).strip()
        if not text:
            continue
        size = re.search(r'<w:sz w:val="(\d+)"', run)
        if "<w:vanish/>" in run or re.search(r'<w:color w:val="(?:FFFFFF|ffffff)"', run):
            signals.hidden_text.append(text)
        elif size and int(size.group(1)) / 2 < TINY_PT:
            signals.tiny_text.append(text)
    return signals


def document_signals(data: bytes, *, fmt: str) -> DocumentSignals:
    """Signals for a PDF or DOCX; other formats have no hidden layer to inspect."""
    if fmt == "pdf":
        return pdf_signals(data)
    if fmt == "docx":
        return docx_signals(data)
    return DocumentSignals(format=fmt)
