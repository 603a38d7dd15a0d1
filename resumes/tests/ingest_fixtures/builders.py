"""CV documents the ingest tests (and bench/parse_speed.py) build on the fly.

Fictional people only. DOCX files come from python-docx, with raw WordprocessingML where
python-docx has no API (hyperlinks, text boxes); PDFs come from Typst, which the project
already ships for rendering, so tests exercise real one- and two-column layouts.
"""

from __future__ import annotations

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

# ---------------------------------------------------------------------------------- DOCX


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def add_styled_line(document, lead: str, rest: str, *, italic: bool = False) -> None:
    """A paragraph of a bold (or italic) ``lead`` run followed by a plain ``rest`` run."""
    p = document.add_paragraph()
    run = p.add_run(lead)
    if italic:
        run.italic = True
    else:
        run.bold = True
    p.add_run(rest)


def add_hyperlink(paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
    )
    paragraph._p.append(link)


def add_text_box(paragraph, lines: list[str]) -> None:
    """A floating text box (DrawingML with its VML fallback, as Word writes it)."""
    paras = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in lines)
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


def docx_paragraph_cv() -> bytes:
    """Headings as Word heading styles, bullets as list paragraphs, dates after a tab."""
    d = Document()
    d.add_paragraph("Maria Keller", style="Title")
    d.add_paragraph("Data Engineer")
    contact = d.add_paragraph("maria.keller@example.org | +49 30 1234 5678 | Berlin, Germany | ")
    add_hyperlink(contact, "https://www.linkedin.com/in/mariakeller", "LinkedIn")
    d.add_heading("Summary", level=1)
    d.add_paragraph(
        "Data engineer with seven years of experience building batch and streaming pipelines "
        "for retail and logistics companies."
    )
    d.add_heading("Work Experience", level=1)
    add_styled_line(d, "Senior Data Engineer", ", Zalando SE\tMar 2021 – Present")
    d.add_paragraph("Built a Kafka and Flink platform processing 2 billion events a day", style="List Bullet")
    d.add_paragraph(
        "Moved the warehouse from Redshift to BigQuery, cutting costs by 40%", style="List Bullet"
    )
    add_styled_line(d, "Data Engineer", ", DHL Group\t09/2017 – 02/2021")
    d.add_paragraph("Designed Airflow DAGs for parcel tracking analytics", style="List Bullet")
    d.add_heading("Education", level=1)
    d.add_paragraph("M.Sc. in Computer Science, Technische Universität München\t2015 – 2017")
    d.add_paragraph("B.Sc. in Mathematics, Universität Heidelberg\t2012 – 2015")
    d.add_heading("Skills", level=1)
    d.add_paragraph("Languages: Python, SQL, Scala")
    d.add_paragraph("Platforms: Kafka, Flink, Airflow, BigQuery, k8s")
    d.add_heading("Languages", level=1)
    d.add_paragraph("German (native), English (C1), Spanish (B1)")
    d.add_heading("Certifications", level=1)
    d.add_paragraph("Google Professional Data Engineer – Google Cloud, 2022")
    return _save(d)


def docx_table_layout_cv() -> bytes:
    """A CV laid out in tables: a sidebar | main grid, and date | entry rows."""
    d = Document()
    grid = d.add_table(rows=1, cols=2)
    side, main = grid.rows[0].cells
    side.paragraphs[0].add_run("Tom Becker").bold = True
    side.paragraphs[0].runs[0].font.size = Pt(22)
    side.add_paragraph("tom.becker@example.com")
    side.add_paragraph("+44 7700 900123")
    side.add_paragraph("Manchester, UK")
    side.add_paragraph("SKILLS")
    side.add_paragraph("JavaScript, TypeScript, React, Node.js, PostgreSQL")
    main.paragraphs[0].add_run("EXPERIENCE").bold = True
    jobs = main.add_table(rows=2, cols=2)
    jobs.rows[0].cells[0].text = "2019 – Present"
    jobs.rows[0].cells[1].text = "Lead Frontend Developer at Monzo Bank"
    jobs.rows[1].cells[0].text = "2016 – 2019"
    jobs.rows[1].cells[1].text = "Web Developer at BBC"
    main.add_paragraph("EDUCATION").runs[0].bold = True
    main.add_paragraph("BSc Computer Science, University of Leeds, 2013 – 2016")
    return _save(d)


