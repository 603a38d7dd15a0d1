"""DOCX via python-docx: paragraphs, tables, text boxes, headers/footers and hyperlinks in order.

python-docx opens and validates the package and resolves relationships (hyperlink targets);
we walk the WordprocessingML ourselves because its object model skips text boxes, content
controls and field-code hyperlinks, all common in CV templates.
"""

from __future__ import annotations

import io
import re
import zipfile
from itertools import pairwise

from ..document import SEP, Line, RawDocument
from ..errors import IngestError
from ..extract.patterns import find_date_range

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TYPED_BULLET = re.compile(r"^[•▪◦‣●○■□►▶➢➤✓✔∙·\-–—*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*(?=\S)(?![\d])")
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+"([^"]+)"')
_MAX_LINES = 20000


def read_docx(data: bytes) -> RawDocument:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # not a package, a bad zip, or lxml's XMLSyntaxError on a broken part
        raise IngestError(
            "The Word document is damaged and cannot be opened.", code="malformed_file"
        ) from exc
    try:
        doc = _read(document)
    except RecursionError as exc:  # tables nested thousands deep
        raise IngestError("The Word document is nested too deeply to read.", code="malformed_file") from exc
    doc.pages = _app_pages(data) or doc.pages
    return doc


def _app_pages(data: bytes) -> int:
    """The page count Word stored when it last saved (docProps/app.xml), 0 when absent."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("docProps/app.xml")[:20000].decode("utf-8", errors="ignore")
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0
    m = re.search(r"<(?:\w+:)?Pages>(\d{1,4})</", xml)
    return int(m.group(1)) if m else 0


def _read(document) -> RawDocument:
    doc = RawDocument(format="docx", lines=[])
    styles = _Styles(document)
    seen_parts: set[int] = set()
    for section in document.sections:
        for header in (section.first_page_header, section.header):
            _walk_part(header, doc, styles, seen_parts)
    levels: dict[int, int] = {}
    _Walker(doc, styles, _external_rels(document.part), levels).blocks(document.element.body)
    for section in document.sections:
        _walk_part(section.footer, doc, styles, seen_parts)
    _list_headers(doc.lines, levels)
    doc.pages = _page_count(document)
    return doc


def _list_headers(lines: list[Line], levels: dict[int, int]) -> None:
    """A list item with deeper items under it heads them: an HTML timeline converted to Word
    ("<li>Engineer, Acme<ul><li>Built X</li></ul></li>") is a list of entries, not of bullets."""
    listed = [(i, *levels[id(ln)]) for i, ln in enumerate(lines) if id(ln) in levels]
    heads = {
        (num, level)
        for (_, num, level, _), (_, nxt_num, nxt, _) in pairwise(listed)
        if nxt > level and nxt_num == num
    }
    looks = {(level, indent) for _, num, level, indent in listed if (num, level) in heads}
    # Every item at a heading level of that list is an entry, even one with no bullets under
    # it; so is an item indented as those are whose dates follow it outside the list.
    for i, num, level, indent in listed:
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        dated_next = nxt is not None and id(nxt) not in levels and find_date_range(nxt.text)
        if (num, level) in heads or ((level, indent) in looks and dated_next):
            lines[i].bullet = False


def _walk_part(part_proxy, doc: RawDocument, styles, seen: set[int]) -> None:
    try:
        if part_proxy.is_linked_to_previous:
            return
        element = part_proxy._element
        part = part_proxy.part
    except (AttributeError, KeyError, ValueError):
        return
    if id(element) in seen:
        return
    seen.add(id(element))
    _Walker(doc, styles, _external_rels(part)).blocks(element)


def _external_rels(part) -> dict[str, str]:
    out = {}
    for rid, rel in part.rels.items():
        if rel.is_external:
            out[rid] = rel.target_ref
    return out


class _Styles:
    """style id -> (is a heading/title, bold, font size in points), resolved when first asked.

    Templates define some 160 styles and a CV uses a handful: resolving them all would cost
    more than reading the document.
    """

    def __init__(self, document) -> None:
        self._elements = {el.styleId: el for el in document.styles.element.style_lst}
        self._cache: dict[str, tuple[bool, bool, float]] = {}

    def get(self, style_id: str, default: tuple[bool, bool, float]) -> tuple[bool, bool, float]:
        if style_id not in self._cache:
            from docx.styles.style import StyleFactory

            element = self._elements.get(style_id)
            try:
                self._cache[style_id] = (
                    _resolve_style(StyleFactory(element)) if element is not None else default
                )
            except (AttributeError, ValueError, KeyError):
                self._cache[style_id] = default
        return self._cache[style_id]


def _resolve_style(style) -> tuple[bool, bool, float]:
    heading, bold, size = False, None, 0.0
    for _ in range(10):  # a based_on chain; templates rarely go deeper than three
        if style is None:
            break
        name = (style.name or "").lower()
        heading = heading or name.startswith(_HEADING_STYLE_NAMES) or "section" in name
        font = getattr(style, "font", None)
        if font is not None:
            if bold is None and font.bold is not None:
                bold = bool(font.bold)
            if not size and font.size:
                size = font.size.pt
        style = getattr(style, "base_style", None)
    return heading, bool(bold), size


_HEADING_STYLE_NAMES = ("heading", "title", "überschrift", "titre", "titolo", "título", "kop")


def _chosen_text_boxes(alternate) -> list:
    """The text boxes of an mc:AlternateContent's Choice (its Fallback repeats them)."""
    choice = alternate.find(f"{MC}Choice")
    return [] if choice is None else list(choice.iter(f"{W}txbxContent"))


