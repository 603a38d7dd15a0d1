"""AI enrichment of an analysis: a job that rephrases, never a different score."""

from decimal import Decimal

import pytest

from llm.factories import AIModelFactory
from llm.models import Provider, ResponseFormat
from llm.tests.fakes import FakeOpenAI, error, ok
from resumes.tests.test_analysis_engine import CV

pytestmark = pytest.mark.django_db

MODEL_SAYS = {
    "score": 99,
    "breakdown": {"experience": 99},
    "strengths": ["Clear payments focus across two backend roles."],
    "issues": ["The PostgreSQL bullet reads as a duty."],
    "suggestions": ["Say what the migrations achieved, e.g. zero-downtime releases."],
}


@pytest.fixture
def fake_model(monkeypatch, settings):
    settings.LLM_MAX_RETRIES = 0
    settings.LLM_TIMEOUT_SECONDS = 2.0
    server = FakeOpenAI().start()
    monkeypatch.setenv("FAKE_OPENAI_KEY", "sk-test")
    AIModelFactory(
        display_name="Fake GPT",
        provider=Provider.OPENAI,
        model_name="gpt-fake",
        base_url=server.base_url,
        api_key_env="FAKE_OPENAI_KEY",
        input_price_per_million=Decimal("1"),
        output_price_per_million=Decimal("1"),
        priority=10,
        response_format=ResponseFormat.JSON_SCHEMA,
    )
    yield server
    server.stop()


def test_without_a_remote_model_the_builtin_answers_inline_only(owner_client):
    body = owner_client.post("/api/cv/analyze-cv/", {"cv_text": CV}, format="json").json()
    assert body["ai_enrichment"] is None


def test_a_configured_model_rephrases_in_a_job_and_the_scores_stay(
    owner_client, fake_model, django_capture_on_commit_callbacks
):
    fake_model.script(ok(MODEL_SAYS))
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post("/api/cv/analyze-cv/", {"cv_text": CV}, format="json")
    body = response.json()
    ref = body["ai_enrichment"]
    assert ref["url"] == f"/api/cv/analyze-cv/{ref['id']}/"
    enriched = owner_client.get(ref["url"]).json()
    assert enriched["status"] == "completed"
    assert enriched["model"] == "Fake GPT"
    assert enriched["suggestions"] == MODEL_SAYS["suggestions"]
    assert enriched["score"] == body["score"] != 99
    assert enriched["scores"] == body["scores"]
    again = owner_client.post("/api/cv/analyze-cv/", {"cv_text": CV, "enrich": False}, format="json").json()
    assert again["score"] == body["score"] and again["ai_enrichment"] is None


def test_a_failing_model_falls_back_and_someone_else_cannot_read_the_job(
    owner_client, other_client, fake_model, django_capture_on_commit_callbacks
):
    fake_model.script(error(500), error(500))
    with django_capture_on_commit_callbacks(execute=True):
        body = owner_client.post("/api/cv/analyze-cv/", {"cv_text": CV}, format="json").json()
    url = body["ai_enrichment"]["url"]
    enriched = owner_client.get(url).json()
    assert enriched["status"] in {"completed", "failed"}
    assert enriched["score"] == body["score"]
    assert other_client.get(url).status_code == 404
