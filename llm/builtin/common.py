"""Turning a task's inputs into a ``StructuredCV`` the handlers can work on."""

from __future__ import annotations

from typing import Any

from resumes.schema import StructuredCV

from .cvtext import ingest_or_extract
from .text import defuse


def _defuse_value(value: Any, removed: list[str]) -> Any:
    if isinstance(value, str):
        clean, dropped = defuse(value)
        removed.extend(dropped)
        return clean
    if isinstance(value, list):
        return [_defuse_value(v, removed) for v in value]
    if isinstance(value, dict):
        return {k: _defuse_value(v, removed) for k, v in value.items()}
    return value


def cv_from_inputs(inputs: dict) -> tuple[StructuredCV, list[str]]:
    """(the CV with text addressed to an AI removed, what was removed)."""
    value = inputs.get("cv")
    if value is None:
        value = inputs.get("cv_text") or inputs.get("text") or ""
    removed: list[str] = []
    if isinstance(value, str):
        clean, removed = defuse(value)
        return ingest_or_extract(clean), removed
    data = value.model_dump(mode="json") if isinstance(value, StructuredCV) else dict(value)
    data.pop("raw_text", None)  # the structured fields are the CV; raw text would double-count
    return StructuredCV.model_validate(_defuse_value(data, removed)), removed


def job_text(inputs: dict) -> str:
    clean, _ = defuse(str(inputs.get("job_description") or ""))
    return clean


def injection_note(removed: list[str]) -> list[str]:
    if not removed:
        return []
    return [
        "The CV contains text addressed to AI screeners (e.g. asking for a higher score); it was ignored, "
        "and recruiters who notice it usually reject the CV. Remove it."
    ]