def docx_textbox_header_cv() -> bytes:
    """Name and contacts in the page header, a text box with the headline, footer page number."""
    d = Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "Aisha Rahman"
    header_contact = section.header.add_paragraph("aisha.rahman@example.net · +1 415 555 0142")
    add_hyperlink(header_contact, "https://github.com/aisharahman", " github.com/aisharahman")
    section.footer.paragraphs[0].text = "Page 1 of 1"
    box_holder = d.add_paragraph()
    add_text_box(box_holder, ["Machine Learning Engineer", "San Francisco, CA"])
    d.add_heading("Professional Experience", level=2)
    d.add_paragraph("Machine Learning Engineer — Stripe — Jan 2022 – Present")
    d.add_paragraph("Shipped fraud models serving 10k requests per second", style="List Bullet")
    d.add_paragraph("Research Intern — Microsoft Research — Jun 2021 – Aug 2021")
    d.add_paragraph("Prototyped retrieval-augmented summarisation", style="List Bullet")
    d.add_heading("Education", level=2)
    d.add_paragraph("Carnegie Mellon University")
    d.add_paragraph("Master of Science in Machine Learning\tAug 2020 – Dec 2021")
    d.add_heading("Technical Skills", level=2)
    d.add_paragraph("PyTorch, TensorFlow, scikit-learn, Spark, AWS")
    return _save(d)


def docx_french_cv() -> bytes:
    """French headings and dates, headings made with bold capitals rather than styles."""
    d = Document()
    d.add_paragraph().add_run("Camille Durand").bold = True
    d.add_paragraph("camille.durand@example.fr — 06 12 34 56 78 — Lyon, France")
    for heading, lines in (
        ("EXPÉRIENCE PROFESSIONNELLE", []),
        ("", ["Chef de projet digital, Groupe SEB\tjanv. 2020 – aujourd'hui"]),
        ("", ["Développeuse web, Capgemini\tsept. 2016 – déc. 2019"]),
        ("FORMATION", ["Master Informatique, Université Claude Bernard Lyon 1\t2014 – 2016"]),
        ("COMPÉTENCES", ["Gestion de projet, Scrum, JavaScript, PHP, SQL"]),
        ("LANGUES", ["Français (langue maternelle), Anglais (courant)"]),
    ):
        if heading:
            d.add_paragraph().add_run(heading).bold = True
        for line in lines:
            d.add_paragraph(line)
        if heading == "" and lines[0].startswith("Chef"):
            d.add_paragraph("Pilotage de la refonte du site e-commerce", style="List Bullet")
    return _save(d)


