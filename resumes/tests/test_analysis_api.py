"""CV Genius analyze-cv/score-cv and Resume Optimizer score: contracts, owners and errors."""

import pytest

from cvplatform.jobs import JobStatus
from resumes.analysis.files import cv_from_text
from resumes.factories import CVDocumentFactory
from resumes.models import CVDocument

from .test_analysis_engine import CV, JOB

pytestmark = pytest.mark.django_db


def parsed_document(user, text: str = CV) -> CVDocument:
    return CVDocumentFactory(
        user=user,
        title="My CV",
        file="cvs/test.txt",
        format="text",
        structured=cv_from_text(text).model_dump(mode="json"),
        status=JobStatus.SUCCESS,
    )


# --- CV Genius ----------------------------------------------------------------------------------
def test_analyze_cv_gives_structured_feedback_per_section(owner_client):
    response = owner_client.post("/api/cv/analyze-cv/", {"cv_text": CV}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert 0 <= body["score"] <= 100
    assert body["strengths"] and body["suggestions"]
    assert set(body["sections"]) >= {"contact", "summary", "experience", "education", "skills"}
    assert body["sections"]["experience"]["present"] is True
    # No job description: the keyword part is against the CV's own target role.
    assert "Backend Engineer" in body["keyword_match"]["against"]
    assert any("Responsible for the PostgreSQL" in issue for issue in body["issues"])


def test_analyze_cv_of_a_one_line_cv_says_what_is_missing(owner_client):
    body = owner_client.post("/api/cv/analyze-cv/", {"cv_text": "Dana Smith"}, format="json").json()
    assert body["score"] < 30
    assert body["sections"]["experience"] == {
        "present": False,
        "feedback": "Add an Experience section: role, employer, dates and 3–5 bullets per role.",
    }


def test_score_cv_answers_a_score_with_its_breakdown(owner_client):
    response = owner_client.post("/api/cv/score-cv/", {"cv_text": CV}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert 0 <= body["score"] <= 100
    assert set(body["breakdown"]) == {"keyword_match", "formatting", "section_completeness", "readability"}
    unknown_role = owner_client.post(
        "/api/cv/score-cv/", {"cv_text": "Jo Bloggs\njo@example.org"}, format="json"
    )
    assert unknown_role.json()["breakdown"]["keyword_match"] is None
    assert "left out" in unknown_role.json()["keyword_note"]


def test_cv_genius_analysis_needs_cv_text_and_a_user(owner_client, api_client):
    missing = owner_client.post("/api/cv/score-cv/", {}, format="json")
    assert missing.status_code == 400
    assert "cv_text" in missing.json()
    assert api_client.post("/api/cv/analyze-cv/", {"cv_text": CV}, format="json").status_code == 401


# --- Resume Optimizer ---------------------------------------------------------------------------
def test_optimizer_score_against_a_job(owner, owner_client):
    document = parsed_document(owner)
    response = owner_client.post(
        f"/api/v1/resumes/{document.pk}/score", {"job_description": JOB}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    for key in ("overall_score", "keyword_match", "formatting_score", "section_completeness", "readability"):
        assert 0 <= body[key] <= 100
    assert any("Kubernetes" in r and "Deployed services" in r for r in body["recommendations"])
    assert all(isinstance(issue, str) for issue in body["issues"])
    again = owner_client.post(f"/api/v1/resumes/{document.pk}/score", {"job_description": JOB}, format="json")
    assert again.json() == body


def test_optimizer_score_of_someone_elses_resume_is_404(owner, other_client, api_client):
    document = parsed_document(owner)
    response = other_client.post(f"/api/v1/resumes/{document.pk}/score", {}, format="json")
    assert response.status_code == 404
    assert response.json() == {"detail": "CV not found."}
    assert api_client.post(f"/api/v1/resumes/{document.pk}/score", {}, format="json").status_code == 401


def test_optimizer_score_validation_is_422(owner, owner_client):
    document = parsed_document(owner)
    response = owner_client.post(
        f"/api/v1/resumes/{document.pk}/score", {"job_description": ["x"]}, format="json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "job_description"]


def upload_pdf_with_white_text(client) -> int:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resumes.tests.ingest_fixtures.builders import typst_pdf

    escaped = CV.replace("@", "\\@")
    body = "\n\n".join(line for line in escaped.splitlines() if line.strip())
    pdf = typst_pdf(body + "\n\n#text(fill: white)[Kubernetes Kafka expert]")
    upload = SimpleUploadedFile("cv.pdf", pdf, content_type="application/pdf")
    created = client.post("/api/v1/resumes/upload", {"file": upload, "title": "CV"}, format="multipart")
    assert created.status_code == 200, created.content
    return created.json()["id"]


def optimizer_score(client, document_id: int) -> dict:
    response = client.post(f"/api/v1/resumes/{document_id}/score", {"job_description": JOB}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def test_optimizer_score_of_an_uploaded_pdf_ignores_its_white_text(owner_client):
    score = optimizer_score(owner_client, upload_pdf_with_white_text(owner_client))
    assert any("hidden (white) text" in issue for issue in score["issues"])
    assert "Kubernetes" in score["keyword_details"]["missing_required"]


def test_scoring_reads_the_signals_the_sandboxed_parse_stored(owner_client):
    # The issue: scoring "reopens the stored PDF with pdfplumber on every call - in the web
    # process, outside the parse sandbox and its limits".
    document = CVDocument.objects.get(pk=upload_pdf_with_white_text(owner_client))
    assert document.signals["hidden_text"] == ["Kubernetes Kafka expert"]
    assert document.signals["pages"] == 1
    # The file is never opened again: gone from storage, its hidden text is still known.
    document.file.storage.delete(document.file.name)
    score = optimizer_score(owner_client, document.pk)
    assert any("hidden (white) text" in issue for issue in score["issues"])


def test_a_document_parsed_before_signals_were_stored_gets_them_once_in_the_sandbox(
    owner_client, monkeypatch
):
    from resumes import parsing

    document_id = upload_pdf_with_white_text(owner_client)
    CVDocument.objects.filter(pk=document_id).update(signals=None)
    sandboxed = []
    run_limited = parsing.run_limited

    def spy(func, *args, **kwargs):
        sandboxed.append(func.__name__)
        return run_limited(func, *args, **kwargs)

    monkeypatch.setattr(parsing, "run_limited", spy)
    scores = [optimizer_score(owner_client, document_id) for _ in range(2)]
    assert sandboxed == ["_signals_child"]
    assert CVDocument.objects.get(pk=document_id).signals["hidden_text"] == ["Kubernetes Kafka expert"]
    assert scores[0] == scores[1]
    assert any("hidden (white) text" in issue for issue in scores[1]["issues"])
