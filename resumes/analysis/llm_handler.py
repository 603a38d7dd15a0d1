"""The builtin engine's ``analyse_cv`` handler: this analysis, in the AI engine's output shape.

Registered by ``generation.apps`` so every ``run_task("analyse_cv")`` that ends on the builtin
engine (the default, and the last fallback) gives the same deterministic scores as the API.
"""

from __future__ import annotations

from typing import Any

from ..schema import StructuredCV
from .engine import analyse_cv
from .files import cv_from_text


def _cv(inputs: dict) -> StructuredCV:
    value: Any = inputs.get("cv")
    if value is None:
        value = inputs.get("cv_text") or inputs.get("text") or ""
    if isinstance(value, str):
        return cv_from_text(value)
    if isinstance(value, StructuredCV):
        return value
    return StructuredCV.model_validate(value)


def analyse_cv_handler(inputs: dict) -> dict:
    analysis = analyse_cv(_cv(inputs), job_text=str(inputs.get("job_description") or "") or None)
    keyword = analysis.keyword
    return {
        "score": analysis.overall_score,
        "breakdown": {name: score for name, score in analysis.scores.items() if score is not None},
        "strengths": analysis.strengths,
        "issues": analysis.issues,
        "suggestions": analysis.recommendations,
        "keyword_match": keyword
        and {
            "matched": keyword.matched_required + keyword.matched_preferred,
            "missing": keyword.missing_required + keyword.missing_preferred,
            "score": keyword.score,
        },
    }
