"""CV Tailor end to end on a real Celery worker on Redis, over HTTP as a client does it, from an
empty account: a label and artifacts through the artifacts API → generate → poll → export PDF →
poll → download → the PDF holds the generated content.

Runs where REDIS_URL is set (CI: PostgreSQL + Redis); elsewhere the embedded default runs the
same jobs in-process (tests/contract/cvtailor/test_generation.py, test_export.py).
"""

import io
import time

import pdfplumber
import pytest
from django.conf import settings

from conftest import bearer_client
from cvplatform.celery import app as celery_app
from exports.tests.helpers import pdf_text
from generation.tests.tailor_data import BACKEND_JOB

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (a real broker)"),
]

SETTLEMENT = "https://acme.example.com/settlement"


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


def _poll(client, path: str, *, timeout: float = 60) -> tuple[dict, list[int]]:
    """Poll until the job leaves "processing"; the last body and every progress value seen."""
    deadline = time.monotonic() + timeout
    body = client.get(path).json()
    seen = [body["progressPercentage"]]
    while body["status"] == "processing" and time.monotonic() < deadline:
        time.sleep(0.05)
        body = client.get(path).json()
        seen.append(body["progressPercentage"])
    return body, seen


def _created(response) -> dict:
    assert response.status_code == 201, response.content
    return response.json()


def _artifacts(client) -> int:
    """The career a user types in: a label, two backend jobs' worth of artifacts carrying it,
    one frontend job without it, and an archived one. Answers the label's id."""
    backend = _created(client.post("/api/v1/artifacts/labels/", {"name": "Backend"}, format="json"))["id"]
    artifacts = [
        {
            "title": "Senior Software Engineer",
            "organisation": "Acme Payments",
            "artifact_type": "experience",
            "start_date": "2019-03-01",
            "description": (
                "Responsible for the settlement API in Python and Django, serving 2 million requests a day.\n"
                "Cut p99 latency from 900 ms to 120 ms by moving hot paths to Redis."
            ),
            "technologies": ["Python", "Django", "PostgreSQL", "Redis", "Docker"],
            "labels": [backend],
            "evidence_links": [{"url": SETTLEMENT}],
        },
        {
            "title": "Cluster autoscaler",
            "artifact_type": "project",
            "start_date": "2021-01-01",
            "end_date": "2021-09-01",
            "description": "Built a Kubernetes autoscaler in Go that cut cloud spend 35%.",
            "technologies": ["Kubernetes", "Go", "Docker"],
            "labels": [backend],
        },
        {
            "title": "Software Developer",
            "organisation": "Globe Media",
            "artifact_type": "experience",
            "start_date": "2015-06-01",
            "end_date": "2019-02-28",
            "description": "Built the React front end of the newsroom tools in TypeScript.",
            "technologies": ["React", "TypeScript"],
        },
        {
            "title": "Blockchain engineer",
            "organisation": "Chainly",
            "artifact_type": "experience",
            "start_date": "2014-09-01",
            "end_date": "2015-05-01",
            "description": "Built a Solidity exchange.",
            "technologies": ["Solidity"],
            "labels": [backend],
            "status": "archived",
        },
    ]
    for artifact in artifacts:
        _created(client.post("/api/v1/artifacts/", artifact, format="json"))
    return backend


def test_artifacts_to_generated_cv_to_downloaded_pdf_on_a_worker(real_worker, owner):
    owner.first_name, owner.last_name = "Ada", "Lovelace"
    owner.save()
    client = bearer_client(owner)
    backend = _artifacts(client)
    assert client.get("/api/v1/artifacts/").json()["count"] == 4

    started = client.post(
        "/api/v1/generate/cv/",
        {
            "jobDescription": BACKEND_JOB,
            "companyName": "Initech",
            "roleTitle": "Senior Backend Engineer",
            "labelIds": [backend],
            "customSections": {"Languages": ["English (native)", "French (fluent)"]},
            "generationPreferences": {"tone": "technical", "length": "detailed"},
        },
        format="json",
    )
    assert started.status_code == 202 and started.json()["status"] == "processing"
    generation_id = started.json()["id"]
    status, progress = _poll(client, f"/api/v1/generate/{generation_id}/")
    assert status["status"] == "completed" and status["error"] is None, status
    assert progress == sorted(progress) and progress[-1] == 100
    detail = client.get(f"/api/v1/generate/{generation_id}/detail/").json()
    generated = detail["content"]
    # Only the label's active artifacts were used.
    assert [e["organization"] for e in generated["experience"]] == ["Acme Payments"]
    assert [p["name"] for p in generated["projects"]] == ["Cluster autoscaler"]

    exported = client.post(
        f"/api/v1/export/{generation_id}/",
        {"format": "pdf", "options": {"evidenceFormat": "hyperlinks"}},
        format="json",
    )
    assert exported.status_code == 202 and exported.json()["status"] == "processing"
    export_id = exported.json()["id"]
    export_status, _ = _poll(client, f"/api/v1/export/{export_id}/status/")
    assert export_status["status"] == "completed", export_status
    link = client.get(f"/api/v1/export/{export_id}/detail/").json()["downloadUrl"]
    downloaded = client.get(link)
    assert downloaded.status_code == 200 and downloaded["Content-Type"] == "application/pdf"

    content = b"".join(downloaded.streaming_content)
    text = " ".join(pdf_text(content).split())
    assert "Ada Lovelace" in text
    for entry in generated["experience"]:
        assert entry["organization"] in text and entry["title"] in text
        assert all(achievement[:50] in text for achievement in entry["achievements"])
    assert generated["projects"][0]["name"] in text
    assert generated["professionalSummary"][:60] in text
    assert all(skill in text for skill in generated["keySkills"][:5])
    assert text.index("Languages") < text.index("English (native)") < text.index("French (fluent)")
    assert "Globe Media" not in text and "Chainly" not in text
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        assert SETTLEMENT in {link["uri"] for page in pdf.pages for link in page.hyperlinks}