def docx_custom_styles_cv() -> bytes:
    """Custom heading style, employer line then italic title line with tabbed dates, a skills grid."""
    from docx.enum.style import WD_STYLE_TYPE

    d = Document()
    st = d.styles.add_style("CV Section", WD_STYLE_TYPE.PARAGRAPH)
    st.font.size = Pt(13)
    st.font.bold = True
    name = d.add_paragraph()
    r = name.add_run("JONATHAN O’NEILL")
    r.font.size = Pt(24)
    r.bold = True
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text = "Dublin, Ireland"
    t.rows[0].cells[1].text = "+353 87 123 4567"
    t.rows[0].cells[2].text = "jon.oneill@example.ie"
    d.add_paragraph("CAREER SUMMARY", style="CV Section")
    d.add_paragraph("Finance professional with ten years in audit and FP&A across banking and tech.")
    d.add_paragraph("PROFESSIONAL EXPERIENCE", style="CV Section")
    add_styled_line(d, "Stripe", "\tDublin")
    add_styled_line(d, "Finance Manager, FP&A", "\tJune 2020 – Present", italic=True)
    d.add_paragraph("Own the EMEA forecast and quarterly board pack", style="List Bullet")
    d.add_paragraph("Cut the close from 10 to 6 days", style="List Bullet")
    add_styled_line(d, "KPMG Ireland", "\tDublin")
    add_styled_line(d, "Senior Associate, Audit", "\tSept 2014 – May 2020", italic=True)
    d.add_paragraph("Led audits of three listed banks", style="List Bullet")
    d.add_paragraph("EDUCATION & QUALIFICATIONS", style="CV Section")
    add_styled_line(d, "Trinity College Dublin", "\t2010 – 2014")
    d.add_paragraph("BA (Hons) Business and Economics, First Class")
    d.add_paragraph("Chartered Accountant (ACA), Chartered Accountants Ireland, 2017")
    d.add_paragraph("KEY SKILLS", style="CV Section")
    t = d.add_table(rows=2, cols=3)
    for i, s in enumerate(
        ["Financial Modelling", "Power BI", "SQL", "IFRS", "Stakeholder Management", "Excel (VBA)"]
    ):
        t.rows[i // 3].cells[i % 3].text = s
    d.add_paragraph("INTERESTS", style="CV Section")
    d.add_paragraph("Marathon running, chess, Irish history")
    return _save(d)


DOCX_BUILDERS = {
    "paragraphs": docx_paragraph_cv,
    "tables": docx_table_layout_cv,
    "textbox_header": docx_textbox_header_cv,
    "french": docx_french_cv,
    "custom_styles": docx_custom_styles_cv,
}


def docx_with_body_xml(body_xml: str) -> bytes:
    """A document whose body is the given WordprocessingML (for edge cases)."""
    d = Document()
    body = d.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for el in parse_xml(f"<w:body {nsdecls('w')}>{body_xml}</w:body>"):
        body.insert(len(body) - 1, el)
    return _save(d)


# ---------------------------------------------------------------------------------- PDF


def typst_pdf(source: str) -> bytes:
    import typst

    return typst.compile(source.encode("utf-8"))


PAGE = "#set page(width: 595pt, height: 842pt, margin: 40pt)\n#set text(size: 10pt)\n"


def pdf_one_column_cv() -> bytes:
    return typst_pdf(
        PAGE
        + r"""
#text(size: 24pt, weight: "bold")[Lena Novak]

Backend Engineer \
lena.novak\@example.com | +420 601 234 567 | Prague, Czech Republic | #link("https://github.com/lenanovak")[GitHub]

#text(size: 14pt, weight: "bold")[Experience]

*Backend Engineer*, Kiwi.com #h(1fr) Apr 2020 – Present
- Rebuilt the booking API in Go, halving p99 latency
- Introduced contract tests for 40 services

*Software Developer*, Avast Software #h(1fr) Jul 2017 – Mar 2020
- Maintained the update distribution service

#text(size: 14pt, weight: "bold")[Education]

*Czech Technical University in Prague* #h(1fr) 2013 – 2017 \
Bachelor of Science in Software Engineering

#text(size: 14pt, weight: "bold")[Skills]

*Languages:* Go, Python, SQL \
*Infrastructure:* Docker, Kubernetes, PostgreSQL, Terraform
"""
    )


def pdf_two_column_cv() -> bytes:
    return typst_pdf(
        PAGE
        + r"""
#text(size: 24pt, weight: "bold")[Omar Haddad]

Product Designer · omar.haddad\@example.com · +971 50 123 4567

#grid(columns: (150pt, 1fr), gutter: 24pt,
[
#text(size: 13pt, weight: "bold")[Skills]

Figma \
User Research \
Prototyping \
Design Systems

#text(size: 13pt, weight: "bold")[Languages]

Arabic (native) \
English (fluent)
],
[
#text(size: 13pt, weight: "bold")[Experience]

*Senior Product Designer*, Careem #h(1fr) 2021 – Present
- Led the redesign of the rider app checkout
- Built the company design system from scratch

*Product Designer*, Noon #h(1fr) 2018 – 2021
- Designed seller onboarding flows used by 30,000 merchants

#text(size: 13pt, weight: "bold")[Education]

*American University of Sharjah* #h(1fr) 2014 – 2018 \
Bachelor of Arts in Visual Communication
])
"""
    )


def pdf_without_text() -> bytes:
    """A 'scanned' page: only a drawing, no text layer."""
    return typst_pdf(PAGE + "#rect(width: 200pt, height: 100pt, fill: gray)\n")


# Layouts seen in the wild, each a fictional person: Harvard-style (employer line, then title
# and dates in italics), a LinkedIn export (sidebar first, name in the main column), dates in
# a left column with German headings, letter-spaced capitals with pipe separators.
PDF_LAYOUTS: dict[str, str] = {}
PDF_LAYOUTS["harvard"] = (
    PAGE
    + r"""
#align(center)[#text(size: 18pt, weight: "bold")[DAVID CHEN] \
San Jose, CA · (408) 555-0199 · david.chen\@example.com · linkedin.com/in/davidchen]

#text(weight: "bold")[EXPERIENCE]
#line(length: 100%)
#text(weight: "bold")[ADOBE INC.] #h(1fr) San Jose, CA \
_Senior Software Engineer_ #h(1fr) _June 2019 – Present_
- Led migration of Photoshop web services to Kubernetes
- Mentored five junior engineers

#text(weight: "bold")[CISCO SYSTEMS] #h(1fr) Milpitas, CA \
_Software Engineer II_ #h(1fr) _Aug 2015 – May 2019_
- Built network telemetry pipelines in Java and Kafka

#text(weight: "bold")[EDUCATION]
#line(length: 100%)
#text(weight: "bold")[UNIVERSITY OF CALIFORNIA, DAVIS] #h(1fr) Davis, CA \
_B.S. in Computer Science_ #h(1fr) _2011 – 2015_

#text(weight: "bold")[SKILLS]
#line(length: 100%)
*Languages:* Java, Go, Python #h(2em) *Cloud:* AWS, GCP
"""
)
PDF_LAYOUTS["linkedin"] = (
    PAGE.replace("margin: 40pt", "margin: 30pt")
    + r"""
#grid(columns: (160pt, 1fr), gutter: 30pt,
[
#text(size: 12pt, weight: "bold")[Contact]

sofia.rossi\@example.it \
www.linkedin.com/in/sofiarossi (LinkedIn)

#text(size: 12pt, weight: "bold")[Top Skills]

Product Strategy \
A/B Testing \
SQL

#text(size: 12pt, weight: "bold")[Languages]

Italian (Native or Bilingual) \
English (Full Professional)
],
[
#text(size: 22pt)[Sofia Rossi]

Product Manager at Bending Spoons \
Milan, Lombardy, Italy

#text(size: 14pt)[Summary]

Product manager focused on consumer subscription apps and growth experiments.

#text(size: 14pt)[Experience]

#text(size: 11pt)[Bending Spoons] \
Product Manager \
March 2021 - Present (3 years 2 months) \
Milan, Lombardy, Italy

#text(size: 11pt)[Satispay] \
Associate Product Manager \
September 2018 - February 2021 (2 years 6 months) \
Milan Area, Italy

#text(size: 14pt)[Education]

#text(size: 11pt)[Politecnico di Milano] \
Master's degree, Management Engineering · (2016 - 2018)
])
"""
)
PDF_LAYOUTS["left_dates"] = (
    PAGE
    + r"""
#text(size: 20pt, weight: "bold")[Hannah Schmidt] \
Senior UX Researcher | hannah.schmidt\@example.de | +49 151 2345 6789 | Hamburg

#text(size: 13pt, weight: "bold")[BERUFSERFAHRUNG]

#grid(columns: (90pt, 1fr), row-gutter: 8pt,
[04/2020 – heute], [*Senior UX Researcher*, Otto Group, Hamburg \
 - Aufbau des Research-Teams],
[01/2017 – 03/2020], [*UX Designerin*, XING SE, Hamburg],
)

#text(size: 13pt, weight: "bold")[AUSBILDUNG]

#grid(columns: (90pt, 1fr), row-gutter: 8pt,
[2011 – 2016], [*M.A. Psychologie*, Universität Hamburg],
)

#text(size: 13pt, weight: "bold")[KENNTNISSE]

Usability-Tests, Figma, Miro, Interviews, Umfragen
"""
)
PDF_LAYOUTS["caps_pipes"] = (
    PAGE
    + r"""
#text(size: 16pt, weight: "bold")[RAVI KUMAR | Full Stack Developer]

Bengaluru, India | ravi.kumar\@example.in | +91 98765 43210 | github.com/ravikumar

#text(weight: "bold")[P R O F E S S I O N A L   E X P E R I E N C E]

*Full Stack Developer* | Flipkart | Jul 2021 – Present
- Built seller dashboards with React and Spring Boot

*Software Engineer* | Infosys | Jun 2018 – Jun 2021
- Maintained banking APIs

#text(weight: "bold")[E D U C A T I O N]

*B.Tech, Computer Science* | VIT Vellore | 2014 – 2018 | CGPA: 8.7/10

#text(weight: "bold")[T E C H N I C A L   S K I L L S]

React • Node.js • Spring Boot • MySQL • Docker
"""
)


def pdf_layout(name: str) -> bytes:
    return typst_pdf(PDF_LAYOUTS[name])


def _png_gray(width: int, height: int, pixels: bytes) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + pixels[y * width : (y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 6))
        + chunk(b"IEND", b"")
    )


