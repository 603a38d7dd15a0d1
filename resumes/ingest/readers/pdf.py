"""PDF via pdfium's character boxes: our own line building, no full layout analysis.

pdfplumber's ``extract_text`` runs pdfminer's layout engine on every page, which costs about
60 ms a page. Here pdfium (the C library pdfplumber's pypdfium2 dependency wraps) hands us each
glyph with its box and font size; we group glyphs into runs, find column gutters, and build
lines in reading order ourselves, which is several times faster and lets us keep the layout
hints (font size, bold, x position, wide gaps) the field extractor needs.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..conf import max_pages
from ..document import RawDocument
from ..errors import IngestError
from .pdf_layout import Glyph, page_lines

_URI_ACTION = 3  # PDFACTION_URI


def read_pdf(data: bytes) -> RawDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = "The PDF cannot be opened"
        if "password" in str(exc).lower():
            message = "The PDF is password-protected; upload an unprotected copy"
        raise IngestError(f"{message}.", code="malformed_file") from exc
    try:
        return _read(pdf)
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument) -> RawDocument:
    doc = RawDocument(format="pdf", lines=[], pages=len(pdf))
    if doc.pages == 0:
        raise IngestError("The PDF has no pages.", code="malformed_file")
    glyph_total = junk_total = 0
    limit = max_pages()
    if doc.pages > limit:
        doc.warnings.append(f"Only the first {limit} of {doc.pages} pages were read.")
    for index in range(min(doc.pages, limit)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            doc.warnings.append(f"Page {index + 1} is damaged and was skipped.")
            continue
        try:
            textpage = page.get_textpage()
            glyphs = _glyphs(textpage)
            glyph_total += len(glyphs)
            junk_total += sum(1 for g in glyphs if _is_junk(g.ch))
            links = _links(pdf, page)
            doc.links.extend(uri for uri, _ in links)
            doc.lines.extend(page_lines(glyphs, page.get_width(), page.get_height(), index + 1, links))
            textpage.close()
        finally:
            page.close()
    _drop_running_lines(doc)
    # OCR takes a second or two a page: a scan is read up to ten pages.
    # A text layer in an unmapped font encoding reads as symbols: OCR the page images instead.
    unreadable = glyph_total == 0 or junk_total > 0.5 * glyph_total
    if unreadable and _ocr_into(pdf, doc, min(doc.pages, limit, 10)):
        return doc
    if glyph_total == 0:
        raise IngestError(
            "The PDF has no text layer (it is a scanned image); export it from the original "
            "document or upload a DOCX or text version.",
            code="no_text_layer",
        )
    return doc


def _glyphs(textpage: pdfium.PdfTextPage) -> list[Glyph]:
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_size = pdfium_c.FPDFText_GetFontSize
    get_weight = pdfium_c.FPDFText_GetFontWeight
    glyphs: list[Glyph] = []
    space_before = True
    bold = False
    last_size = -1.0
    for i in range(count):
        code = get_unicode(raw, i)
        if code in (32, 9, 10, 13, 0xA0, 0x2002, 0x2003, 0x2009) or code == 0:
            space_before = True
            continue
        if not get_box(raw, i, rect):
            continue
        size = get_size(raw, i)
        # Font weight is the slowest query; bold goes by whole words, so ask once per word.
        if space_before or size != last_size:
            bold = get_weight(raw, i) >= 600
            last_size = size
        glyphs.append(
            Glyph(chr(code), rect.left, rect.right, rect.bottom, rect.top, size, bold, space_before)
        )
        space_before = False
    return glyphs


def _links(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[tuple[str, tuple[float, ...]]]:
    """URI link annotations with their rectangles (the visible text often hides the URL)."""
    out: list[tuple[str, tuple[float, ...]]] = []
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(pos), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != _URI_ACTION:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        if size <= 1 or size > 4096:
            continue
        buf = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buf, size)
        uri = buf.value.decode("utf-8", errors="replace").strip()
        box = (0.0, 0.0, 0.0, 0.0)
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            box = (rect.left, rect.bottom, rect.right, rect.top)
        if uri:
            out.append((uri, box))
    return out


def _drop_running_lines(doc: RawDocument) -> None:
    """Margin lines printed on two or more pages are running headers/footers.

    The first copy stays: a footer often carries the contact details.
    """
    if doc.pages < 2:
        return
    pages_of: dict[str, set[int]] = {}
    for line in doc.lines:
        if line.edge:
            pages_of.setdefault(_running_key(line), set()).add(line.page)
    repeated = {key for key, pages in pages_of.items() if len(pages) >= 2}
    if not repeated:
        return
    kept: set[str] = set()
    out = []
    for line in doc.lines:
        key = _running_key(line) if line.edge else ""
        if key in repeated:
            if key in kept or _PAGE_MARK.search(line.text):
                continue
            kept.add(key)
        out.append(line)
    doc.lines = out


_PAGE_MARK = re.compile(r"\b(?:page|seite)\s*#|#\s*(?:/|of)\s*#|^\W*#\W*$", re.I)


def _running_key(line) -> str:
    return re.sub(r"\d+", "#", line.text.lower())


def _is_junk(ch: str) -> bool:
    code = ord(ch)
    return code < 32 or code == 0xFFFD or 0xE000 <= code <= 0xF8FF


def _ocr_into(pdf: pdfium.PdfDocument, doc: RawDocument, pages: int) -> bool:
    """A scanned CV: read it with OCR when that is installed; False when it is not or finds nothing."""
    from . import ocr

    if not ocr.available():
        return False
    lines = ocr.ocr_pages(pdf, pages)
    if not lines:
        return False
    had_text = bool(doc.lines)
    doc.lines = lines
    doc.format = "pdf"
    doc.warnings.append(
        "The PDF's text layer is unreadable; it was read by OCR, so check the fields."
        if had_text
        else "The PDF has no text layer; it was read by OCR, so check the fields."
    )
    return True
