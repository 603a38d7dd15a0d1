"""Any OpenAI-compatible endpoint (OpenAI, OpenRouter, DeepSeek, Ollama, vLLM) via the SDK."""

from __future__ import annotations

import json
from functools import lru_cache

import openai

from llm.models import AIModel, ErrorClass, ResponseFormat

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
def _cached_client(api_key: str, base_url: str, timeout: float, retries: int) -> openai.OpenAI:
    # One client per configuration: it keeps its connection pool (and TLS sessions) alive.
    # Explicit timeout and retry count: the SDK defaults are 10 minutes and 2 silent retries.
    return openai.OpenAI(api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=retries)


def _client(model: AIModel) -> openai.OpenAI:
    return _cached_client(*client_settings(model))


def _classify(exc: Exception) -> ProviderError:
    if isinstance(exc, openai.APITimeoutError):
        return ProviderError(ErrorClass.TIMEOUT, "The model did not answer in time.")
    if isinstance(exc, openai.APIStatusError):
        return ProviderError(status_error_class(exc.status_code), str(exc))
    if isinstance(exc, openai.APIConnectionError):
        return ProviderError(ErrorClass.SERVER, f"Connection failed: {exc}")
    return unclassified_error(exc)


def _response_format(model: AIModel, schema: dict, schema_name: str) -> dict:
    if model.response_format == ResponseFormat.JSON_OBJECT:
        return {"type": "json_object"}
    return {"type": "json_schema", "json_schema": {"name": schema_name, "schema": schema, "strict": False}}


def complete(*, model: AIModel, messages: list[Message], schema: dict, schema_name: str) -> Completion:
    client = _client(model)
    try:
        response = client.chat.completions.create(
            model=model.model_name,
            messages=[{"role": m.role, "content": m.content} for m in messages],
            response_format=_response_format(model, schema, schema_name),
            # No temperature: reasoning models (o-series, some vLLM/OpenRouter routes) reject
            # any value but their default, and a rejected request would only fail over.
        )
    except Exception as exc:
        raise _classify(exc) from exc
    if not getattr(response, "choices", None):
        raise ProviderError(ErrorClass.INVALID_OUTPUT, "The response has no choices.")
    usage = response.usage
    return Completion(
        text=response.choices[0].message.content or "",
        input_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        output_tokens=getattr(usage, "completion_tokens", 0) or 0,
    )


def embed(*, model: AIModel, texts: list[str]) -> Embeddings:
    client = _client(model)
    try:
        response = client.embeddings.create(model=model.embedding_model, input=texts)
    except Exception as exc:
        raise _classify(exc) from exc
    rows = sorted(response.data, key=lambda row: row.index)
    if len(rows) != len(texts):
        raise ProviderError(ErrorClass.INVALID_OUTPUT, json.dumps({"expected": len(texts), "got": len(rows)}))
    usage = getattr(response, "usage", None)
    return Embeddings(
        vectors=[list(row.embedding) for row in rows],
        input_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        model_label=f"openai:{model.embedding_model}",
    )
