"""A languages section laid out as a table (language | level) in a table-layout DOCX."""

import io

from docx import Document
from docx.shared import Pt

from resumes.ingest import parse_document


def table_layout_cv_with_language_table() -> bytes:
    d = Document()
    side, main = d.add_table(rows=1, cols=2).rows[0].cells
    side.paragraphs[0].add_run("Tom Becker").bold = True
    side.paragraphs[0].runs[0].font.size = Pt(22)
    side.add_paragraph("tom.becker@example.com")
    side.add_paragraph("SKILLS")
    side.add_paragraph("JavaScript, TypeScript, React")
    side.add_paragraph("LANGUAGES")
    levels = side.add_table(rows=3, cols=2)
    for row, (language, level) in zip(
        levels.rows, [("English", "Native"), ("German", "B2"), ("French", "Basic")]
    ):
        row.cells[0].text, row.cells[1].text = language, level
    main.paragraphs[0].add_run("EXPERIENCE").bold = True
    jobs = main.add_table(rows=1, cols=2)
    jobs.rows[0].cells[0].text = "2019 – Present"
    jobs.rows[0].cells[1].text = "Lead Frontend Developer at Monzo Bank"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_language_level_rows_read_as_language_and_fluency():
    cv = parse_document(table_layout_cv_with_language_table(), filename="cv.docx")
    assert [(lang.language, lang.fluency) for lang in cv.languages] == [
        ("English", "Native"),
        ("German", "B2"),
        ("French", "Basic"),
    ]
    groups = {group.name: group.keywords for group in cv.skills}
    # The levels are not languages, and no level ends up as a skill.
    assert groups == {
        "Skills": ["JavaScript", "TypeScript", "React"],
        "Languages": ["English", "German", "French"],
    }


def test_spoken_languages_listed_among_the_skills_are_languages_too():
    text = (
        "Tom Becker\ntom.becker@example.com\nSkills\n"
        "Languages: Python, Go\n"
        "Frameworks: React, Django\n"
        "Spoken languages: English (native), German (B2)\n"
    )
    cv = parse_document(text.encode(), filename="cv.txt")
    assert [(lang.language, lang.fluency) for lang in cv.languages] == [
        ("English", "native"),
        ("German", "B2"),
    ]
    groups = {group.name: group.keywords for group in cv.skills}
    assert groups["Languages"] == ["Python", "Go"]  # programming languages stay skills only
    assert groups["Spoken languages"] == ["English (native)", "German (B2)"]  # as printed
