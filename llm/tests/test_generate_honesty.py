"""``POST /api/ai/generate/``: limits count every answer, and the body says who answered."""

import pytest

from llm.factories import AIModelFactory
from llm.models import AIModel, LLMCall, Provider

from .fakes import error, ok

pytestmark = pytest.mark.django_db

GENERATE = "/api/ai/generate/"
USER_INPUT = "Software engineer with 5 years experience in Python, Django, React at tech startups."


def _generate(client, model, **extra):
    return client.post(GENERATE, {"model": model, "user_input": USER_INPUT}, format="json", **extra)


def _keyless(**fields) -> AIModel:
    return AIModelFactory(
        display_name="GPT-4o mini",
        provider=Provider.OPENAI,
        model_name="gpt-4o-mini",
        api_key_env="NO_SUCH_KEY_IN_THIS_ENVIRONMENT",
        priority=5,
        **fields,
    )


def test_signed_out_visitors_are_held_to_the_builtin_models_daily_limit(api_client, builtin_row):
    builtin_row.daily_limit = 2
    builtin_row.save()
    assert [_generate(api_client, "Builtin").status_code for _ in range(2)] == [201, 201]
    third = _generate(api_client, "Builtin")
    assert third.status_code == 429 and "signed-out visitor" in third.json()["detail"]
    assert _generate(api_client, "Builtin", REMOTE_ADDR="10.0.0.9").status_code == 201


def test_a_failed_call_does_not_count_against_the_anonymous_limit(
    api_client, builtin_row, openai_row, fake_openai
):
    openai_row.daily_limit = 1
    openai_row.allow_fallback = False
    openai_row.save()
    fake_openai.script(error(500))
    assert _generate(api_client, "Fake GPT").status_code == 503
    fake_openai.script(ok({"markdown": "# One"}))
    assert _generate(api_client, "Fake GPT").status_code == 201


def test_the_body_names_the_model_that_answered(api_client, builtin_row, openai_row, fake_openai):
    fake_openai.script(ok({"markdown": "# Remote"}))
    direct = _generate(api_client, "Fake GPT").json()
    assert direct["model_used"] == "Fake GPT" and direct["fallback"] is False
    builtin = _generate(api_client, "Builtin").json()
    assert builtin["model_used"] == "Builtin" and builtin["fallback"] is False
    fake_openai.script(error(500))
    failed_over = _generate(api_client, "Fake GPT").json()
    assert failed_over["model_used"] == "Builtin" and failed_over["fallback"] is True


def test_an_unconfigured_model_says_builtin_answered_instead(api_client, builtin_row):
    _keyless()
    listed = {m["display_name"]: m["available"] for m in api_client.get("/api/ai/models/").json()}
    assert listed["GPT-4o mini"] is False
    response = _generate(api_client, "GPT-4o mini")
    assert response.status_code == 201
    body = response.json()
    assert body["model_used"] == "Builtin" and body["fallback"] is True
    assert LLMCall.objects.filter(model_label="GPT-4o mini", outcome="error").exists()


def test_an_unconfigured_model_without_fallback_answers_503_naming_it(api_client, builtin_row):
    _keyless(allow_fallback=False)
    response = _generate(api_client, "GPT-4o mini")
    assert response.status_code == 503 and set(response.json()) == {"error"}
    assert "GPT-4o mini" in response.json()["error"]
    assert "not configured" in response.json()["error"]
