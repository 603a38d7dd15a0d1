"""OCR for PDFs without a text layer, through the Tesseract command-line tool when installed.

pdfium renders each page to a grey bitmap, Tesseract returns word boxes (its TSV output), and
the words go through the same line and column building as a PDF's own glyphs. Off when the
``tesseract`` binary is missing or ``CV_PARSE_OCR=off``; the caller then reports that the
PDF has no text layer.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pypdfium2 as pdfium

from ..conf import ocr_languages, ocr_mode
from ..document import Line
from .pdf_layout import Glyph, page_lines

DPI = 300
_TIMEOUT = 60  # seconds per page; a CV page takes one or two


def available() -> bool:
    return ocr_mode() != "off" and shutil.which("tesseract") is not None


def ocr_pages(pdf: pdfium.PdfDocument, pages: int) -> list[Line]:
    lines: list[Line] = []
    for index in range(pages):
        page = pdf[index]
        try:
            width, height = page.get_width(), page.get_height()
            words = _words(_pgm(page))
        finally:
            page.close()
        scale = DPI / 72
        glyphs = [
            Glyph(
                text,
                left / scale,
                (left + w) / scale,
                height - (top + h) / scale,
                height - top / scale,
                h / scale * 1.35,
                False,
                True,
            )
            for text, left, top, w, h in words
        ]
        lines.extend(page_lines(glyphs, width, height, index + 1))
    return lines


def _pgm(page: pdfium.PdfPage) -> bytes:
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    try:
        w, h, stride = bitmap.width, bitmap.height, bitmap.stride
        raw = bytes(bitmap.buffer)
    finally:
        bitmap.close()
    rows = raw if stride == w else b"".join(raw[y * stride : y * stride + w] for y in range(h))
    return b"P5\n%d %d\n255\n" % (w, h) + rows


def _words(image: bytes) -> list[tuple[str, int, int, int, int]]:
    """(text, left, top, width, height) in pixels, for words Tesseract is fairly sure of."""
    cmd = ["tesseract", "stdin", "stdout", "-l", ocr_languages(), "--psm", "1", "tsv"]
    try:
        out = subprocess.run(cmd, input=image, capture_output=True, timeout=_TIMEOUT, check=True).stdout  # noqa: S603
    except (subprocess.SubprocessError, OSError):
        return []
    words = []
    for row in csv.DictReader(
        io.StringIO(out.decode("utf-8", errors="replace")), delimiter="\t", quoting=csv.QUOTE_NONE
    ):
        text = (row.get("text") or "").strip()
        try:
            conf = float(row.get("conf") or -1)
            box = tuple(int(row[k]) for k in ("left", "top", "width", "height"))
        except (TypeError, ValueError, KeyError):
            continue
        if text and conf >= 30 and row.get("level") == "5":
            words.append((text, *box))
    return words
