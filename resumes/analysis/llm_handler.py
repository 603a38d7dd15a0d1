"""The analysis as the builtin AI engine uses it: its ``analyse_cv`` task, its keyword match and
its CV score, and the CV a task's inputs hold.

``llm.builtin`` registers ``analyse_cv_handler`` for the ``analyse_cv`` task, so every
``run_task("analyse_cv")`` that ends on the builtin engine (the default, and the last fallback)
gives the same deterministic scores as the API; its writing tasks score and match with the
functions below instead of keeping rules of their own.
"""

from __future__ import annotations

from typing import Any

from ..schema import StructuredCV
from .engine import analyse_cv
from .files import cv_from_text
from .keywords import KeywordResult
from .text import defuse, ignored_warnings


def task_cv(inputs: dict) -> StructuredCV:
    """The CV of a task's inputs (``cv``: text, a ``StructuredCV`` or its dict; else ``cv_text``
    or ``text``), with every line addressed to an AI removed and recorded in ``warnings``."""
    value: Any = inputs.get("cv")
    if value is None:
        value = inputs.get("cv_text") or inputs.get("text") or ""
    if isinstance(value, str):
        return cv_from_text(value)
    data = value.model_dump(mode="json") if isinstance(value, StructuredCV) else dict(value)
    removed: list[str] = []
    cv = StructuredCV.model_validate(_defused(data, removed))
    cv.warnings.extend(ignored_warnings(removed))
    return cv


def _defused(value: Any, removed: list[str]) -> Any:
    if isinstance(value, str):
        clean, dropped = defuse(value)
        removed.extend(dropped)
        return clean
    if isinstance(value, list):
        items = [(item, _defused(item, removed)) for item in value]
        # A bullet that was nothing but an instruction goes, rather than staying as "".
        return [new for old, new in items if not (isinstance(old, str) and old.strip() and not new.strip())]
    if isinstance(value, dict):
        return {key: _defused(item, removed) for key, item in value.items()}
    return value


def job_text(inputs: dict) -> str:
    """The task's job description, without lines addressed to an AI."""
    return defuse(str(inputs.get("job_description") or ""))[0]


def keyword_output(keyword: KeywordResult | None) -> dict | None:
    """A keyword match in the AI engine's shape: matched, missing, score."""
    if keyword is None:
        return None
    return {
        "matched": keyword.matched_required + keyword.matched_preferred,
        "missing": keyword.missing_required + keyword.missing_preferred,
        "score": keyword.score,
    }


def job_keyword_match(cv: StructuredCV, job: str) -> dict:
    """How the CV covers a job description's skills (no job: nothing matched, score 0)."""
    analysis = analyse_cv(cv, job_text=job or None, use_target_role=False)
    return keyword_output(analysis.keyword) or {"matched": [], "missing": [], "score": 0}


def cv_score(cv: StructuredCV, *, job: str = "") -> int:
    """The analysis' overall score, as ``analyse_cv`` and ``score_cv`` give it."""
    return analyse_cv(cv, job_text=job or None).overall_score


def analyse_cv_handler(inputs: dict) -> dict:
    analysis = analyse_cv(task_cv(inputs), job_text=job_text(inputs) or None)
    return {
        "score": analysis.overall_score,
        "breakdown": {name: score for name, score in analysis.scores.items() if score is not None},
        "strengths": analysis.strengths,
        "issues": analysis.issues,
        "suggestions": analysis.recommendations,
        "keyword_match": keyword_output(analysis.keyword),
    }
