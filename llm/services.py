"""The AI engine's one entry point (``run_task``) and the writes around it."""

from __future__ import annotations

import hashlib
import time

from django.db import transaction
from pydantic import BaseModel

from cvplatform.exceptions import ApplicationError
from resumes.services import resume_create

from . import breaker, builtin, conf
from .builtin.embed import MODEL_LABEL as BUILTIN_EMBEDDER
from .models import AIModel, Embedding, EmbeddingKind, Outcome, Provider
from .providers import REMOTE, ProviderError
from .router import (
    TaskResult,
    builtin_model,
    check_access,
    model_lookup,
    over_daily_limit,
    record_call,
    route,
)
from .schemas import DEFAULT_SCHEMAS, TASKS, EmbedOutput, ResumeFromTextOutput

__all__ = [
    "EmbedOutput",
    "TaskResult",
    "ai_resume_generate",
    "breaker_reset",
    "embed_texts",
    "embed_texts_labelled",
    "embedding_store",
    "model_select",
    "run_task",
]


def _caller(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _preferred(user) -> AIModel | None:
    """The user's CV Tailor ``select-model`` choice, if it still names a usable model."""
    name = getattr(user, "preferred_ai_model", "") if user else ""
    if not name:
        return None
    model = AIModel.objects.filter(display_name__iexact=name, is_active=True).first()
    return model if model and model.is_available else None


ENGINES = ("any", "remote", "builtin")


def run_task(
    *,
    task: str,
    inputs: dict,
    schema: type[BaseModel] | None = None,
    user=None,
    model: str | AIModel | None = None,
    allow_fallback: bool = True,
    client_key: str = "",
    engine: str = "any",
) -> TaskResult:
    """Run a named task and return a validated ``schema`` instance plus the call row.

    ``model`` names a model explicitly (display name or row): its login rule (401) and daily
    limit (429) apply, and when it fails the router fails over — to the other configured
    models by priority, finally the builtin engine — unless ``allow_fallback`` is False or the
    row's ``allow_fallback`` is off, in which case ``ServiceUnavailable`` (503) is raised.
    Without ``model`` the user's preferred model (``select-model``) or the chain by priority
    is used, and builtin always answers last.

    ``client_key`` (e.g. the client's address) identifies a signed-out caller, so daily limits
    also apply to anonymous use of a model; without it anonymous calls are limited only by
    the surface's request throttles.

    ``engine``: ``"any"`` (the chain above), ``"remote"`` (the remote models only, when any is
    configured: their failure raises ``ServiceUnavailable`` naming the last error's class, for
    a job that would rather retry later than take the builtin answer now; with none
    configured builtin answers) or ``"builtin"`` (the builtin engine only).
    """
    if task not in TASKS:
        raise ApplicationError(f"Unknown AI task “{task}”.", code="unknown_task")
    schema = schema or DEFAULT_SCHEMAS[task]
    user = _caller(user)
    if task == "embed":
        vectors, call, label = _embed(texts=list(inputs.get("texts") or []), user=user)
        output = schema.model_validate(
            {"vectors": vectors, "model": label, "dims": len(vectors[0]) if vectors else 0}
        )
        return TaskResult(output=output, call=call)
    if engine not in ENGINES:
        raise ApplicationError(f"Unknown engine “{engine}”.", code="unknown_engine")
    if engine == "builtin":
        model, allow_fallback = builtin_model(), False
    chosen = model_lookup(model) if isinstance(model, str) else model
    if chosen is not None:
        if not chosen.is_active:
            raise ApplicationError(f"{chosen.display_name} is switched off.", code="unknown_model")
        check_access(user=user, model=chosen, client_key=client_key)
        allow_fallback = allow_fallback and chosen.allow_fallback
    else:
        chosen = _preferred(user)
        if chosen is not None and over_daily_limit(user=user, model=chosen, client_key=client_key):
            chosen = None  # a soft preference: past its limit, the normal chain answers
    return route(
        task=task,
        inputs=inputs,
        schema=schema,
        user=user,
        chosen=chosen,
        allow_fallback=allow_fallback,
        client_key=client_key,
        builtin_last=engine == "any",
    )


# --- embeddings -------------------------------------------------------------------------------
def embedding_model() -> AIModel | None:
    """The configured remote embedder (``LLM_EMBEDDING_MODEL``), if usable right now."""
    name = conf.embedding_model()
    if not name:
        return None
    model = (
        AIModel.objects.filter(display_name__iexact=name, is_active=True)
        .exclude(provider=Provider.BUILTIN)
        .first()
    )
    if model and model.is_available and model.embedding_model and breaker.breaker_allow(model_id=model.pk):
        return model
    return None


def _embed(*, texts: list[str], user) -> tuple[list[list[float]], object, str]:
    """(vectors, the call row, the embedder's label)."""
    remote = embedding_model()
    if remote is not None:
        started = time.monotonic()
        try:
            result = REMOTE[remote.provider].embed(model=remote, texts=texts)
        except ProviderError as err:
            if err.counts_against_breaker:
                breaker.breaker_record_failure(model_id=remote.pk)
            record_call(
                user=user,
                model=remote,
                task="embed",
                started=started,
                outcome=Outcome.ERROR,
                failed_over=False,
                error=err,
            )
        else:
            breaker.breaker_record_success(model_id=remote.pk)
            call = record_call(
                user=user,
                model=remote,
                task="embed",
                started=started,
                outcome=Outcome.SUCCESS,
                failed_over=False,
                input_tokens=result.input_tokens,
            )
            return result.vectors, call, result.model_label
    started = time.monotonic()
    vectors = builtin.embed_texts(texts)
    call = record_call(
        user=user,
        model=builtin_model(),
        task="embed",
        started=started,
        outcome=Outcome.SUCCESS,
        failed_over=remote is not None,
        prompt_version="builtin",
    )
    return vectors, call, BUILTIN_EMBEDDER


def embed_texts(*, texts: list[str], user=None) -> list[list[float]]:
    """Vectors for ``texts``: the configured remote embedder, else the builtin one."""
    vectors, _, _ = _embed(texts=list(texts), user=_caller(user))
    return vectors


def embed_texts_labelled(*, texts: list[str], user=None) -> tuple[list[list[float]], str]:
    """Like ``embed_texts``, plus which embedder made them (only same-embedder vectors compare)."""
    vectors, _, label = _embed(texts=list(texts), user=_caller(user))
    return vectors, label


@transaction.atomic
def embedding_store(
    *,
    text: str,
    user=None,
    kind: str = EmbeddingKind.OTHER,
    source_type: str = "",
    source_id: str = "",
    label: str = "",
) -> Embedding:
    """Embed ``text`` and store it with the row it describes; re-storing the same source
    replaces its vector, and an unchanged text is not embedded again."""
    text = (text or "").strip()
    if not text:
        raise ApplicationError(
            "There is no text to embed.", code="empty_text", fields={"text": ["This field may not be blank."]}
        )
    user = _caller(user)
    digest = hashlib.sha256(text.encode()).hexdigest()
    existing = None
    if source_type and source_id:
        existing = Embedding.objects.filter(
            user=user, source_type=source_type, source_id=str(source_id)
        ).first()
    if existing and existing.text_hash == digest:
        return existing
    [vector], model_label = embed_texts_labelled(texts=[text], user=user)
    values = {
        "kind": kind,
        "label": label[:255],
        "text": text,
        "text_hash": digest,
        "model_label": model_label,
        "dims": len(vector),
        "vector": vector,
    }
    if existing:
        for key, value in values.items():
            setattr(existing, key, value)
        existing.save()
        return existing
    return Embedding.objects.create(user=user, source_type=source_type, source_id=str(source_id), **values)


# --- model choice -----------------------------------------------------------------------------
@transaction.atomic
def model_select(*, user, name: str) -> AIModel:
    """Store the user's preferred model (CV Tailor ``select-model``)."""
    model = model_lookup(name)
    # No daily-limit check here: choosing a model is allowed even when today's calls are used up.
    if not model.is_available:
        raise ApplicationError(
            f"{model.display_name} is not configured on this server.",
            code="model_unavailable",
            fields={"model": [f"{model.display_name} is not available."]},
        )
    user.preferred_ai_model = model.display_name
    user.save(update_fields=["preferred_ai_model"])
    return model


def breaker_reset(*, model: AIModel) -> None:
    breaker.breaker_reset(model_id=model.pk)


def ai_resume_generate(*, user, model_name: str, user_input: str, title: str, client_key: str = ""):
    """ResuMate ``POST /api/ai/generate/``: a Markdown resume from free text, saved as a Resume.

    Returns ``(resume, result)``: ``result.call`` says which model answered and whether it was a
    fallback for the chosen one, so the caller can tell the user instead of passing it off."""
    user = _caller(user)
    model = model_lookup(model_name)
    result = run_task(
        task="resume_from_text",
        inputs={"user_input": user_input, "title": title},
        schema=ResumeFromTextOutput,
        user=user,
        model=model,
        client_key=client_key,
    )
    resume = resume_create(user=user, title=title or result.output.title, content=result.output.markdown)
    return resume, result


def embedding_refresh(*, embedding: Embedding) -> Embedding:
    """Re-embed a stored row with the current embedder (after switching ``LLM_EMBEDDING_MODEL``)."""
    [vector], label = embed_texts_labelled(texts=[embedding.text], user=embedding.user)
    embedding.vector, embedding.model_label, embedding.dims = vector, label, len(vector)
    embedding.save(update_fields=["vector", "model_label", "dims", "updated_at"])
    return embedding
