"""Uploading CVs on PersonaForge, Resume Optimizer and CV Genius, with the real parser."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from resumes.models import CVDocument
from resumes.tests.hostile import builders

CORPUS = Path("/work/shared/dev-corpus")
JOHN_DOE = CORPUS / "rendercv" / "John_Doe_ClassicTheme_CV.pdf"
CV_LINES = [
    "Jane Doe",
    "jane.doe@example.com | +44 20 7946 0958",
    "Summary",
    "Backend engineer building payment systems.",
    "Experience",
    "Senior Software Engineer, Acme Ltd, 2018-01 - present",
    "- Cut API latency by 40% for 2 million users",
    "- Led a team of 5 engineers",
    "- Migrated 30 services to Kubernetes",
    "Education",
    "BSc Computer Science, University of Leeds, 2010 - 2014",
    "Skills",
    "Python, Django, PostgreSQL, Kubernetes",
]


def cv_pdf(name="Jane Doe.pdf") -> SimpleUploadedFile:
    if JOHN_DOE.exists():
        return SimpleUploadedFile(name, JOHN_DOE.read_bytes(), "application/pdf")
    return SimpleUploadedFile(name, builders.pdf_text(CV_LINES), "application/pdf")


def cv_markdown() -> SimpleUploadedFile:
    text = "# Jane Doe\n\njane.doe@example.com\n\n## Experience\n\n**Engineer**, Acme, 2019 - present\n"
    return SimpleUploadedFile("cv.md", text.encode(), "text/markdown")


def stored_files() -> set[str]:
    return set(default_storage.listdir("cvs")[1]) if default_storage.exists("cvs") else set()


# --- PersonaForge ----------------------------------------------------------------------------
@pytest.fixture
def pf_cv(owner_client):
    response = owner_client.post("/pf/cv/upload", {"file": cv_pdf()}, format="multipart")
    assert response.status_code == 200, response.content
    return response.json()


def test_pf_upload_parses_small_files_at_once(pf_cv):
    assert pf_cv["status"] == "parsed"
    assert isinstance(pf_cv["cv_id"], int)
    preview = pf_cv["extracted_data"]
    assert preview["name"]
    assert preview["email"]
    assert preview["work_experience"]
    assert "raw_text" not in preview


def test_pf_cv_detail_list_and_owner_only_file(owner_client, other_client, pf_cv):
    detail = owner_client.get(f"/pf/cv/{pf_cv['cv_id']}").json()
    assert {"name", "email", "work_experience", "skills", "education", "raw_text"} <= set(detail)
    assert detail["name"] == pf_cv["extracted_data"]["name"]
    assert detail["raw_text"]
    assert detail["filename"] == "Jane Doe.pdf"

    listed = owner_client.get("/pf/cv/list").json()
    assert [(item["id"], item["filename"]) for item in listed] == [(pf_cv["cv_id"], "Jane Doe.pdf")]

    stored = CVDocument.objects.get(pk=pf_cv["cv_id"]).file.name
    assert "Jane" not in stored and stored.endswith(".pdf")
    assert default_storage.exists(stored)

    path = detail["file_url"].split("testserver", 1)[1]
    assert owner_client.get(path).status_code == 200
    assert APIClient().get(path).status_code == 401
    assert other_client.get(path).status_code == 404
    bare = f"/pf/cv/{pf_cv['cv_id']}/file"
    assert other_client.get(bare).status_code == 404
    assert APIClient().get(bare).status_code == 401


def test_pf_cv_other_user_and_anonymous(other_client, api_client, pf_cv):
    response = other_client.get(f"/pf/cv/{pf_cv['cv_id']}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "ERR_NOT_FOUND"
    assert other_client.get("/pf/cv/list").json() == []
    assert api_client.get(f"/pf/cv/{pf_cv['cv_id']}").status_code == 401
    assert api_client.post("/pf/cv/upload", {"file": cv_pdf()}, format="multipart").status_code == 401


def test_pf_upload_without_a_file(owner_client):
    response = owner_client.post("/pf/cv/upload", {}, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ERR_INVALID_REQUEST"
    assert "file" in response.json()["error"]["message"]


def test_large_files_are_parsed_by_a_job(owner_client, settings, django_capture_on_commit_callbacks):
    settings.CV_INLINE_PARSE_MAX_BYTES = 1024
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = owner_client.post("/pf/cv/upload", {"file": cv_pdf()}, format="multipart")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "processing"
    assert body["extracted_data"] is None
    assert owner_client.get(f"/pf/cv/{body['cv_id']}").json()["status"] == "processing"

    for callback in callbacks:  # what the worker does once the row is committed
        callback()
    detail = owner_client.get(f"/pf/cv/{body['cv_id']}").json()
    assert detail["status"] == "parsed"
    assert detail["name"]


def test_a_large_hostile_file_ends_as_a_failed_job(
    owner_client, settings, django_capture_on_commit_callbacks
):
    settings.CV_INLINE_PARSE_MAX_BYTES = 1024
    upload = SimpleUploadedFile("scan.pdf", builders.pdf_self_referencing() + b"%" * 2048, "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post("/pf/cv/upload", {"file": upload}, format="multipart")
    detail = owner_client.get(f"/pf/cv/{response.json()['cv_id']}").json()
    assert detail["status"] == "failed"
    assert "text layer" in detail["error"]


# --- Resume Optimizer ------------------------------------------------------------------------
def test_optimizer_upload_answers_a_first_ats_score(owner_client):
    response = owner_client.post(
        "/api/v1/resumes/upload", {"file": cv_pdf(), "title": "My Resume"}, format="multipart"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) >= {"id", "title", "ats_score", "industry", "experience_level", "created_at"}
    assert body["title"] == "My Resume"
    assert 0 <= body["ats_score"] <= 100
    assert body["industry"] == "technology"
    assert body["experience_level"] in {"entry", "mid", "senior", "executive"}

    for path in ("/api/v1/resumes", "/api/v1/resumes/"):
        assert [item["id"] for item in owner_client.get(path).json()] == [body["id"]]
    detail = owner_client.get(f"/api/v1/resumes/{body['id']}").json()
    assert detail["parsed_data"]["basics"]["name"]
    assert detail["analysis"]["breakdown"]


def test_optimizer_validation_is_422_and_other_users_404(owner_client, other_client, api_client):
    response = owner_client.post("/api/v1/resumes/upload", {"title": "x"}, format="multipart")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "file"]

    created = owner_client.post("/api/v1/resumes/upload", {"file": cv_pdf()}, format="multipart").json()
    assert other_client.get(f"/api/v1/resumes/{created['id']}").status_code == 404
    assert other_client.get("/api/v1/resumes").json() == []
    assert api_client.get(f"/api/v1/resumes/{created['id']}").status_code == 401


# --- CV Genius -------------------------------------------------------------------------------
def test_cvgenius_extract_from_file_and_text(owner_client):
    response = owner_client.post(
        "/api/cv/extract-cv-data-from-file/", {"cv_file": cv_pdf()}, format="multipart"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) >= {"personal_info", "summary", "experience", "education", "skills"}
    assert data["personal_info"]["name"]
    assert data["experience"][0]["company"] or data["experience"][0]["title"]

    text = owner_client.post("/api/cv/extract-cv-data/", {"cv_text": "\n".join(CV_LINES)}, format="json")
    assert text.status_code == 200
    assert text.json()["personal_info"]["email"] == "jane.doe@example.com"
    assert not CVDocument.objects.exists()  # extraction stores nothing


def test_cvgenius_analyze_file_adds_the_analysis(owner_client):
    response = owner_client.post("/api/cv/analyze-cv-file/", {"cv_file": cv_markdown()}, format="multipart")
    assert response.status_code == 200, response.content
    analysis = response.json()["analysis"]
    assert 0 <= analysis["score"] <= 100
    assert "No phone number found." in analysis["issues"]
    # one engine: the file's score is the score analyze-cv/ gives the same CV as text
    text = cv_markdown().read().decode()
    as_text = owner_client.post("/api/cv/analyze-cv/", {"cv_text": text}, format="json").json()
    assert analysis["score"] == as_text["score"]


def test_cvgenius_errors_are_drf_shaped(owner_client, api_client):
    missing = owner_client.post("/api/cv/extract-cv-data/", {}, format="json")
    assert missing.status_code == 400
    assert "cv_text" in missing.json()
    blank = owner_client.post("/api/cv/extract-cv-data/", {"cv_text": "   "}, format="json")
    assert blank.status_code == 400
    assert api_client.post("/api/cv/extract-cv-data/", {"cv_text": "x"}, format="json").status_code == 401


@pytest.mark.django_db(transaction=True)
def test_cvgenius_large_file_waits_for_the_parse_job_and_keeps_nothing(settings):
    from accounts.factories import UserFactory
    from conftest import bearer_client

    settings.CV_INLINE_PARSE_MAX_BYTES = 1024
    client = bearer_client(UserFactory())
    before = stored_files()
    response = client.post("/api/cv/extract-cv-data-from-file/", {"cv_file": cv_pdf()}, format="multipart")
    assert response.status_code == 200, response.content
    assert response.json()["personal_info"]["name"]
    assert not CVDocument.objects.exists()
    assert stored_files() == before

    hostile = SimpleUploadedFile("scan.pdf", builders.pdf_self_referencing() + b"%" * 2048, "application/pdf")
    failed = client.post("/api/cv/analyze-cv-file/", {"cv_file": hostile}, format="multipart")
    assert failed.status_code == 400
    assert "text layer" in failed.json()["detail"]
    assert not CVDocument.objects.exists()


def real_docx() -> bytes:
    """A DOCX as Word would write it (python-docx's default template), with a short CV."""
    import io

    import docx

    document = docx.Document()
    for line in CV_LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_real_docx_passes_the_guards_and_is_parsed(owner_client):
    upload = SimpleUploadedFile("cv.docx", real_docx(), "application/octet-stream")
    response = owner_client.post(
        "/api/v1/resumes/upload", {"file": upload, "title": "Word CV"}, format="multipart"
    )
    assert response.status_code == 200, response.content
    detail = owner_client.get(f"/api/v1/resumes/{response.json()['id']}").json()
    assert detail["format"] == "docx"
    assert detail["parsed_data"]["basics"]["email"] == "jane.doe@example.com"
