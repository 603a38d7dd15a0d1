"""StructuredCV → DOCX with python-docx: real headings, bullet lists and hyperlinks, no text
boxes or tables, so ATS parsers and screen readers read it in order. Evidence as footnotes
is Word's own footnotes part (python-docx has no API for it), so Word numbers and places them.

The look comes from the manifest's ``docx`` block (font, heading colour, name alignment,
heading case, rules), so a new template needs no code here.
"""

import io

import segno
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
ENTRY_STYLE = "CV Entry"
_PAGE = {"a4": (Cm(21.0), Cm(29.7)), "us-letter": (Cm(21.59), Cm(27.94))}


def render_docx(document: dict, manifest: dict) -> bytes:
    spec = manifest.get("docx", {})
    opts = document["options"]
    doc = Document()
    _page_setup(doc, opts)
    _base_styles(doc, spec, opts)
    _header(doc, document, spec, opts)
    notes = Footnotes(doc)
    if document.get("letter"):
        _letter(doc, document["letter"])
        for section in document["sections"]:  # the document's own sections, after the signature
            if section.get("custom"):
                _section(doc, section, spec, opts, notes)
    else:
        for section in document["sections"]:
            _section(doc, section, spec, opts, notes)
    notes.write()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc, opts: dict) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = _PAGE[opts["paper"]]
    margin = Cm(opts["margin_cm"])
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin
    if opts["watermark"]["text"]:
        # A faint line in the page header: visible on every page, never a floating text box.
        para = section.header.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(opts["watermark"]["text"].upper())
        shade = int(255 - 200 * float(opts["watermark"]["opacity"]))
        run.font.color.rgb = RGBColor(shade, shade, shade)
        run.font.size = Pt(20)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _base_styles(doc, spec: dict, opts: dict) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = spec.get("font", "Calibri")
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), spec.get("font", "Calibri"))
    normal.font.size = Pt(float(opts["font_size"]))
    normal.paragraph_format.space_after = Pt(2)
    colour = _rgb(opts["heading"])
    for name, size in (("Title", 24), ("Heading 1", 13)):
        style = doc.styles[name]
        style.font.name = spec.get("font", "Calibri")
        style.font.size = Pt(size)
        style.font.color.rgb = colour
        style.font.bold = True
        style.paragraph_format.space_before = Pt(10 if name == "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(2)
    # Entry headings ("Position — Employer") are bold body paragraphs with their own style,
    # not Heading 2: parsers (ours and real ATSs) take every heading for a section title.
    entry = doc.styles.add_style(ENTRY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = normal
    entry.font.bold = True
    entry.font.size = Pt(float(opts["font_size"]) + 0.5)
    entry.paragraph_format.space_before = Pt(6)
    entry.paragraph_format.space_after = Pt(0)
    entry.paragraph_format.keep_with_next = True


def _header(doc, document: dict, spec: dict, opts: dict) -> None:
    title = doc.add_paragraph(document["name"], style="Title")
    title.alignment = _ALIGN.get(spec.get("name_align", "left"), WD_ALIGN_PARAGRAPH.LEFT)
    if document["label"]:
        label = doc.add_paragraph(document["label"])
        label.alignment = title.alignment
        label.runs[0].font.size = Pt(float(opts["font_size"]) + 2)
    contacts = doc.add_paragraph()
    contacts.alignment = title.alignment
    for i, contact in enumerate(document["contacts"]):
        if i:
            contacts.add_run("  |  ")
        if contact["url"]:
            add_hyperlink(contacts, contact["url"], contact["text"], opts["accent"])
        else:
            contacts.add_run(contact["text"])


def _section(doc, section: dict, spec: dict, opts: dict, notes: "Footnotes") -> None:
    title = section["title"].upper() if spec.get("heading_case") == "upper" else section["title"]
    heading = doc.add_heading(title, level=1)
    if spec.get("rule"):
        _bottom_border(heading, opts["accent"])
    if section["kind"] == "text":
        doc.add_paragraph(section["text"])
    elif section["kind"] == "groups":
        for group in section["groups"]:
            para = doc.add_paragraph()
            if group["name"]:
                para.add_run(f"{group['name']}: ").bold = True
            para.add_run(", ".join(group["items"]))
    elif section["kind"] == "list":
        for item in section["items"]:
            doc.add_paragraph(item, style="List Bullet")
    else:
        for entry in section["entries"]:
            _entry(doc, entry, opts, notes)


def _entry(doc, entry: dict, opts: dict, notes: "Footnotes") -> None:
    head = doc.add_paragraph(style=ENTRY_STYLE)
    head.add_run(entry["title"])
    if entry["subtitle"]:
        head.add_run(f" — {entry['subtitle']}").bold = False
    meta = [x for x in (entry["dates"], entry["location"]) if x]
    if meta:
        run = doc.add_paragraph().add_run(" | ".join(meta))
        run.italic = True
    link = entry.get("link")
    if link and opts["evidence"] == "footnotes":
        para = doc.add_paragraph()
        para.add_run("Evidence").italic = True
        notes.add(para, link["url"], link["label"])
    elif link:
        para = doc.add_paragraph()
        if opts["evidence"] == "qr_codes":
            qr = io.BytesIO()
            segno.make(link["url"], error="m").save(qr, kind="png", scale=3, border=1)
            qr.seek(0)
            para.add_run().add_picture(qr, width=Cm(1.6))
            para.add_run(" ")
        add_hyperlink(para, link["url"], link["label"], opts["accent"])
    if entry["summary"]:
        doc.add_paragraph(entry["summary"])
    for bullet in entry["bullets"]:
        doc.add_paragraph(bullet, style="List Bullet")


def _letter(doc, letter: dict) -> None:
    if letter["date"]:
        doc.add_paragraph(letter["date"]).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in (letter["recipient"], letter["role"], letter["company"], letter["address"]):
        if line:
            doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.add_paragraph()
    doc.add_paragraph(letter["greeting"])
    for paragraph in letter["paragraphs"]:
        doc.add_paragraph(paragraph).paragraph_format.space_after = Pt(8)
    doc.add_paragraph(letter["closing"])
    doc.add_paragraph()
    doc.add_paragraph(letter["signature"])


def add_hyperlink(paragraph, url: str, text: str, colour: str) -> None:
    """python-docx has no hyperlink API: add the relationship and a w:hyperlink run by hand."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour_el = OxmlElement("w:color")
    colour_el.set(qn("w:val"), colour.lstrip("#").upper())
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([colour_el, underline])
    run.append(props)
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Footnotes:
    """Real Word footnotes: a ``w:footnoteReference`` in the text and ``word/footnotes.xml``
    (with Word's two separator notes) holding each note, its link a hyperlink of that part."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.notes: list[tuple[int, str, str]] = []

    def add(self, paragraph, url: str, label: str) -> None:
        number = len(self.notes) + 1
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        props.append(align)
        run.append(props)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(number))
        run.append(reference)
        paragraph._p.append(run)
        self.notes.append((number, url, label))

    def write(self) -> None:
        if not self.notes:
            return
        package = self.doc.part.package
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, b"", package)
        notes = []
        for number, url, label in self.notes:
            rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            notes.append(
                f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
                f'<w:hyperlink r:id="{rel_id}"><w:r><w:rPr><w:u w:val="single"/></w:rPr>'
                f'<w:t xml:space="preserve">{_xml_text(label)}</w:t></w:r></w:hyperlink></w:p></w:footnote>'
            )
        separators = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            "</w:r></w:p></w:footnote>"
        )
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{_W}" xmlns:r="{_R}">{separators}{"".join(notes)}</w:footnotes>'
        )
        part._blob = xml.encode("utf-8")
        self.doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _bottom_border(paragraph, colour: str) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", colour.lstrip("#").upper())):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


__all__ = ["add_hyperlink", "render_docx"]
