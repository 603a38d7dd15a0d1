"""The AI endpoints as ResuMate and CV Tailor clients use them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import bearer_client
from llm import breaker
from llm.factories import AIModelFactory, LLMCallFactory
from llm.models import Embedding, EmbeddingKind, LLMCall, Provider
from llm.services import embedding_store
from resumes.models import Resume

from .fakes import error, ok

pytestmark = pytest.mark.django_db

MODELS = "/api/ai/models/"
GENERATE = "/api/ai/generate/"
TAILOR = "/api/v1/llm/"
USER_INPUT = (
    "Software engineer with 5 years experience in Python, Django, React. Worked at tech startups "
    "building scalable web applications. Expert in cloud deployment and database optimization."
)


# --- ResuMate ---------------------------------------------------------------------------------
def test_model_list_is_public_and_says_what_is_usable(api_client, builtin_row, openai_row, monkeypatch):
    AIModelFactory(
        display_name="Keyless", provider=Provider.GEMINI, model_name="g", api_key_env="NO_SUCH_KEY"
    )
    response = api_client.get(MODELS)
    assert response.status_code == 200
    by_name = {m["display_name"]: m for m in response.json()}
    assert set(by_name["Fake GPT"]) >= {"display_name", "description", "response_time_info", "login_required"}
    assert by_name["Builtin"]["available"] is True
    assert by_name["Fake GPT"]["available"] is True
    assert by_name["Keyless"]["available"] is False


def test_anonymous_generation_creates_an_unowned_resume_from_the_input(api_client, builtin_row):
    response = api_client.post(
        GENERATE,
        {"model": "Builtin", "user_input": USER_INPUT, "title": "Senior Software Engineer Resume"},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    resume = Resume.objects.get(pk=body["resume_id"])
    assert resume.user is None and resume.title == "Senior Software Engineer Resume"
    assert body["content"] == resume.content
    assert (
        "## Professional Summary" in body["content"]
        and "Django" in body["content"]
        and "5+ years" in body["content"]
    )


def test_signed_in_generation_through_openai_is_owned_and_logged(owner, openai_row, fake_openai):
    fake_openai.script(
        ok({"title": "T", "markdown": "# Jane Doe\n\n## Professional Summary\nPython engineer."})
    )
    response = bearer_client(owner).post(
        GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json"
    )
    assert response.status_code == 201
    assert Resume.objects.get(pk=response.json()["resume_id"]).user == owner
    assert response.json()["content"].startswith("# Jane Doe")
    assert LLMCall.objects.get().user == owner


def test_generate_errors(api_client, owner, openai_row, fake_openai):
    bad = api_client.post(GENERATE, {"model": "Nope", "user_input": "x"}, format="json")
    assert bad.status_code == 400 and "model" in bad.json()
    missing = api_client.post(GENERATE, {"model": "Fake GPT"}, format="json")
    assert missing.status_code == 400 and "user_input" in missing.json()

    openai_row.login_required = True
    openai_row.daily_limit = 1
    openai_row.allow_fallback = False
    openai_row.save()
    anonymous = api_client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json")
    assert anonymous.status_code == 401

    client = bearer_client(owner)
    fake_openai.script(error(500))
    failed = client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json")
    assert failed.status_code == 503 and set(failed.json()) == {"error"}
    assert "Fake GPT" in failed.json()["error"]

    fake_openai.script(ok({"markdown": "# Resume"}))
    assert (
        client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json").status_code
        == 201
    )
    limited = client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json")
    assert limited.status_code == 429 and "Daily limit" in limited.json()["detail"]


def test_chosen_model_failure_falls_back_to_builtin_when_allowed(
    api_client, builtin_row, openai_row, fake_openai
):
    fake_openai.script(error(429))
    response = api_client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json")
    assert response.status_code == 201 and "Django" in response.json()["content"]
    assert LLMCall.objects.get(outcome="success").failed_over


# --- CV Tailor: models ------------------------------------------------------------------------
def test_available_models_is_a_paginated_envelope_for_signed_in_users(
    api_client, owner_client, builtin_row, openai_row
):
    assert api_client.get(TAILOR + "available-models/").status_code == 401
    body = owner_client.get(TAILOR + "available-models/").json()
    assert set(body) == {"count", "next", "previous", "results"} and body["count"] == 2
    row = next(m for m in body["results"] if m["name"] == "Fake GPT")
    assert row["available"] is True and row["breaker_state"] == "closed" and row["is_selected"] is False


def test_select_model_stores_the_preference_and_the_router_uses_it(
    owner, owner_client, openai_row, fake_openai
):
    response = owner_client.post(TAILOR + "select-model/", {"model": "fake gpt"}, format="json")
    assert response.status_code == 200 and response.json()["selected_model"]["is_selected"] is True
    owner.refresh_from_db()
    assert owner.preferred_ai_model == "Fake GPT"

    unknown = owner_client.post(TAILOR + "select-model/", {"model": "Nope"}, format="json")
    assert unknown.status_code == 400
    assert (
        set(unknown.json()) >= {"error", "detail", "code", "fields"} and "model" in unknown.json()["fields"]
    )


# --- CV Tailor: monitoring --------------------------------------------------------------------
def _log(
    user, label, latency, outcome="success", error_class="", cost="0.001", days_ago=0, provider="openai"
):
    call = LLMCallFactory(
        user=user,
        ai_model=None,
        model_label=label,
        provider=provider,
        task="analyse_cv",
        latency_ms=latency,
        outcome=outcome,
        error_class=error_class,
        cost=Decimal(cost),
        input_tokens=100,
        output_tokens=50,
    )
    if days_ago:
        LLMCall.objects.filter(pk=call.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return call


def test_performance_metrics_give_percentiles_and_success_rate(owner, owner_client):
    for latency in range(100, 1100, 100):  # 100…1000 ms
        _log(owner, "Fake GPT", latency)
    _log(owner, "Fake GPT", 5, outcome="error", error_class="rate_limit")
    _log(owner, "Fake GPT", 9999, days_ago=3)  # outside the 24 h window
    body = owner_client.get(TAILOR + "performance-metrics/").json()
    gpt = next(m for m in body["models"] if m["model"] == "Fake GPT")
    assert (gpt["latency_p50_ms"], gpt["latency_p95_ms"]) == (500, 1000)
    assert gpt["calls"] == 11 and gpt["success_rate"] == round(10 / 11, 4)
    assert gpt["errors"] == {"rate_limit": 1}
    assert owner_client.get(TAILOR + "performance-metrics/?hours=0").status_code == 400


def test_model_stats_and_cost_tracking_are_per_user(owner, other_user, owner_client, make_user):
    _log(owner, "Fake GPT", 100, cost="0.002")
    _log(owner, "Fake GPT", 100, cost="0.003", days_ago=2)
    _log(other_user, "Fake GPT", 100, cost="5.000")
    costs = owner_client.get(TAILOR + "cost-tracking/").json()
    assert costs["scope"] == "user" and Decimal(costs["total_cost"]) == Decimal("0.005")
    assert [row["calls"] for row in costs["rows"]] == [1, 1] and costs["rows"][0]["day"] > costs["rows"][1][
        "day"
    ]
    stats = owner_client.get(TAILOR + "model-stats/?hours=720").json()
    assert stats["models"][0]["calls"] == 2 and Decimal(stats["models"][0]["cost"]) == Decimal("0.005")

    staff = bearer_client(make_user(is_staff=True))
    everyone = staff.get(TAILOR + "cost-tracking/?scope=all").json()
    assert everyone["scope"] == "all" and Decimal(everyone["total_cost"]) == Decimal("5.005")
    # A non-staff user asking for everyone still sees only their own.
    assert owner_client.get(TAILOR + "cost-tracking/?scope=all").json()["scope"] == "user"


def test_circuit_breakers_and_system_health_reflect_failures(
    owner_client, builtin_row, openai_row, fake_openai, settings
):
    healthy = owner_client.get(TAILOR + "system-health/").json()
    assert healthy["status"] == "healthy" and healthy["configured_models"] == 1
    for _ in range(settings.LLM_BREAKER_THRESHOLD):
        breaker.breaker_record_failure(model_id=openai_row.pk)
    states = owner_client.get(TAILOR + "circuit-breakers/").json()["breakers"]
    assert states[0]["model"] == "Fake GPT" and states[0]["state"] == "open" and states[0]["retry_at"]
    degraded = owner_client.get(TAILOR + "system-health/").json()
    assert (
        degraded["status"] == "degraded" and degraded["open_breakers"] == 1 and degraded["builtin_available"]
    )


# --- CV Tailor: embeddings --------------------------------------------------------------------
def test_job_embeddings_store_and_rank_by_similarity(owner_client, other_client):
    jobs = [
        "Data engineer: Kafka, Spark and Airflow pipelines on AWS",
        "Pastry chef for a French bakery, early shifts",
        "Frontend developer: React, TypeScript and accessibility",
    ]
    for i, text in enumerate(jobs):
        created = owner_client.post(
            TAILOR + "job-embeddings/", {"text": text, "label": f"job {i}"}, format="json"
        )
        assert created.status_code == 201 and created.json()["dims"] == 256
    ranked = owner_client.get(
        TAILOR + "job-embeddings/", {"q": "streaming pipelines with Kafka and Spark"}
    ).json()
    assert ranked["count"] == 3 and ranked["results"][0]["label"] == "job 0"
    assert ranked["results"][0]["similarity"] > ranked["results"][1]["similarity"]
    assert other_client.get(TAILOR + "job-embeddings/").json()["count"] == 0
    blank = owner_client.post(TAILOR + "job-embeddings/", {"text": "  "}, format="json")
    assert blank.status_code == 400 and "text" in blank.json()["fields"]


def test_enhanced_artifacts_ranked_against_a_job(owner, other_user, owner_client, other_client):
    job = embedding_store(
        text="Kubernetes platform engineer, Terraform and AWS", user=owner, kind=EmbeddingKind.JOB_DESCRIPTION
    )
    for i, text in enumerate(
        ["Migrated 40 services to Kubernetes with Terraform on AWS", "Organised a charity bake sale"]
    ):
        embedding_store(
            text=text, user=owner, kind=EmbeddingKind.ARTIFACT, source_type="artifact", source_id=str(i)
        )
    embedding_store(text="Kubernetes expert", user=other_user, kind=EmbeddingKind.ARTIFACT)
    body = owner_client.get(TAILOR + "enhanced-artifacts/", {"job": job.pk}).json()
    assert [r["source_id"] for r in body["results"]] == ["0", "1"]
    assert other_client.get(TAILOR + "enhanced-artifacts/", {"job": job.pk}).status_code == 404


def test_re_storing_a_source_replaces_its_vector(owner):
    first = embedding_store(
        text="Python", user=owner, source_type="artifact", source_id="7", kind=EmbeddingKind.ARTIFACT
    )
    again = embedding_store(
        text="Go and Rust", user=owner, source_type="artifact", source_id="7", kind=EmbeddingKind.ARTIFACT
    )
    assert first.pk == again.pk and Embedding.objects.count() == 1 and again.vector != first.vector


def test_signed_out_visitors_are_held_to_a_models_daily_limit_by_address(api_client, openai_row, fake_openai):
    openai_row.daily_limit = 1
    openai_row.save()
    fake_openai.script(ok({"markdown": "# One"}))
    first = api_client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json")
    assert first.status_code == 201 and first.json()["content"] == "# One"
    second = api_client.post(GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json")
    assert second.status_code == 429 and "signed-out visitor" in second.json()["detail"]
    fake_openai.script(ok({"markdown": "# Two"}))
    elsewhere = api_client.post(
        GENERATE, {"model": "Fake GPT", "user_input": USER_INPUT}, format="json", REMOTE_ADDR="10.0.0.9"
    )
    assert elsewhere.status_code == 201 and elsewhere.json()["content"] == "# Two"


def test_performance_metrics_show_your_own_calls_and_staff_see_everyones(owner, other_user, make_user):
    _log(owner, "Fake GPT", 100)
    _log(other_user, "Fake GPT", 100)
    _log(other_user, "Fake Gemini", 100)
    mine = bearer_client(owner).get(TAILOR + "performance-metrics/").json()
    assert [(m["model"], m["calls"]) for m in mine["models"]] == [("Fake GPT", 1)]
    staff = bearer_client(make_user(username="staff", email="staff@example.com", is_staff=True))
    everyone = staff.get(TAILOR + "performance-metrics/").json()
    assert [(m["model"], m["calls"]) for m in everyone["models"]] == [("Fake GPT", 2), ("Fake Gemini", 1)]


def test_available_models_list_usable_ones_first(owner_client, builtin_row, openai_row, monkeypatch):
    keyless = AIModelFactory(
        display_name="No Key", provider=Provider.OPENAI, api_key_env="UNSET_KEY", priority=1
    )
    monkeypatch.delenv("UNSET_KEY", raising=False)
    for _ in range(10):  # trip the breaker of the otherwise first usable model
        breaker.breaker_record_failure(model_id=openai_row.pk)
    rows = owner_client.get(TAILOR + "available-models/").json()["results"]
    names = [row["name"] for row in rows]
    assert names == ["Builtin", "No Key", "Fake GPT"]  # usable first, then the rest by priority
    by_name = {row["name"]: row for row in rows}
    assert by_name["Fake GPT"]["breaker_state"] == "open" and by_name["No Key"]["available"] is False
    assert keyless.priority < openai_row.priority < builtin_row.priority
