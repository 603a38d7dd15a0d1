# ruff: noqa: E501, E731, RUF005  (generator templates: long LaTeX and Typst lines read better whole)
"""Word layouts built with python-docx: tables, text boxes, tab stops, a Google Docs export."""

from __future__ import annotations

import io
from pathlib import Path

from personas import Persona
from vocab import HEADINGS

from .dates import _dates

DOCX_STYLES = ("tables", "textboxes", "tabstops", "gdocs")


def render_docx(p: Persona, style: str, dest: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    r, b, h = p.resume, p.resume["basics"], HEADINGS[p.lang]
    d = Document()
    contact = [b["location"]["city"], b["email"], b["phone"]] + [x["url"] for x in b["profiles"]]

    def heading(text: str) -> None:
        if style == "gdocs":
            para = d.add_paragraph()
            run = para.add_run(text.upper())
            run.bold, run.font.size = True, Pt(11)
            _bottom_rule(para)
        else:
            d.add_heading(text, level=1)

    def bullets(items: list[str]) -> None:
        for x in items:
            d.add_paragraph(x, style="List Bullet")

    def tabbed(left: str, right: str, *, bold: bool = True) -> None:
        para = d.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
        run = para.add_run(left)
        run.bold = bold
        if right:
            para.add_run("\t" + right)

    if style == "gdocs":
        d.add_paragraph(b["name"], style="Title")
        d.add_paragraph(" | ".join(contact))
    elif style == "textboxes":
        d.add_paragraph(b["name"], style="Title")
        _text_box(d.add_paragraph(), [b["label"], *contact])
    else:
        d.add_paragraph(b["name"], style="Title")
        d.add_paragraph(b["label"])
        d.add_paragraph(" · ".join(contact))
    heading(h["experience"])
    table = d.add_table(rows=0, cols=2) if style == "tables" else None
    for w in r["work"]:
        dates, place = _dates(p, w), w["location"]
        if table is not None:
            row = table.add_row().cells
            row[0].text = dates
            row[0].width, row[1].width = Cm(3.5), Cm(13)
            row[1].paragraphs[0].add_run(w["position"]).bold = True
            row[1].add_paragraph(w["name"] + (f", {place}" if place else ""))
            for x in w["highlights"]:
                row[1].add_paragraph(x, style="List Bullet")
        elif style == "gdocs":
            tabbed(f"{w['name']}{', ' + place if place else ''} — {w['position']}", dates)
            bullets(w["highlights"])
        else:
            tabbed(w["position"], dates)
            d.add_paragraph(
                w["name"] + (f"\t{place}" if place and style == "tabstops" else f", {place}" if place else "")
            )
            bullets(w["highlights"])
    heading(h["education"])
    for e in r["education"]:
        dates = _dates(p, e)
        if style == "tables":
            row = d.add_table(rows=1, cols=2).rows[0].cells
            row[0].text = dates
            row[1].paragraphs[0].add_run(e["institution"]).bold = True
            row[1].add_paragraph(f"{e['studyType']}, {e['area']}")
        elif style == "gdocs":
            tabbed(f"{e['institution']} — {e['studyType']}, {e['area']}", dates)
        else:
            tabbed(e["institution"], dates)
            d.add_paragraph(f"{e['studyType']}, {e['area']}")
    skills = [f"{g['name']}: {', '.join(g['keywords'])}" for g in r["skills"]]
    if style == "textboxes":
        para = d.add_paragraph()
        para.add_run(h["skills"]).bold = True
        _text_box(para, skills)
    else:
        heading(h["skills"])
        for line in skills:
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    dest.write_bytes(buf.getvalue())
    return dest


def _bottom_rule(paragraph) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/></w:pBdr>'
        )
    )


def _text_box(paragraph, lines: list[str]) -> None:
    """A floating text box as Word writes it: DrawingML (w:txbxContent) with a VML fallback."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in lines)
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paras}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


# JSON Resume themes print their headings in English; a persona in another language gets
# its own headings by replacing those text nodes in the rendered HTML.
