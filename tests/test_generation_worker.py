"""CV Tailor end to end on a real Celery worker on Redis, over HTTP as a client does it:
artifacts → generate → poll → export PDF → poll → download → the PDF holds the generated content.

Runs where REDIS_URL is set (CI: PostgreSQL + Redis); elsewhere the embedded default runs the
same jobs in-process (tests/contract/cvtailor/test_generation.py, test_export.py).
"""

import time

import pytest
from django.conf import settings

from conftest import bearer_client
from cvplatform.celery import app as celery_app
from exports.tests.helpers import pdf_text
from generation.tests.tailor_data import BACKEND_JOB, career

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (a real broker)"),
]


@pytest.fixture
def real_worker():
    from celery.contrib.testing.worker import start_worker

    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield
    finally:
        celery_app.conf.task_always_eager = eager


def _poll(client, path: str, *, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    body = client.get(path).json()
    while body["status"] == "processing" and time.monotonic() < deadline:
        time.sleep(0.1)
        body = client.get(path).json()
    return body


def test_artifacts_to_generated_cv_to_downloaded_pdf_on_a_worker(real_worker, owner):
    owner.first_name, owner.last_name = "Ada", "Lovelace"
    owner.save()
    career(owner)
    client = bearer_client(owner)

    started = client.post(
        "/api/v1/generate/cv/",
        {
            "jobDescription": BACKEND_JOB,
            "companyName": "Initech",
            "roleTitle": "Senior Backend Engineer",
            "generationPreferences": {"tone": "technical", "length": "detailed"},
        },
        format="json",
    )
    assert started.status_code == 202 and started.json()["status"] == "processing"
    generation_id = started.json()["id"]
    status = _poll(client, f"/api/v1/generate/{generation_id}/")
    assert status["status"] == "completed", status
    generated = client.get(f"/api/v1/generate/{generation_id}/detail/").json()["content"]

    exported = client.post(f"/api/v1/export/{generation_id}/", {"format": "pdf"}, format="json")
    assert exported.status_code == 202
    export_id = exported.json()["id"]
    assert _poll(client, f"/api/v1/export/{export_id}/status/")["status"] == "completed"
    link = client.get(f"/api/v1/export/{export_id}/detail/").json()["downloadUrl"]
    downloaded = client.get(link)
    assert downloaded.status_code == 200

    text = " ".join(pdf_text(b"".join(downloaded.streaming_content)).split())
    assert "Ada Lovelace" in text
    for entry in generated["experience"]:
        assert entry["organization"] in text and entry["title"] in text
        assert entry["achievements"][0][:50] in text
    assert generated["professionalSummary"][:60] in text
    assert all(skill in text for skill in generated["keySkills"][:5])
    assert generated["education"][0]["institution"] in text
