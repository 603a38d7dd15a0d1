"""PersonaForge export: a signed, expiring link that only the persona's owner can use."""

from urllib.parse import urlparse

import pytest
from django.test import override_settings

from conftest import bearer_client
from cvplatform import downloads
from exports.models import ExportJob
from exports.render.demo import DEMO_CV
from resumes.factories import PersonaFactory

from .helpers import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def persona(owner, templates):
    return PersonaFactory(user=owner, title="Backend", cv=DEMO_CV)


def _path(url: str) -> str:
    return urlparse(url).path


def test_owner_exports_a_persona_to_pdf_and_downloads_it(owner_client, persona):
    response = owner_client.post(
        f"/pf/export/{persona.pk}", {"format": "pdf", "template_id": "modern"}, format="json"
    )
    assert response.status_code == 200
    file_url = response.json()["file_url"]
    assert file_url.startswith("http://testserver/pf/exports/")

    download = owner_client.get(_path(file_url))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "Northwind Payments" in pdf_text(download.content)
    assert ExportJob.objects.get().template.slug == "modern"


def test_markdown_export_and_the_default_template(owner_client, persona):
    response = owner_client.post(f"/pf/export/{persona.pk}", {"format": "md"}, format="json")
    download = owner_client.get(_path(response.json()["file_url"]))
    assert download.content.decode().startswith("# Amélie Laurent")


def test_another_user_cannot_use_the_link(owner_client, other_user, persona, api_client):
    file_url = owner_client.post(f"/pf/export/{persona.pk}", {"format": "pdf"}, format="json").json()[
        "file_url"
    ]
    assert bearer_client(other_user).get(_path(file_url)).status_code == 404
    assert api_client.get(_path(file_url)).status_code == 401


def test_a_tampered_or_expired_link_is_refused(owner_client, persona):
    file_url = owner_client.post(f"/pf/export/{persona.pk}", {"format": "pdf"}, format="json").json()[
        "file_url"
    ]
    token = _path(file_url).split("/")[3]
    job = ExportJob.objects.get()
    forged = downloads.download_token(kind="export", pk=job.pk, owner_id=999)
    assert owner_client.get(f"/pf/exports/{forged}/download").status_code == 404
    saved_cv_kind = downloads.download_token(kind="saved", pk=job.pk, owner_id=job.user_id)
    assert owner_client.get(f"/pf/exports/{saved_cv_kind}/download").status_code == 404
    assert owner_client.get(f"/pf/exports/{token}x/download").status_code == 404
    with override_settings(CV_DOWNLOAD_LINK_SECONDS=-1):
        expired = owner_client.get(_path(file_url))
    assert expired.status_code == 404
    assert expired.json()["error"]["code"] == "ERR_NOT_FOUND"


def test_another_users_persona_is_not_found(other_client, persona):
    response = other_client.post(f"/pf/export/{persona.pk}", {"format": "pdf"}, format="json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "ERR_NOT_FOUND"
    assert not ExportJob.objects.exists()


def test_export_needs_sign_in(api_client, persona):
    assert api_client.post(f"/pf/export/{persona.pk}", {"format": "pdf"}, format="json").status_code == 401


@pytest.mark.parametrize(
    "body, field",
    [
        ({"format": "odt"}, "format"),
        ({"format": "pdf", "template_id": "letter-classic"}, "template_id"),
    ],
)
def test_bad_export_requests_are_clear_errors(owner_client, persona, body, field):
    response = owner_client.post(f"/pf/export/{persona.pk}", body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "ERR_INVALID_REQUEST" and field in error["message"] + str(error.get("fields"))


def test_unknown_template_is_not_found(owner_client, persona):
    response = owner_client.post(
        f"/pf/export/{persona.pk}", {"format": "pdf", "template_id": "nope"}, format="json"
    )
    assert response.status_code == 404


def test_export_options_reach_the_renderer(owner_client, persona):
    body = {"format": "pdf", "template_id": "classic", "options": {"sections": {"includeExperience": False}}}
    file_url = owner_client.post(f"/pf/export/{persona.pk}", body, format="json").json()["file_url"]
    assert "Northwind Payments" not in pdf_text(owner_client.get(_path(file_url)).content)


def test_export_jobs_are_read_per_owner(owner, other_user, owner_client, persona):
    from cvplatform.exceptions import NotFoundError
    from exports.selectors import export_job_get, export_jobs_of

    owner_client.post(f"/pf/export/{persona.pk}", {"format": "md"}, format="json")
    job = export_jobs_of(user=owner).get()
    assert job.status == "SUCCESS" and job.persona_id == str(persona.pk)
    assert export_job_get(user=owner, job_id=job.pk) == job
    with pytest.raises(NotFoundError):
        export_job_get(user=other_user, job_id=job.pk)
    assert not export_jobs_of(user=other_user).exists()
