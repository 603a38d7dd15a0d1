"""Every export option changes the file, read back from the file itself: page geometry and
type size from the PDF's characters, link annotations, footnotes placed as footnotes (PDF) and
written as Word footnotes (DOCX, read by pandoc), QR codes that decode to the evidence URL,
the watermark on every page at its opacity, and the colour scheme."""

import io
import zipfile
from collections import Counter

import pdfplumber
import pypandoc
import pypdfium2
import pytest
import zxingcpp
from docx import Document
from docx.shared import Cm
from pdfminer.pdftypes import resolve1
from PIL import Image

from exports.render.demo import demo_cv
from exports.render.options import MARGINS_CM, RenderOptions
from exports.render.pipeline import render_cv

from .helpers import pdf_text

EVIDENCE = "https://northwind.example.com"  # the demo CV's first job's link
POINTS_PER_CM = 72 / 2.54


def _pdf(**options) -> bytes:
    pages = options.pop("pages", 1)
    return render_cv(
        cv=demo_cv(pages=pages), template_id="classic", fmt="pdf", options=RenderOptions(**options)
    ).content


def _docx(**options) -> bytes:
    return render_cv(
        cv=demo_cv(), template_id="classic", fmt="docx", options=RenderOptions(**options)
    ).content


@pytest.mark.parametrize("margins", ["narrow", "normal", "wide"])
@pytest.mark.parametrize("font_size", [9, 12])
def test_pdf_margins_and_font_size_are_the_pages_geometry(margins, font_size):
    with pdfplumber.open(io.BytesIO(_pdf(margins=margins, font_size=font_size))) as pdf:
        page = pdf.pages[0]
        left = min(char["x0"] for char in page.chars)
        right = page.width - max(char["x1"] for char in page.chars)
        body_size = Counter(round(char["size"], 1) for char in page.chars).most_common(1)[0][0]
    margin = MARGINS_CM[margins] * POINTS_PER_CM
    assert abs(left - margin) < 1.5 and abs(right - margin) < 1.5
    assert body_size == font_size


def test_docx_margins_and_font_size():
    doc = Document(io.BytesIO(_docx(margins="wide", font_size=12)))
    section = doc.sections[0]
    assert abs(section.left_margin - Cm(MARGINS_CM["wide"])) < Cm(0.01)
    assert doc.styles["Normal"].font.size.pt == 12


def test_sections_can_be_left_out_by_the_tailor_flags():
    options = RenderOptions.from_request({"sections": {"includeExperience": False, "includeSkills": False}})
    text = pdf_text(render_cv(cv=demo_cv(), template_id="classic", fmt="pdf", options=options).content)
    assert "Northwind Payments" not in text and "Kubernetes" not in text
    assert "Université Grenoble Alpes" in text  # education stays
    docx = render_cv(cv=demo_cv(), template_id="classic", fmt="docx", options=options).content
    headings = [p.text for p in Document(io.BytesIO(docx)).paragraphs if p.style.name == "Heading 1"]
    assert "Experience" not in headings and "Skills" not in headings and "Education" in headings


def test_hyperlinks_are_link_annotations_and_docx_hyperlinks():
    with pdfplumber.open(io.BytesIO(_pdf(evidence_format="hyperlinks"))) as pdf:
        uris = {link["uri"] for page in pdf.pages for link in page.hyperlinks}
    assert EVIDENCE in uris
    content = _docx(evidence_format="hyperlinks")
    rels = zipfile.ZipFile(io.BytesIO(content)).read("word/_rels/document.xml.rels").decode()
    assert EVIDENCE in rels
    assert "<w:hyperlink" in zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    without = _pdf(include_evidence=False)
    with pdfplumber.open(io.BytesIO(without)) as pdf:
        assert EVIDENCE not in {link["uri"] for page in pdf.pages for link in page.hyperlinks}


