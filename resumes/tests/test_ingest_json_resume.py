"""A JSON Resume (``resume.json``) is imported as structured data, not parsed as text."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes import safety
from resumes.ingest import IngestError, detect_format, parse_document, parse_document_with_meta, parse_text
from resumes.schema import StructuredCV

SAMPLE = Path("/work/shared/dev-corpus/jsonresume/sample.resume.json")
MINIMAL = {
    "basics": {"name": "Jane Doe", "email": "jane@example.com", "x-pronouns": "she/her"},
    "work": [{"name": "Acme", "position": "Engineer", "startDate": "2019-01", "highlights": ["Shipped"]}],
    "skills": [{"name": "Backend", "keywords": ["Python", "Django"]}],
}


def sample_bytes() -> bytes:
    if SAMPLE.exists():
        return SAMPLE.read_bytes()
    return json.dumps(MINIMAL, indent=2).encode()


def test_detect_format_recognises_a_json_resume():
    assert detect_format(sample_bytes(), filename="resume.json") == "json"
    assert detect_format(json.dumps(MINIMAL).encode()) == "json"  # by content, no name needed
    assert detect_format(b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode()) == "json"  # with a BOM


def test_parse_document_imports_the_sample_losslessly():
    data = sample_bytes()
    expected = StructuredCV.from_json_resume(json.loads(data)).to_json_resume()
    cv, meta = parse_document_with_meta(data, filename="resume.json")
    assert meta["format"] == "json"
    assert cv.to_json_resume() == expected
    assert cv.basics.name == json.loads(data)["basics"]["name"]


def test_parse_document_keeps_every_field_including_extensions():
    cv = parse_document(json.dumps(MINIMAL).encode(), filename="cv.txt")
    assert cv.basics.name == "Jane Doe"
    assert cv.work[0].position == "Engineer" and cv.work[0].highlights == ["Shipped"]
    assert cv.skills[0].keywords == ["Python", "Django"]
    assert cv.to_json_resume()["basics"]["x-pronouns"] == "she/her"
    assert "Jane Doe" in cv.raw_text  # the text the analysis reads is the resume's, not empty


@pytest.mark.parametrize(
    "data, code, words",
    [
        (b'{"basics": {"name": "Jane"},}', "malformed_file", "not valid JSON"),
        (b'{"title": "My shopping list", "items": ["milk"]}', "unsupported_file", "not a JSON Resume"),
        (b'["basics", "work"]', "unsupported_file", "not a JSON Resume"),
        (b'{"basics": "Jane Doe", "work": "Acme"}', "malformed_file", "basics"),
    ],
)
def test_bad_json_is_a_clear_400(data, code, words):
    with pytest.raises(IngestError) as caught:
        parse_document(data, filename="resume.json")
    assert caught.value.status_code == 400
    assert caught.value.code == code
    assert words in str(caught.value)


def test_a_json_named_file_that_is_not_json_is_refused():
    with pytest.raises(IngestError) as caught:
        parse_document(b"Jane Doe\nEngineer at Acme\n", filename="resume.json")
    assert "not valid JSON" in str(caught.value)


def test_plain_text_cvs_with_braces_still_read_as_text():
    text = b"Jane Doe\nSkills: {Python, Go}\nExperience\nEngineer, Acme, 2019 - present\n"
    assert detect_format(text) == "text"
    assert parse_text("Jane Doe\njane@example.com\nEngineer at Acme").basics.name == "Jane Doe"


def test_safety_lets_a_json_resume_through_by_content():
    assert safety.check_content(sample_bytes(), filename="resume.json") == "json"
    assert safety.check_content(json.dumps(MINIMAL).encode(), filename="cv") == "json"
    with pytest.raises(safety.ApplicationError) as caught:
        safety.check_content(b'{"title": "not a resume"}', filename="x.json")
    assert caught.value.status_code == 400


# --- through the API ---------------------------------------------------------------------------
def upload(client, data: bytes, name: str = "resume.json"):
    file = SimpleUploadedFile(name, data, "application/json")
    return client.post("/pf/cv/upload", {"file": file}, format="multipart")


def test_pf_upload_imports_a_json_resume(owner_client):
    data = sample_bytes()
    response = upload(owner_client, data)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "parsed"
    name = json.loads(data)["basics"]["name"]
    assert body["extracted_data"]["name"] == name
    detail = owner_client.get(f"/pf/cv/{body['cv_id']}").json()
    assert detail["name"] == name
    assert detail["filename"] == "resume.json"
    assert detail["work_experience"]


@pytest.mark.parametrize(
    "data",
    [b'{"basics": {"name": "Jane"},', b'{"shopping": ["milk"]}', b'{"basics": "Jane", "work": 3}'],
)
def test_pf_upload_of_bad_json_is_a_clear_400(owner_client, data):
    response = upload(owner_client, data)
    assert response.status_code == 400, response.content
    message = response.json()["error"]["message"]
    assert "JSON" in message
