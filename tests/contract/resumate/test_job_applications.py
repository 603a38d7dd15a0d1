"""ResuMate (seed 002) — /api/job-applications/ (owner only, soft delete) and
/api/example-job-applications/ (anonymous)."""

import pytest

from applications.factories import JobApplicationFactory
from applications.models import JobApplication
from conftest import bearer_client
from resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "id",
    "user",
    "job_title",
    "company_name",
    "original_job_description",
    "resume_used",
    "date_applied",
    "status",
    "notes",
    "is_deleted",
    "is_example",
    "created_at",
    "updated_at",
}
DOC_BODY = {
    "job_title": "Senior Software Engineer",
    "company_name": "TechCorp Inc.",
    "original_job_description": "We are looking for a senior software engineer...",
    "date_applied": "2023-01-15",
    "status": "Applied",
    "notes": "Applied through company website",
}


def test_create_list_update_and_soft_delete(owner_client, owner):
    resume = ResumeFactory(user=owner, title="Mine", content="# Me")
    created = owner_client.post(
        "/api/job-applications/", {**DOC_BODY, "resume_used": resume.id}, format="json"
    )
    assert created.status_code == 201
    app = created.json()
    assert FIELDS <= set(app)
    assert app["user"] == owner.id and app["resume_used"] == resume.id and app["is_deleted"] is False

    listing = owner_client.get("/api/job-applications/")
    assert listing.status_code == 200 and [a["id"] for a in listing.json()] == [app["id"]]

    patched = owner_client.patch(
        f"/api/job-applications/{app['id']}/", {"status": "Interviewing"}, format="json"
    )
    assert patched.status_code == 200 and patched.json()["status"] == "Interviewing"
    put = owner_client.put(
        f"/api/job-applications/{app['id']}/", {**DOC_BODY, "status": "Offer"}, format="json"
    )
    assert put.status_code == 200 and put.json()["status"] == "Offer"

    assert owner_client.delete(f"/api/job-applications/{app['id']}/").status_code == 204
    assert owner_client.get("/api/job-applications/").json() == []
    assert owner_client.get(f"/api/job-applications/{app['id']}/").status_code == 404
    assert JobApplication.objects.get(pk=app["id"]).is_deleted  # still in the database


def test_other_user_gets_404_and_anonymous_401(owner_client, other_client, api_client):
    app_id = owner_client.post("/api/job-applications/", DOC_BODY, format="json").json()["id"]
    assert other_client.get(f"/api/job-applications/{app_id}/").status_code == 404
    assert (
        other_client.patch(
            f"/api/job-applications/{app_id}/", {"status": "Rejected"}, format="json"
        ).status_code
        == 404
    )
    assert other_client.delete(f"/api/job-applications/{app_id}/").status_code == 404
    assert other_client.get("/api/job-applications/").json() == []
    assert api_client.get("/api/job-applications/").status_code == 401
    assert JobApplication.objects.get(pk=app_id).status == "Applied"


def test_cannot_attach_another_users_resume(owner_client, other_user):
    theirs = ResumeFactory(user=other_user, title="Theirs", content="secret")
    response = owner_client.post(
        "/api/job-applications/", {**DOC_BODY, "resume_used": theirs.id}, format="json"
    )
    assert response.status_code == 400
    assert "resume_used" in response.json()


def test_validation_errors(owner_client):
    response = owner_client.post(
        "/api/job-applications/", {"status": "Dreaming", "date_applied": "yesterday"}, format="json"
    )
    assert response.status_code == 400
    assert {"job_title", "company_name", "status", "date_applied"} <= set(response.json())


def test_examples_are_public_and_at_most_five(api_client, make_user):
    demo = make_user()
    for n in range(7):
        JobApplicationFactory(user=demo, job_title=f"Role {n}", company_name="Acme", is_example=True)
    JobApplicationFactory(user=demo, job_title="Private", company_name="Acme")
    response = api_client.get("/api/example-job-applications/")
    assert response.status_code == 200
    titles = [a["job_title"] for a in response.json()]
    assert len(titles) == 5 and "Private" not in titles
    assert bearer_client(demo).get("/api/example-job-applications/").status_code == 200
