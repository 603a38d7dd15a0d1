"""What every remote provider returns and raises, so the router treats them alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from llm import conf
from llm.models import AIModel, ErrorClass


class ProviderError(Exception):
    """A failed provider call, classified so the router can decide what to do next."""

    def __init__(self, error_class: str, message: str) -> None:
        super().__init__(message)
        self.error_class = error_class
        self.message = message[:500]

    @property
    def counts_against_breaker(self) -> bool:
        # A bad request or an unusable answer says nothing about the model being down.
        return self.error_class not in (ErrorClass.BAD_REQUEST, ErrorClass.INVALID_OUTPUT)


@dataclass
class Message:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass
class Completion:
    text: str
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass
class Embeddings:
    vectors: list[list[float]]
    input_tokens: int = 0
    model_label: str = ""
    extra: dict = field(default_factory=dict)


def status_error_class(status: int | None) -> str:
    """The error class of an HTTP status a provider answered."""
    if status == 429:
        return ErrorClass.RATE_LIMIT
    if status in (401, 403):
        return ErrorClass.AUTH
    if status in (408, 504):
        return ErrorClass.TIMEOUT
    if status is not None and 400 <= status < 500:
        return ErrorClass.BAD_REQUEST
    return ErrorClass.SERVER


def client_settings(model: AIModel) -> tuple[str, str, float, int]:
    """The key, base URL, timeout and retry count a provider's cached client is built from.
    A model without its key fails as AUTH before any request is made."""
    if not model.api_key:
        raise ProviderError(ErrorClass.AUTH, f"{model.api_key_env or 'API key'} is not configured.")
    return model.api_key, model.base_url, conf.timeout_seconds(), conf.max_retries()


def unclassified_error(exc: Exception) -> ProviderError:
    """The error class of an exception no provider-specific rule matched."""
    if isinstance(exc, ValueError):  # a 200 whose body is not JSON
        return ProviderError(ErrorClass.INVALID_OUTPUT, f"Malformed response body: {exc}")
    return ProviderError(ErrorClass.SERVER, f"{type(exc).__name__}: {exc}")