def test_pdf_footnotes_are_numbered_in_the_text_and_printed_at_the_foot_of_the_page():
    with pdfplumber.open(io.BytesIO(_pdf(evidence_format="footnotes"))) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        height = page.height
    markers = [w for w in words if w["text"].startswith("Evidence")]
    notes = [w for w in words if "northwind.example.com" in w["text"]]
    assert markers and markers[0]["text"] == "Evidence1"  # the superscript number follows the word
    assert notes and all(w["top"] > height * 0.8 for w in notes)  # at the page's foot
    assert notes[0]["text"].startswith("1")


def test_docx_footnotes_are_word_footnotes():
    content = _docx(evidence_format="footnotes")
    archive = zipfile.ZipFile(io.BytesIO(content))
    body = archive.read("word/document.xml").decode()
    notes = archive.read("word/footnotes.xml").decode()
    assert '<w:footnoteReference w:id="1"/>' in body
    assert '<w:footnote w:id="1">' in notes and "northwind.example.com" in notes
    assert EVIDENCE in archive.read("word/_rels/footnotes.xml.rels").decode()
    assert "footnotes+xml" in archive.read("[Content_Types].xml").decode()
    # An independent reader (pandoc) sees real notes: Markdown footnotes with the links.
    markdown = pypandoc.convert_text(content, "gfm", format="docx")
    assert "[^1]" in markdown and "northwind.example.com" in markdown.split("[^1]:", 1)[1]
    assert "[^" not in pypandoc.convert_text(_docx(evidence_format="hyperlinks"), "gfm", format="docx")


def _qr_texts(image: Image.Image) -> set[str]:
    return {code.text for code in zxingcpp.read_barcodes(image)}


def test_qr_codes_decode_to_the_evidence_url_in_pdf_and_docx():
    page = pypdfium2.PdfDocument(_pdf(evidence_format="qr_codes"))[0]
    assert EVIDENCE in _qr_texts(page.render(scale=4).to_pil())
    archive = zipfile.ZipFile(io.BytesIO(_docx(evidence_format="qr_codes")))
    decoded = set()
    for name in archive.namelist():
        if name.startswith("word/media/"):
            decoded |= _qr_texts(Image.open(io.BytesIO(archive.read(name))).convert("L"))
    assert EVIDENCE in decoded
    assert not _qr_texts(
        pypdfium2.PdfDocument(_pdf(evidence_format="hyperlinks"))[0].render(scale=4).to_pil()
    )


def _alphas(page) -> set[float]:
    states = resolve1(page.page_obj.resources.get("ExtGState")) or {}
    return {round(float(resolve1(state).get("ca", 1)), 2) for state in states.values()}


@pytest.mark.parametrize("opacity", [0.1, 0.35])
def test_the_watermark_is_on_every_page_at_its_opacity(opacity):
    content = _pdf(pages=3, watermark_text="DRAFT", watermark_opacity=opacity)
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            big = "".join(char["text"] for char in page.chars if char["size"] > 30)
            assert big == "DRAFT"
            assert any(abs(alpha - opacity) < 0.01 for alpha in _alphas(page))
    with pdfplumber.open(io.BytesIO(_pdf(pages=3))) as pdf:
        assert all(not any(char["size"] > 30 for char in page.chars) for page in pdf.pages)


def test_the_docx_watermark_is_in_the_page_header_shaded_by_opacity():
    def header_run(opacity):
        doc = Document(io.BytesIO(_docx(watermark_text="Draft", watermark_opacity=opacity)))
        return doc.sections[0].header.paragraphs[0].runs[0]

    faint, strong = header_run(0.1), header_run(0.6)
    assert faint.text == "DRAFT" == strong.text
    assert faint.font.color.rgb[0] > strong.font.color.rgb[0]  # lighter grey at lower opacity


def test_docx_colour_scheme_sets_the_heading_colour():
    def heading_colour(scheme):
        return str(Document(io.BytesIO(_docx(color_scheme=scheme))).styles["Heading 1"].font.color.rgb)

    assert heading_colour("monochrome") == "000000"
    assert heading_colour("accent") != "000000"
