"""The analysis an upload stores: ATS score, industry and experience level from the engine.

The score is the engine's overall score without a job description (keyword match against the
CV's own target role, or left out); the keys are the ones the stored ``analysis`` and the
surfaces' fields have always had.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from ..schema import StructuredCV
from .engine import analyse_cv


@dataclass
class UploadAnalysis:
    ats_score: float
    industry: str
    experience_level: str
    years_of_experience: float
    breakdown: dict[str, int] = field(default_factory=dict)
    issues: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def upload_analysis(cv: StructuredCV, *, today: date | None = None) -> UploadAnalysis:
    analysis = analyse_cv(cv, today=today)
    return UploadAnalysis(
        ats_score=float(analysis.overall_score),
        industry=analysis.industry,
        experience_level=analysis.experience_level,
        years_of_experience=analysis.years_of_experience,
        breakdown={name: score for name, score in analysis.scores.items() if score is not None},
        issues=analysis.issues,
    )
