"""Fixtures of the AI engine's tests: fake provider servers and model rows pointing at them."""

from decimal import Decimal
from pathlib import Path

import pytest

from llm import builtin
from llm.factories import AIModelFactory
from llm.models import AIModel, Provider, ResponseFormat

from .fakes import FakeGemini, FakeOpenAI

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def injection_cv() -> str:
    return (FIXTURES / "injection_cv.txt").read_text()


@pytest.fixture
def clean_cv() -> str:
    return (FIXTURES / "clean_cv.txt").read_text()


@pytest.fixture(autouse=True)
def _llm_settings(settings):
    # Fast and explicit: no SDK retries unless a test asks, short timeouts, a small breaker.
    settings.LLM_MAX_RETRIES = 0
    settings.LLM_TIMEOUT_SECONDS = 2.0
    settings.LLM_BREAKER_THRESHOLD = 2
    settings.LLM_BREAKER_COOLDOWN_SECONDS = 60
    settings.LLM_EMBEDDING_MODEL = ""


@pytest.fixture
def fake_openai():
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture
def fake_gemini():
    server = FakeGemini().start()
    yield server
    server.stop()


@pytest.fixture
def builtin_row(db) -> AIModel:
    return AIModelFactory(
        display_name="Builtin", provider=Provider.BUILTIN, model_name="builtin-v1", priority=1000
    )


@pytest.fixture
def openai_row(db, fake_openai, monkeypatch) -> AIModel:
    monkeypatch.setenv("FAKE_OPENAI_KEY", "sk-test")
    return AIModelFactory(
        display_name="Fake GPT",
        provider=Provider.OPENAI,
        model_name="gpt-fake",
        base_url=fake_openai.base_url,
        api_key_env="FAKE_OPENAI_KEY",
        embedding_model="embed-fake",
        input_price_per_million=Decimal("2.50"),
        output_price_per_million=Decimal("10.00"),
        priority=10,
        response_format=ResponseFormat.JSON_SCHEMA,
    )


@pytest.fixture
def gemini_row(db, fake_gemini, monkeypatch) -> AIModel:
    monkeypatch.setenv("FAKE_GEMINI_KEY", "g-test")
    return AIModelFactory(
        display_name="Fake Gemini",
        provider=Provider.GEMINI,
        model_name="gemini-fake",
        base_url=fake_gemini.base_url,
        api_key_env="FAKE_GEMINI_KEY",
        embedding_model="text-embedding-fake",
        input_price_per_million=Decimal("0.10"),
        output_price_per_million=Decimal("0.40"),
        priority=20,
    )


@pytest.fixture(autouse=True)
def _own_handlers(monkeypatch):
    # A test that registers a handler must not leave it behind for the next one.
    monkeypatch.setattr(builtin, "_overrides", {})
