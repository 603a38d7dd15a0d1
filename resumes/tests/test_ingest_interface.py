"""The public interface other apps call: detection, errors, parse_text / parse_document."""

import io
import zipfile

import pytest

from cvplatform.exceptions import ApplicationError
from resumes.ingest import IngestError, detect_format, parse_document, parse_document_with_meta, parse_text
from resumes.schema import StructuredCV

PLAIN_CV = """Jane Smith
Senior Backend Engineer
jane.smith@example.com | +44 20 7946 0958 | London, UK | github.com/janesmith

EXPERIENCE
Senior Backend Engineer, Acme Corp          Jan 2020 – Present
- Built the billing platform in Python and PostgreSQL
- Led a team of four engineers
Software Engineer at Globex Inc.            06/2016 – 12/2019
- Shipped the public REST API

EDUCATION
BSc Computer Science, University of Manchester     2012 – 2016

SKILLS
Languages: Python, Go, SQL
Tools: Docker, k8s, Terraform
"""


def test_detects_formats_by_content_not_extension():
    assert detect_format(b"%PDF-1.7\n...", filename="cv.docx") == "pdf"
    assert detect_format(b"\\documentclass{article}\\begin{document}x", filename="cv.txt") == "latex"
    assert detect_format(b"# Jane\n\n## Experience\n- **Acme**", filename="cv") == "markdown"
    assert detect_format(b"Jane Smith\nEngineer", filename="cv.md") == "markdown"
    assert detect_format(b"Jane Smith\nEngineer\n", filename="cv.pdf") == "text"


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_docx_is_a_zip_with_word_document_xml_and_content_types():
    assert (
        detect_format(_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}))
        == "docx"
    )
    for members in ({"content.xml": "<office/>"}, {"word/document.xml": "<w:document/>"}):
        with pytest.raises(IngestError) as exc:
            detect_format(_zip(members), filename="cv.docx")
        assert exc.value.code == "unsupported_file"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_document"),
        (b"   \n ", "empty_document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "unsupported_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "unsupported_file"),
        (bytes(range(256)) * 4, "unsupported_file"),
        (b"%PDF-1.4\nnot really a pdf", "malformed_file"),
        (b"PK\x03\x04broken zip", "malformed_file"),
    ],
)
def test_bad_files_get_a_clear_400(data, code):
    with pytest.raises(IngestError) as exc:
        parse_document(data, filename="upload.bin")
    assert exc.value.code == code
    assert exc.value.status_code == 400
    assert isinstance(exc.value, ApplicationError)
    assert exc.value.message


def test_parse_text_reads_a_plain_cv():
    cv = parse_text(PLAIN_CV)
    assert isinstance(cv, StructuredCV)
    assert cv.basics.name == "Jane Smith"
    assert cv.basics.label == "Senior Backend Engineer"
    assert cv.basics.email == "jane.smith@example.com"
    assert "7946 0958" in cv.basics.phone
    assert [p.network for p in cv.basics.profiles] == ["GitHub"]
    jobs = [(w.position, w.name, w.startDate, w.endDate) for w in cv.work]
    assert jobs == [
        ("Senior Backend Engineer", "Acme Corp", "2020-01", "present"),
        ("Software Engineer", "Globex Inc.", "2016-06", "2019-12"),
    ]
    assert cv.work[0].highlights == [
        "Built the billing platform in Python and PostgreSQL",
        "Led a team of four engineers",
    ]
    edu = cv.education[0]
    assert (edu.studyType, edu.area, edu.institution) == (
        "BSc",
        "Computer Science",
        "University of Manchester",
    )
    assert (edu.startDate, edu.endDate) == ("2012", "2016")
    assert {s.name: s.keywords for s in cv.skills} == {
        "Languages": ["Python", "Go", "SQL"],
        "Tools": ["Docker", "k8s", "Terraform"],
    }
    assert "Acme Corp" in cv.raw_text


def test_parse_document_with_meta_reports_format_and_pages():
    cv, meta = parse_document_with_meta(PLAIN_CV.encode(), filename="cv.txt")
    assert meta["format"] == "text"
    assert meta["pages"] == 1
    assert meta["milliseconds"] >= 0
    assert cv.basics.name == "Jane Smith"


def test_provenance_points_at_the_raw_text_line():
    cv = parse_text(PLAIN_CV)
    where = {p.field: p.line for p in cv.provenance}
    lines = cv.raw_text.splitlines()
    assert lines[where["basics.name"] - 1] == "Jane Smith"
    assert "Acme Corp" in lines[where["work[0]"] - 1]
    assert "Globex" in lines[where["work[1]"] - 1]
    assert "Manchester" in lines[where["education[0]"] - 1]


def test_oversized_text_is_read_up_to_the_limit(settings):
    settings.CV_PARSE_MAX_CHARS = 2000
    cv = parse_text(PLAIN_CV + "\nINTERESTS\n" + "chess, " * 1000 + "\nREFERENCES\nDr. Late Entry\n")
    assert cv.basics.name == "Jane Smith"
    assert "Dr. Late Entry" not in cv.raw_text
    assert "Only the first 2000 characters were read." in cv.warnings
