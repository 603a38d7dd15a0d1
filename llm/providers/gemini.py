"""Google Gemini through ``google-genai``, structured output via a JSON response schema."""

from __future__ import annotations

from functools import lru_cache

import httpx
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from llm.models import AIModel, ErrorClass

from .base import (
    Completion,
    Embeddings,
    Message,
    ProviderError,
    client_settings,
    status_error_class,
    unclassified_error,
)


@lru_cache(maxsize=32)
def _cached_client(api_key: str, base_url: str, timeout: float, retries: int) -> genai.Client:
    # One client per configuration, so its HTTP connection pool is reused across calls.
    # google-genai takes the timeout in milliseconds; attempts counts the first try too.
    options = types.HttpOptions(
        base_url=base_url or None,
        timeout=int(timeout * 1000),
        retry_options=types.HttpRetryOptions(attempts=retries + 1, initial_delay=0.2, max_delay=2),
    )
    return genai.Client(api_key=api_key, http_options=options)


def _client(model: AIModel) -> genai.Client:
    return _cached_client(*client_settings(model))


def _classify(exc: Exception) -> ProviderError:
    if isinstance(exc, httpx.TimeoutException):
        return ProviderError(ErrorClass.TIMEOUT, "The model did not answer in time.")
    if isinstance(exc, genai_errors.APIError):
        return ProviderError(status_error_class(exc.code), str(exc))
    if isinstance(exc, httpx.TransportError):
        return ProviderError(ErrorClass.SERVER, f"Connection failed: {exc}")
    return unclassified_error(exc)


def _contents(messages: list[Message]) -> list[types.Content]:
    role = {"user": "user", "assistant": "model"}
    return [
        types.Content(role=role[m.role], parts=[types.Part(text=m.content)])
        for m in messages
        if m.role != "system"
    ]


def complete(*, model: AIModel, messages: list[Message], schema: dict, schema_name: str) -> Completion:
    client = _client(model)
    system = "\n\n".join(m.content for m in messages if m.role == "system")
    config = types.GenerateContentConfig(
        system_instruction=system or None,
        response_mime_type="application/json",
        response_json_schema=schema,
        temperature=0.2,
        # We declare no tools; turning AFC off also stops its per-call log line.
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
    )
    try:
        response = client.models.generate_content(
            model=model.model_name, contents=_contents(messages), config=config
        )
        text = response.text or ""
    except Exception as exc:
        raise _classify(exc) from exc
    usage = response.usage_metadata
    return Completion(
        text=text,
        input_tokens=getattr(usage, "prompt_token_count", 0) or 0,
        output_tokens=getattr(usage, "candidates_token_count", 0) or 0,
    )


def embed(*, model: AIModel, texts: list[str]) -> Embeddings:
    client = _client(model)
    try:
        response = client.models.embed_content(model=model.embedding_model, contents=texts)
    except Exception as exc:
        raise _classify(exc) from exc
    vectors = [list(e.values or []) for e in (response.embeddings or [])]
    if len(vectors) != len(texts):
        raise ProviderError(
            ErrorClass.INVALID_OUTPUT, f"expected {len(texts)} embeddings, got {len(vectors)}"
        )
    return Embeddings(vectors=vectors, model_label=f"gemini:{model.embedding_model}")