def pdf_scanned(source_pdf: bytes, dpi: int = 200) -> bytes:
    """A 'scan' of a PDF: each page rendered to a grey image and placed in a PDF with no text."""
    import tempfile
    from pathlib import Path

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(source_pdf)
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for i in range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72, grayscale=True)
            w, h, stride = bitmap.width, bitmap.height, bitmap.stride
            raw = bytes(bitmap.buffer)
            pixels = raw if stride == w else b"".join(raw[y * stride : y * stride + w] for y in range(h))
            Path(tmp, f"p{i}.png").write_bytes(_png_gray(w, h, pixels))
            parts.append(f'#image("p{i}.png", width: 100%)')
        main = Path(tmp, "main.typ")
        main.write_text(
            "#set page(width: 595pt, height: 842pt, margin: 0pt)\n" + "\n#pagebreak()\n".join(parts)
        )
        import typst

        return typst.compile(str(main), root=tmp)


def pdf_two_page_sidebar_cv() -> bytes:
    """A sidebar on page 1 only; the main column's Experience runs on to page 2."""
    jobs = "\n\n".join(
        f"*Engineer {i}*, Company {i} #h(1fr) 20{10 + i} – 20{11 + i}\n\n"
        + "\n".join(f"- Shipped feature {i}.{k} for a large customer base" for k in range(4))
        for i in range(9)
    )
    return typst_pdf(
        "#set page(width: 595pt, height: 842pt, margin: (left: 40pt, right: 200pt, y: 40pt))\n"
        "#set text(size: 10pt)\n"
        + r"""
#place(top + right, dx: 175pt, box(width: 140pt)[#set align(left)
#text(size: 13pt, weight: "bold")[Contact]

noor.aziz\@example.pk \
+92 300 1234567

#text(size: 13pt, weight: "bold")[Skills]

C\#, .NET, Azure, SQL Server
])
#text(size: 22pt, weight: "bold")[Noor Aziz]

#text(size: 13pt, weight: "bold")[Experience]

"""
        + jobs
        + r"""

#text(size: 13pt, weight: "bold")[Education]

*University of Lahore* #h(1fr) 2006 – 2010 \
BSc Computer Science
"""
    )
