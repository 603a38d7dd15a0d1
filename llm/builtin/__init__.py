"""The builtin engine: deterministic, offline, always available.

It is the CV engine's own rules, not a copy of them: ``extract_cv`` is the ingest parser
(``resumes.ingest.parse_text``), ``analyse_cv`` the analysis (``resumes.analysis``), and the
writing tasks score, match skills and filter injected instructions with the same functions.

Handlers are looked up in a registry so an app can plug in another deterministic
implementation from its ``AppConfig.ready``::

    from llm.builtin import register

    @register("extract_cv")
    def extract_cv(inputs: dict) -> dict | BaseModel: ...

A handler takes the task's ``inputs`` and returns a dict (or pydantic object) that the router
validates against the caller's schema. An app's handler always wins over the default one,
whatever the import order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from llm import conf
from resumes.analysis.llm_handler import analyse_cv_handler
from resumes.ingest import IngestError, parse_text
from resumes.schema import StructuredCV

from . import embed, writing

Handler = Callable[[dict], Any]
_defaults: dict[str, Handler] = {}
_overrides: dict[str, Handler] = {}


def register(task: str, *, default: bool = False) -> Callable[[Handler], Handler]:
    def decorator(func: Handler) -> Handler:
        (_defaults if default else _overrides)[task] = func
        return func

    return decorator


def unregister(task: str) -> None:
    """Drop an app's override (tests use it to restore the default)."""
    _overrides.pop(task, None)


def handler_for(task: str) -> Handler:
    try:
        return _overrides.get(task) or _defaults[task]
    except KeyError:
        raise KeyError(f"The builtin engine has no handler for task {task!r}.") from None


def run(task: str, inputs: dict) -> Any:
    return handler_for(task)(inputs)


def embed_texts(texts: list[str]) -> list[list[float]]:
    dims = conf.embedding_dims()
    return [embed.embed_one(t, dims) for t in texts]


@register("extract_cv", default=True)
def _extract_cv(inputs: dict) -> StructuredCV:
    text = inputs.get("text") or inputs.get("cv_text") or ""
    if not text.strip():
        return StructuredCV()
    try:
        return parse_text(text)
    except IngestError as exc:  # e.g. a pasted resume.json that is broken: the text, and why
        return StructuredCV(raw_text=text, warnings=[exc.message])


register("analyse_cv", default=True)(analyse_cv_handler)
register("tailor_cv", default=True)(writing.tailor)
register("cover_letter", default=True)(writing.cover_letter)
register("resume_from_text", default=True)(writing.resume_from_text)
register("optimise", default=True)(writing.optimise)
register("chat_reply", default=True)(writing.chat_reply)


@register("embed", default=True)
def _embed(inputs: dict) -> dict:
    texts = inputs.get("texts") or []
    return {"vectors": embed_texts(list(texts)), "model": embed.MODEL_LABEL, "dims": conf.embedding_dims()}
