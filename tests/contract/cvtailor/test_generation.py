"""CV Tailor (seed 001) — Document Generation System, walked as documented: the Generation
Request Format in, 202 ``{id, status}``, polling, the Generated Document, rating, lists,
templates and analytics; owner / other user / anonymous on every endpoint."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from generation.models import GeneratedDocument
from generation.tests.tailor_data import BACKEND_JOB, career

from .test_auth import assert_tailor_error

pytestmark = pytest.mark.django_db

GENERATE_CV = "/api/v1/generate/cv/"
GENERATE_LETTER = "/api/v1/generate/cover-letter/"
CONTENT_KEYS = {"professionalSummary", "keySkills", "experience", "projects", "education", "certifications"}
EXPERIENCE_KEYS = {
    "title",
    "organization",
    "duration",
    "achievements",
    "technologiesUsed",
    "evidenceReferences",
}
PROJECT_KEYS = {"name", "description", "technologies", "evidenceUrl", "impactMetrics"}
METADATA_KEYS = {
    "artifactsUsed",
    "skillMatchScore",
    "missingSkills",
    "generationTime",
    "modelUsed",
    "grounding",
}


def request_body(**overrides) -> dict:
    body = {
        "jobDescription": BACKEND_JOB,
        "companyName": "Initech",
        "roleTitle": "Senior Backend Engineer",
        "labelIds": [],
        "templateId": None,
        "customSections": {"Languages": ["English (native)", "French (fluent)"]},
        "generationPreferences": {"tone": "professional", "length": "concise", "focusAreas": ["backend"]},
    }
    body.update(overrides)
    return body


@pytest.fixture
def labels(owner):
    return career(owner)


@pytest.fixture
def generate(owner_client, labels, django_capture_on_commit_callbacks):
    """POST a generation and let the in-process job run (the embedded default)."""

    def run(path=GENERATE_CV, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = owner_client.post(path, request_body(**overrides), format="json")
        return response

    return run


def test_generate_cv_answers_202_then_polls_to_the_generated_document(owner_client, generate):
    started = generate()
    assert started.status_code == 202, started.content
    body = started.json()
    assert set(body) == {"id", "status"} and body["status"] == "processing"
    uuid.UUID(body["id"])

    polled = owner_client.get(f"/api/v1/generate/{body['id']}/").json()
    assert polled["status"] == "completed" and polled["progressPercentage"] == 100
    assert polled["stage"] == "Done"

    detail = owner_client.get(f"/api/v1/generate/{body['id']}/detail/").json()
    assert {"id", "type", "status", "progressPercentage", "content", "metadata"} <= set(detail)
    assert {"createdAt", "completedAt", "jobDescriptionHash"} <= set(detail)
    assert detail["type"] == "cv" and detail["completedAt"]
    assert CONTENT_KEYS <= set(detail["content"])
    assert all(EXPERIENCE_KEYS == set(e) for e in detail["content"]["experience"])
    assert all(PROJECT_KEYS == set(p) for p in detail["content"]["projects"])
    assert METADATA_KEYS <= set(detail["metadata"])
    assert 0 <= detail["metadata"]["skillMatchScore"] <= 1
    assert len(detail["jobDescriptionHash"]) == 64
    assert detail["content"]["customSections"] == {"Languages": ["English (native)", "French (fluent)"]}


def test_generate_cover_letter(owner_client, generate):
    body = generate(GENERATE_LETTER).json()
    detail = owner_client.get(f"/api/v1/generate/{body['id']}/detail/").json()
    assert detail["type"] == "cover_letter" and detail["status"] == "completed"
    letter = detail["content"]["coverLetter"]
    text = " ".join(letter["paragraphs"])
    assert "Initech" in text and "Senior Backend Engineer" in text
    assert 2 <= len(letter["citedArtifacts"]) <= 3


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"jobDescription": ""}, "jobDescription"),
        ({"jobDescription": "   "}, "jobDescription"),
        ({"labelIds": [999999]}, "labelIds"),
        ({"templateId": 999999}, "templateId"),
        ({"generationPreferences": {"tone": "sarcastic"}}, "generationPreferences"),
        ({"generationPreferences": {"length": "epic"}}, "generationPreferences"),
        ({"customSections": ["not", "an", "object"]}, "customSections"),
    ],
)
def test_bad_input_is_400_naming_the_field(owner_client, labels, overrides, field):
    response = owner_client.post(GENERATE_CV, request_body(**overrides), format="json")
    assert_tailor_error(response, 400, fields={field})
    assert not GeneratedDocument.objects.exists()


def test_a_missing_job_description_is_400(owner_client, labels):
    body = request_body()
    body.pop("jobDescription")
    assert_tailor_error(owner_client.post(GENERATE_CV, body, format="json"), 400, fields={"jobDescription"})


def test_another_users_label_is_unknown(owner_client, other_user, labels):
    theirs = career(other_user)["backend"]
    response = owner_client.post(GENERATE_CV, request_body(labelIds=[theirs.pk]), format="json")
    assert_tailor_error(response, 400, fields={"labelIds"})


def test_a_cover_letter_template_is_refused_for_a_cv(owner_client, labels):
    from exports.models import CVTemplate

    letter = CVTemplate.objects.filter(kind="cover_letter").first()
    response = owner_client.post(GENERATE_CV, request_body(templateId=letter.pk), format="json")
    assert_tailor_error(response, 400, fields={"templateId"})


def test_rate_a_generation(owner_client, generate):
    generation_id = generate().json()["id"]
    rated = owner_client.post(
        f"/api/v1/generate/{generation_id}/rate/", {"rating": 4, "feedback": "Good"}, format="json"
    )
    assert rated.status_code == 200 and rated.json()["rating"] == 4
    assert owner_client.get(f"/api/v1/generate/{generation_id}/detail/").json()["rating"] == 4
    for bad in ({"rating": 0}, {"rating": 6}, {}):
        response = owner_client.post(f"/api/v1/generate/{generation_id}/rate/", bad, format="json")
        assert_tailor_error(response, 400, fields={"rating"})


def test_list_filter_by_type_and_status(owner_client, generate):
    generate()
    generate(GENERATE_LETTER)
    listed = owner_client.get("/api/v1/generate/").json()
    assert set(listed) == {"count", "next", "previous", "results"} and listed["count"] == 2
    assert owner_client.get("/api/v1/generate/?type=cover_letter").json()["count"] == 1
    assert owner_client.get("/api/v1/generate/?status=completed").json()["count"] == 2
    assert owner_client.get("/api/v1/generate/?status=failed").json()["count"] == 0
    assert_tailor_error(owner_client.get("/api/v1/generate/?status=lost"), 400, fields={"status"})


def test_templates_and_analytics(owner_client, generate):
    templates = owner_client.get("/api/v1/generate/templates/").json()
    assert templates["count"] >= 1 and {"id", "name"} <= set(templates["results"][0])
    generation_id = generate().json()["id"]
    generate(GENERATE_LETTER)
    owner_client.post(f"/api/v1/generate/{generation_id}/rate/", {"rating": 5}, format="json")
    stats = owner_client.get("/api/v1/generate/analytics/?days=7").json()
    assert stats["byType"] == {"cv": 1, "cover_letter": 1}
    assert stats["byStatus"] == {"processing": 0, "completed": 2, "failed": 0}
    assert stats["averageRating"] == 5 and stats["mostUsedModel"] == "Builtin"
    assert stats["averageGenerationTime"] > 0
    assert_tailor_error(owner_client.get("/api/v1/generate/analytics/?days=0"), 400, fields={"days"})


def test_other_users_get_404_and_anonymous_401(api_client, other_client, generate):
    generation_id = generate().json()["id"]
    for path in (f"/api/v1/generate/{generation_id}/", f"/api/v1/generate/{generation_id}/detail/"):
        assert_tailor_error(other_client.get(path), 404)
        assert_tailor_error(api_client.get(path), 401)
    rate = f"/api/v1/generate/{generation_id}/rate/"
    assert_tailor_error(other_client.post(rate, {"rating": 1}, format="json"), 404)
    assert_tailor_error(api_client.post(rate, {"rating": 1}, format="json"), 401)
    assert other_client.get("/api/v1/generate/").json()["count"] == 0
    assert other_client.get("/api/v1/generate/analytics/").json()["total"] == 0
    for path in ("/api/v1/generate/", "/api/v1/generate/analytics/"):
        assert_tailor_error(api_client.get(path), 401)
    for path in (GENERATE_CV, GENERATE_LETTER):
        assert_tailor_error(api_client.post(path, request_body(), format="json"), 401)
    assert_tailor_error(other_client.get("/api/v1/generate/not-a-uuid/"), 404)


def test_generation_is_limited_to_ten_an_hour(owner_client, labels, settings):
    assert settings.THROTTLE_RATES["generation"] == "10/hour"
    codes = [owner_client.post(GENERATE_CV, request_body(), format="json").status_code for _ in range(11)]
    assert codes[:10] == [202] * 10
    assert_tailor_error(owner_client.post(GENERATE_CV, request_body(), format="json"), 429)


def test_a_plan_with_a_monthly_quota_stops_generations(owner_client, labels, settings):
    settings.GENERATION_LIMIT_FREE = 2
    assert [owner_client.post(GENERATE_CV, request_body(), format="json").status_code for _ in range(2)] == [
        202
    ] * 2
    refused = assert_tailor_error(owner_client.post(GENERATE_LETTER, request_body(), format="json"), 429)
    assert refused["code"] == "quota_exceeded" and "2 generations per month" in refused["detail"]


def test_a_generation_without_artifacts_fails_with_a_clear_error(
    owner_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        generation_id = owner_client.post(GENERATE_CV, request_body(), format="json").json()["id"]
    polled = owner_client.get(f"/api/v1/generate/{generation_id}/").json()
    assert polled["status"] == "failed" and "no active artifacts" in polled["error"]


def test_analytics_count_only_the_period_asked_for(owner, owner_client, generate):
    old_id = generate().json()["id"]
    generate(GENERATE_LETTER)
    GeneratedDocument.objects.filter(pk=old_id).update(created_at=timezone.now() - timedelta(days=40))
    default = owner_client.get("/api/v1/generate/analytics/").json()
    assert default["periodDays"] == 30 and default["total"] == 1 and default["byType"]["cv"] == 0
    wider = owner_client.get("/api/v1/generate/analytics/?days=60").json()
    assert wider["periodDays"] == 60 and wider["total"] == 2 and wider["byType"]["cv"] == 1
    assert_tailor_error(owner_client.get("/api/v1/generate/analytics/?days=367"), 400, fields={"days"})


def test_the_schema_documents_the_period_and_the_list_filters():
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]

    def parameters(path):
        return {p["name"]: p for p in paths[path]["get"].get("parameters", [])}

    for path in ("/api/v1/generate/analytics/", "/api/v1/export/analytics/"):
        assert parameters(path)["days"]["schema"]["type"] == "integer"
    listed = parameters("/api/v1/generate/")
    assert set(listed["type"]["schema"]["enum"]) == {"cv", "cover_letter"}
    assert set(listed["status"]["schema"]["enum"]) == {"processing", "completed", "failed"}
    assert "page" in listed and "page" in parameters("/api/v1/export/")


def test_templates_are_for_signed_in_users(api_client):
    for path in ("/api/v1/generate/templates/", "/api/v1/export/templates/"):
        assert_tailor_error(api_client.get(path), 401)


@pytest.mark.django_db(transaction=True)
def test_with_no_broker_jobs_run_in_process_and_the_api_still_answers_202_then_poll(
    owner, owner_client, settings
):
    """No capture of commit callbacks: the embedded default sends each task when its row
    commits and runs it in the server process; the client sees what it sees with a worker."""
    from cvplatform.celery import app as celery_app

    assert celery_app.conf.task_always_eager
    career(owner)
    started = owner_client.post(GENERATE_CV, request_body(), format="json")
    assert started.status_code == 202 and started.json()["status"] == "processing"
    generation_id = started.json()["id"]
    assert owner_client.get(f"/api/v1/generate/{generation_id}/").json()["status"] == "completed"
    exported = owner_client.post(f"/api/v1/export/{generation_id}/", {"format": "pdf"}, format="json")
    assert exported.status_code == 202 and exported.json()["status"] == "processing"
    export_id = exported.json()["id"]
    assert owner_client.get(f"/api/v1/export/{export_id}/status/").json()["status"] == "completed"
    download = owner_client.get(f"/api/v1/export/{export_id}/download/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
