"""Words and skills that a line break cut in two are read whole again."""

from pathlib import Path

import pytest

from resumes.ingest import parse_document, parse_text
from resumes.ingest.document import Line
from resumes.ingest.extract.skills_section import parse_skill_lines

BARRY = Path("/work/shared/dev-corpus/resume-matcher-2023/resumes/barry_allen_fe.pdf")


def skills_of(*texts: str) -> list[str]:
    return [kw for group in parse_skill_lines([Line(text=t) for t in texts]) for kw in group.keywords]


def test_a_skill_wrapped_onto_the_next_line_is_one_skill():
    keywords = skills_of(
        "Docker, Webpack, Babel, Google Cloud",
        "Platform, Firebase, GraphQL, Agile Development, Test-Driven",
        "Development, Responsive Design",
    )
    assert "Google Cloud Platform" in keywords
    assert "Test-Driven Development" in keywords
    assert not {"Platform", "Development", "Test-Driven", "Google Cloud"} & set(keywords)
    assert keywords[-1] == "Responsive Design"


def test_lists_that_end_their_lines_are_not_glued():
    # Each line is its own list: "Rust" and "Docker" are two skills, not "Rust Docker".
    assert skills_of("Python, Go, Rust", "Docker, Kubernetes") == [
        "Python",
        "Go",
        "Rust",
        "Docker",
        "Kubernetes",
    ]


def test_a_hyphenated_word_broken_across_prose_lines_is_joined():
    text = (
        "Jane Doe\njane@example.com\nProjects\n2022 Expense Tracker\n"
        "Developed a tracker using React and Firebase. Imple\u00ad\n"
        "mented authentication using Firebase Auth. Utilized D3.js for charts.\n"
    )
    highlights = [h for project in parse_text(text).projects for h in project.highlights]
    assert "Implemented authentication using Firebase Auth." in highlights


@pytest.mark.skipif(not BARRY.exists(), reason="dev corpus not present")
def test_barry_allen_pdf_reads_whole_words_and_skills():
    cv = parse_document(BARRY.read_bytes(), filename=BARRY.name)
    highlights = [h for project in cv.projects for h in project.highlights]
    assert any(h.startswith("Implemented user authentication") for h in highlights), highlights
    assert not any("Imple mented" in h for h in highlights)
    keywords = cv.skill_names()
    assert {"Google Cloud Platform", "Test-Driven Development"} <= set(keywords)
    assert not {"Platform", "Development", "Test-Driven"} & set(keywords)
