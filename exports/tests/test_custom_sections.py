"""A document's own sections (CV Tailor's ``customSections``) in every export format, read back
from the file: the title as a heading, several lines as a real bullet list, one line as a
paragraph, after the template's sections and in the order given; a letter prints them after
its signature."""

import io
import json
import re

import pypandoc
import pytest
from docx import Document

from exports.render.demo import demo_cv
from exports.render.pipeline import render_cv

from .helpers import pdf_text

CV_TEMPLATES = ["classic", "compact", "modern", "sidebar"]
LETTER_TEMPLATES = ["letter-classic", "letter-modern"]
LETTER = {
    "company": "Initech",
    "role": "Senior Backend Engineer",
    "paragraphs": ["I would like to join Initech.", "I built the settlement API at Northwind."],
    "signature": "Amélie Laurent",
}
# Given in this order on purpose: neither alphabetical nor by length.
SECTIONS = {
    "Talks & Writing": ["Scaling Django at #PyCon 2023", "Rust for $100_a_day: a cost study"],
    "Availability": ["Three months' notice; open to Leeds or remote"],
}
TALKS, AVAILABILITY = SECTIONS


def _render(template: str, fmt: str, sections=SECTIONS) -> bytes:
    letter = LETTER if template.startswith("letter") else None
    return render_cv(
        cv=demo_cv(), template_id=template, fmt=fmt, letter=letter, custom_sections=sections
    ).content


def _flat(text: str) -> str:
    return " ".join(text.split())


def _in_order(text: str, *pieces: str) -> bool:
    """Every piece is in the text, each after the one before."""
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


@pytest.mark.parametrize("template", CV_TEMPLATES + LETTER_TEMPLATES)
def test_pdf_prints_them_after_the_documents_own_content_in_order(template):
    text = _flat(pdf_text(_render(template, "pdf")))
    lowered = text.lower()  # some designs print headings in capitals
    talks, first, second = TALKS.lower(), *(line.lower() for line in SECTIONS[TALKS])
    last_own = "amélie laurent" if template.startswith("letter") else "certified"  # signature / a section
    assert _in_order(lowered, last_own, talks, first, second, AVAILABILITY.lower())
    assert SECTIONS[AVAILABILITY][0] in text
    # Two lines are a list: each starts with the same bullet glyph (each design draws its own).
    marks = [re.search(rf"(\S)\s*{re.escape(line)}", text).group(1) for line in SECTIONS[TALKS]]
    assert marks[0] == marks[1] and not marks[0].isalnum()
    without = _flat(pdf_text(_render(template, "pdf", sections={})))
    assert "Scaling Django" not in without and AVAILABILITY.lower() not in without.lower()


@pytest.mark.parametrize("template", CV_TEMPLATES + LETTER_TEMPLATES)
def test_docx_has_a_heading_a_bullet_list_and_a_paragraph(template):
    paragraphs = Document(io.BytesIO(_render(template, "docx"))).paragraphs
    headings = [p.text.lower() for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == [TALKS.lower(), AVAILABILITY.lower()]
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert bullets[-2:] == SECTIONS[TALKS]
    last = paragraphs[-1]
    assert last.text == SECTIONS[AVAILABILITY][0] and last.style.name == "Normal"


def _pandoc_blocks(source: str, fmt: str) -> list[dict]:
    return json.loads(pypandoc.convert_text(source, "json", format=fmt))["blocks"]


def _plain(inlines: list[dict]) -> str:
    return pypandoc.convert_text(
        json.dumps({"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [{"t": "Plain", "c": inlines}]}),
        "plain",
        format="json",
    ).strip()


def _bullet_lists(blocks: list[dict]) -> list[list[str]]:
    """Every bullet list's items as text (pandoc's reading of the file)."""
    found = []
    for block in blocks:
        if block["t"] == "BulletList":
            found.append([_plain(item[0]["c"]) for item in block["c"]])
    return found


@pytest.mark.parametrize("template", CV_TEMPLATES + LETTER_TEMPLATES)
def test_latex_has_its_section_macro_and_an_itemize_list(template):
    tex = _render(template, "tex").decode()
    # The titles escaped once, as the template's own section headings are.
    talks = tex.index(r"\cvsection{Talks \& Writing}")
    availability = tex.index(r"\cvsection{Availability}")
    assert talks < availability < tex.index(r"\end{document}")
    assert tex.index(r"\item Scaling Django at \#PyCon 2023") > talks
    # pandoc reads the LaTeX back: a real list whose items unescape to what the user wrote, and
    # the single line as a paragraph of its own.
    blocks = _pandoc_blocks(tex, "latex")
    assert SECTIONS[TALKS] in _bullet_lists(blocks)
    paragraphs = [_plain(b["c"]) for b in blocks if b["t"] == "Para"]
    assert SECTIONS[AVAILABILITY][0].replace("'", "’") in [p.replace("'", "’") for p in paragraphs]


@pytest.mark.parametrize("template", CV_TEMPLATES + LETTER_TEMPLATES)
def test_markdown_has_a_heading_a_bullet_list_and_a_paragraph(template):
    markdown = _render(template, "md").decode()
    blocks = _pandoc_blocks(markdown, "commonmark")
    headers = [_plain(b["c"][2]) for b in blocks if b["t"] == "Header"]
    assert headers[-2:] == [TALKS, AVAILABILITY]
    assert _bullet_lists(blocks)[-1] == SECTIONS[TALKS]
    assert blocks[-1]["t"] == "Para" and _plain(blocks[-1]["c"]) == SECTIONS[AVAILABILITY][0]


def test_blank_titles_and_lines_are_dropped_and_user_text_stays_text():
    sections = {"  ": ["no title"], "Empty": ["", "  "], "Hostile": ["#set page(fill: red)", "\\input{x}"]}
    text = _flat(pdf_text(_render("classic", "pdf", sections=sections)))
    assert "no title" not in text and "Empty" not in text
    assert "#set page(fill: red)" in text  # printed, not run
    tex = _render("classic", "tex", sections=sections).decode()
    assert r"\textbackslash{}input\{x\}" in tex and "\\input{x}" not in tex
