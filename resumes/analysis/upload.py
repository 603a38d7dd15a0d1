"""The analysis an upload stores: ATS score, industry and experience level from the engine.

Same shape as ``basic.BasicAnalysis`` so the stored ``analysis`` and the surfaces' fields keep
their keys; the score is the engine's overall score without a job description (keyword match
against the CV's own target role, or left out).
"""

from __future__ import annotations

from datetime import date

from ..schema import StructuredCV
from .basic import BasicAnalysis
from .engine import analyse_cv


def upload_analysis(cv: StructuredCV, *, today: date | None = None) -> BasicAnalysis:
    analysis = analyse_cv(cv, today=today)
    result = BasicAnalysis(
        ats_score=float(analysis.overall_score),
        industry=analysis.industry,
        experience_level=analysis.experience_level,
        years_of_experience=analysis.years_of_experience,
        breakdown={name: score for name, score in analysis.scores.items() if score is not None},
        issues=analysis.issues,
    )
    return result
