"""PDF reading: reading order, columns, links, page furniture, scanned files."""

import shutil

import pytest

from resumes.ingest import IngestError, parse_document, parse_document_with_meta
from resumes.ingest.pipeline import read_document
from resumes.tests.ingest_fixtures import builders


def test_one_column_cv_with_right_aligned_dates_and_link_annotations():
    cv, meta = parse_document_with_meta(builders.pdf_one_column_cv(), filename="cv.pdf")
    assert (meta["format"], meta["pages"]) == ("pdf", 1)
    b = cv.basics
    assert (b.name, b.label, b.email, b.phone) == (
        "Lena Novak",
        "Backend Engineer",
        "lena.novak@example.com",
        "+420 601 234 567",
    )
    assert b.location.city == "Prague"
    # "GitHub" is printed; the URL only lives in the link annotation.
    assert [(p.network, p.username) for p in b.profiles] == [("GitHub", "lenanovak")]
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Backend Engineer", "Kiwi.com", "2020-04", "present"),
        ("Software Developer", "Avast Software", "2017-07", "2020-03"),
    ]
    assert cv.work[0].highlights == [
        "Rebuilt the booking API in Go, halving p99 latency",
        "Introduced contract tests for 40 services",
    ]
    edu = cv.education[0]
    assert (edu.institution, edu.studyType, edu.area) == (
        "Czech Technical University in Prague",
        "Bachelor of Science",
        "Software Engineering",
    )
    assert [(s.name, s.keywords) for s in cv.skills] == [
        ("Languages", ["Go", "Python", "SQL"]),
        ("Infrastructure", ["Docker", "Kubernetes", "PostgreSQL", "Terraform"]),
    ]


def test_two_column_layout_reads_each_column_in_turn():
    doc = read_document(builders.pdf_two_column_cv())
    texts = [line.text for line in doc.lines]
    # The sidebar's lines stay together instead of interleaving with the main column's rows.
    assert texts.index("Figma") + 1 == texts.index("User Research")
    assert texts.index("Arabic (native)") + 1 == texts.index("English (fluent)")
    cv = parse_document(builders.pdf_two_column_cv())
    assert cv.basics.name == "Omar Haddad"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Senior Product Designer", "Careem", "2021", "present"),
        ("Product Designer", "Noon", "2018", "2021"),
    ]
    assert cv.skills[0].keywords == ["Figma", "User Research", "Prototyping", "Design Systems"]
    assert [lang.language for lang in cv.languages] == ["Arabic", "English"]
    assert cv.education[0].institution == "American University of Sharjah"


def test_running_footers_and_page_numbers_are_dropped():
    source = (
        builders.PAGE.replace(
            "margin: 40pt",
            'margin: 40pt, footer: [Nina Berg #h(1fr) #context counter(page).display("1/1", both: true)]',
        )
        + '#text(size: 20pt)[Nina Berg]\n\n#text(size: 14pt, weight: "bold")[Experience]\n\n'
        + "\n\n".join(
            f"*Engineer {i}*, Company {i} #h(1fr) 20{10 + i} – 20{11 + i}\n- Did things" for i in range(12)
        )
        + '\n#pagebreak()\n#text(size: 14pt, weight: "bold")[Skills]\n\nRust, Go\n'
    )
    data = builders.typst_pdf(source)
    cv, meta = parse_document_with_meta(data)
    assert meta["pages"] == 2
    assert "1/2" not in cv.raw_text and "2/2" not in cv.raw_text
    assert cv.raw_text.count("Nina Berg") == 1
    assert len(cv.work) == 12
    assert cv.skills[0].keywords == ["Rust", "Go"]


def test_pdf_without_text_layer_says_so(settings):
    settings.CV_PARSE_OCR = "off"
    with pytest.raises(IngestError) as exc:
        parse_document(builders.pdf_without_text(), filename="scan.pdf")
    assert exc.value.code == "no_text_layer"
    assert "no text layer" in exc.value.message


def test_truncated_pdf_is_malformed():
    data = builders.pdf_one_column_cv()
    with pytest.raises(IngestError) as exc:
        parse_document(data[:200])
    assert exc.value.code == "malformed_file"


def test_page_limit_reads_the_first_pages_and_warns(settings):
    settings.CV_PARSE_MAX_PAGES = 1
    source = (
        builders.PAGE + "Kim Lee\n\nExperience\n\nChef, Noma, 2019 – 2021\n#pagebreak()\nSkills\n\nCooking\n"
    )
    cv, meta = parse_document_with_meta(builders.typst_pdf(source))
    assert meta["pages"] == 2
    assert "Cooking" not in cv.raw_text
    assert cv.warnings[0] == "Only the first 1 of 2 pages were read."


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_scanned_pdf_is_read_by_ocr():
    cv, meta = parse_document_with_meta(builders.pdf_scanned(builders.pdf_one_column_cv()))
    assert meta["pages"] == 1
    assert "read by OCR" in cv.warnings[0]
    assert (cv.basics.name, cv.basics.email) == ("Lena Novak", "lena.novak@example.com")
    assert [(w.position, w.name, w.startDate, w.endDate) for w in cv.work] == [
        ("Backend Engineer", "Kiwi.com", "2020-04", "present"),
        ("Software Developer", "Avast Software", "2017-07", "2020-03"),
    ]
    assert cv.education[0].institution == "Czech Technical University in Prague"


def test_a_damaged_page_is_skipped_not_fatal(monkeypatch):
    import pypdfium2

    real_getitem = pypdfium2.PdfDocument.__getitem__

    def flaky(self, index):
        if index == 1:
            raise pypdfium2.PdfiumError("Failed to load page.")
        return real_getitem(self, index)

    monkeypatch.setattr(pypdfium2.PdfDocument, "__getitem__", flaky)
    source = builders.PAGE + "Kim Lee\n\nkim\\@example.com\n#pagebreak()\nLost page\n"
    cv = parse_document(builders.typst_pdf(source))
    assert cv.basics.email == "kim@example.com"
    assert "Page 2 is damaged and was skipped." in cv.warnings