def _page_count(document) -> int:
    # DOCX stores no reliable page count (app.xml's <Pages> is whatever Word last wrote).
    breaks = len(document.element.body.findall(f".//{W}br[@{W}type='page']"))
    breaks += len(document.element.body.findall(f".//{W}lastRenderedPageBreak"))
    return max(1, breaks + 1) if breaks < 200 else 1


class _Walker:
    def __init__(self, doc: RawDocument, styles, rels: dict[str, str], levels: dict | None = None) -> None:
        self.doc = doc
        self.styles = styles
        self.rels = rels
        self.levels = {} if levels is None else levels  # id(list item line) -> (list, level, indent)

    def blocks(self, parent) -> None:
        for child in parent:
            if len(self.doc.lines) > _MAX_LINES:
                return
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}txbxContent"):
                self.blocks(child if tag != f"{W}sdt" else (child.find(f"{W}sdtContent") or []))

    # ------------------------------------------------------------------ paragraphs
    def paragraph(self, p) -> None:
        parts: list[str] = []
        links: list[str] = []
        boxes: list = []
        runs = {"bold": 0, "plain": 0, "size": 0.0}
        self._inline(p, parts, links, boxes, runs)
        style_id = ""
        ppr = p.find(f"{W}pPr")
        bullet = False
        heading = False
        level = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            style_id = ps.get(f"{W}val", "") if ps is not None else ""
            num = ppr.find(f"{W}numPr")
            # numId 0 switches a style's numbering off: not a list item.
            num_id = num.find(f"{W}numId") if num is not None else None
            bullet = num is not None and (num_id is None or num_id.get(f"{W}val", "") != "0")
            if bullet:
                ilvl = num.find(f"{W}ilvl")
                val = ilvl.get(f"{W}val", "0") if ilvl is not None else "0"
                ind = ppr.find(f"{W}ind")
                indent = ind.get(f"{W}left", ind.get(f"{W}start", "")) if ind is not None else ""
                level = (
                    num_id.get(f"{W}val", "") if num_id is not None else "",
                    int(val) if val.isdigit() else 0,
                    indent,
                )
            outline = ppr.find(f"{W}outlineLvl")
            heading = outline is not None and outline.get(f"{W}val", "9") not in ("9",)
        s_heading, s_bold, s_size = self.styles.get(style_id, (False, False, 0.0))
        heading = heading or s_heading
        bullet = bullet or "list" in style_id.lower()
        bold = runs["bold"] > runs["plain"] or (s_bold and runs["plain"] == 0)
        size = runs["size"] or s_size
        text = "".join(parts)
        self.doc.links.extend(links)
        for i, piece in enumerate(text.split("\n")):
            piece = re.sub(r"[ \u00a0]+", " ", piece).strip(" ")
            piece = re.sub(rf"\s*{SEP}+\s*", SEP, piece).strip(SEP + " ")
            # A bullet typed as a character ("• Built X", "- Led Y") rather than a Word list.
            typed = _TYPED_BULLET.match(piece)
            if typed:
                piece = piece[typed.end() :]
            if piece:
                line = Line(
                    text=piece,
                    bullet=(bullet and i == 0) or bool(typed),
                    heading=heading,
                    bold=bold,
                    size=size,
                    links=links if i == 0 else [],
                )
                self.doc.lines.append(line)
                if level is not None and i == 0:
                    self.levels[id(line)] = level
        for box in boxes:
            self.blocks(box)

    def _inline(self, el, parts: list[str], links: list[str], boxes: list, runs: dict) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}r":
                self._run(child, parts, links, boxes, runs)
            elif tag == f"{W}hyperlink":
                rid = child.get(R_ID)
                if rid and rid in self.rels:
                    links.append(self.rels[rid])
                self._inline(child, parts, links, boxes, runs)
            elif tag in (
                f"{W}smartTag",
                f"{W}sdt",
                f"{W}sdtContent",
                f"{W}fldSimple",
                f"{W}ins",
                f"{W}customXml",
            ):
                if tag == f"{W}fldSimple" and (m := _HYPERLINK_FIELD.search(child.get(f"{W}instr", ""))):
                    links.append(m.group(1))
                self._inline(child, parts, links, boxes, runs)
            elif tag == f"{MC}AlternateContent":
                boxes.extend(_chosen_text_boxes(child))

    def _run(self, r, parts: list[str], links: list[str], boxes: list, runs: dict) -> None:
        rpr = r.find(f"{W}rPr")
        text_len = 0
        for child in r:
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
                text_len += len(child.text or "")
            elif tag == f"{W}tab" or tag == f"{W}ptab":
                parts.append(SEP)
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}sym":
                parts.append(" ")
            elif tag == f"{W}instrText" and (m := _HYPERLINK_FIELD.search(child.text or "")):
                links.append(m.group(1))
            elif tag == f"{MC}AlternateContent":
                boxes.extend(_chosen_text_boxes(child))
            elif tag in (f"{W}drawing", f"{W}pict"):
                boxes.extend(child.iter(f"{W}txbxContent"))
        if text_len and rpr is not None:
            b = rpr.find(f"{W}b")
            is_bold = b is not None and b.get(f"{W}val", "true") not in ("0", "false")
            runs["bold" if is_bold else "plain"] += text_len
            sz = rpr.find(f"{W}sz")
            if sz is not None and (val := sz.get(f"{W}val", "")).isdigit():
                runs["size"] = max(runs["size"], int(val) / 2)
        elif text_len:
            runs["plain"] += text_len

    # ------------------------------------------------------------------ tables
    def table(self, tbl) -> None:
        for tr in tbl.findall(f"{W}tr"):
            cells: list[list[Line]] = []
            for tc in tr.findall(f"{W}tc"):
                sub = RawDocument(format="docx", lines=[])
                _Walker(sub, self.styles, self.rels, self.levels).blocks(tc)
                self.doc.links.extend(sub.links)
                cells.append(sub.lines)
            filled = [c for c in cells if c]
            if not filled:
                continue
            if all(len(c) == 1 for c in filled) and len(filled) > 1:
                # A row of single-line cells reads as one line: "Engineer | Acme | 2019–2021".
                first = filled[0][0]
                self.doc.lines.append(
                    Line(
                        text=SEP.join(c[0].text for c in filled),
                        bullet=first.bullet,
                        heading=False,
                        bold=first.bold,
                        size=max(c[0].size for c in filled),
                        links=[u for c in filled for u in c[0].links],
                    )
                )
            else:
                # A layout table (sidebar | main, dates | entry): one cell after another.
                for c in filled:
                    self.doc.lines.extend(c)
