"""The analysis: scores, findings, classification — one deterministic function.

Overall score (documented weights, renormalised when keyword match is left out):

| component            | weight |
|----------------------|--------|
| keyword_match        | 35     |
| formatting           | 20     |
| section_completeness | 25     |
| readability          | 20     |

Without a job description the keyword match is computed against the CV's own target role
when ``data/roles.json`` knows it; otherwise it is left out of the overall score and the
result says so (``keyword_note``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..schema import StructuredCV
from . import terms
from .classify import classify_industry, experience_level, target_role, total_years
from .cvview import CVView, DocumentSignals, cv_view
from .findings import (
    Finding,
    formatting_findings,
    keyword_findings,
    ordered,
    readability_findings,
    section_findings,
)
from .jd import JobRequirements, analyse_job
from .keywords import KeywordResult, keyword_match
from .scoring import formatting, readability, section_completeness, section_presence
from .text import NUMBER

WEIGHTS = {"keyword_match": 35, "formatting": 20, "section_completeness": 25, "readability": 20}
ENGINE_VERSION = "analysis-1"


@dataclass
class CVAnalysis:
    overall_score: int
    scores: dict[str, int | None]
    weights: dict[str, int]
    reasons: dict[str, list[str]]
    findings: list[Finding]
    strengths: list[str]
    keyword: KeywordResult | None
    keyword_note: str
    job: JobRequirements | None
    industry: str
    experience_level: str
    years_of_experience: float
    target_role: str
    sections: dict[str, dict] = field(default_factory=dict)

    @property
    def issues(self) -> list[str]:
        return [f.message for f in self.findings]

    @property
    def recommendations(self) -> list[str]:
        return list(dict.fromkeys(f.recommendation for f in self.findings))

    def as_score_dict(self) -> dict:
        """The Resume Optimizer ``score`` shape (plus the detail behind it)."""
        return {
            "overall_score": self.overall_score,
            "keyword_match": self.scores["keyword_match"],
            "formatting_score": self.scores["formatting"],
            "section_completeness": self.scores["section_completeness"],
            "readability": self.scores["readability"],
            "issues": self.issues,
            "recommendations": self.recommendations,
            "findings": [f.as_dict() for f in self.findings],
            "weights": self.weights,
            "reasons": self.reasons,
            "keyword_note": self.keyword_note,
            "keyword_details": self.keyword.as_dict() if self.keyword else None,
            "industry": self.industry,
            "experience_level": self.experience_level,
            "years_of_experience": self.years_of_experience,
            "engine": ENGINE_VERSION,
        }

    def as_dict(self) -> dict:
        return {
            "overall_score": self.overall_score,
            "scores": self.scores,
            "weights": self.weights,
            "reasons": self.reasons,
            "issues": self.issues,
            "recommendations": self.recommendations,
            "findings": [f.as_dict() for f in self.findings],
            "strengths": self.strengths,
            "keyword_match": self.keyword.as_dict() if self.keyword else None,
            "keyword_note": self.keyword_note,
            "job": self.job.as_dict() if self.job else None,
            "industry": self.industry,
            "experience_level": self.experience_level,
            "years_of_experience": self.years_of_experience,
            "target_role": self.target_role,
            "sections": self.sections,
            "engine": ENGINE_VERSION,
        }


def role_requirements(role: str) -> JobRequirements | None:
    """The profile of a known target role, as if it were a job description."""
    lowered = role.lower()
    for profile in terms.role_profiles():
        if any(re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered) for word in profile["match"]):
            return JobRequirements(
                title=profile["role"],
                required_skills=list(profile["required"]),
                preferred_skills=list(profile["preferred"]),
                source="target_role",
            )
    return None


def analyse_cv(
    cv: StructuredCV,
    *,
    job_text: str | None = None,
    job: JobRequirements | None = None,
    signals: DocumentSignals | None = None,
    use_target_role: bool = True,
    today: date | None = None,
) -> CVAnalysis:
    today = today or date.today()
    view = cv_view(cv, signals=signals)
    years = total_years(cv, today=today)
    role = target_role(cv)
    if job is None and job_text and job_text.strip():
        job = analyse_job(job_text)
    keyword, note = _keyword_part(view, job, role=role, years=years, use_target_role=use_target_role)
    parts = {
        "formatting": formatting(view, today=today),
        "section_completeness": section_completeness(view),
        "readability": readability(view),
    }
    scores: dict[str, int | None] = {"keyword_match": keyword.score if keyword else None}
    scores.update({name: part.score for name, part in parts.items()})
    weights = {name: w for name, w in WEIGHTS.items() if scores[name] is not None}
    overall = round(sum(scores[n] * w for n, w in weights.items()) / sum(weights.values()))
    findings = _findings(
        view,
        keyword,
        job_for=keyword and (job or role_requirements(role)),
        parts=parts,
        role=role,
        years=years,
    )
    reasons = {name: part.reasons for name, part in parts.items()}
    reasons["keyword_match"] = keyword.reasons if keyword else [note]
    return CVAnalysis(
        overall_score=overall,
        scores=scores,
        weights=weights,
        reasons=reasons,
        findings=findings,
        strengths=_strengths(view, keyword, parts),
        keyword=keyword,
        keyword_note=note,
        job=job,
        industry=classify_industry(cv),
        experience_level=experience_level(cv, years=years),
        years_of_experience=round(years, 1),
        target_role=role,
        sections=_sections(view, findings),
    )


def _keyword_part(
    view: CVView, job: JobRequirements | None, *, role: str, years: float, use_target_role: bool
) -> tuple[KeywordResult | None, str]:
    if job is not None and not job.is_empty:
        return keyword_match(view, job, years=years, against="job description"), ""
    if job is not None:
        note = "The job description names no skills we recognise, so keyword match is left out."
        return None, note
    profile = role_requirements(role) if use_target_role and role else None
    if profile is not None and view.text.strip():
        against = f"target role '{profile.title}' (no job description given)"
        return keyword_match(view, profile, years=years, against=against), ""
    if not role:
        return None, "No job description and no target role on the CV, so keyword match is left out."
    return None, f"No job description, and '{role}' has no skill profile, so keyword match is left out."


def _findings(view, keyword, *, job_for, parts, role, years) -> list[Finding]:
    skills_found = list(view.prose_terms)
    found = []
    if keyword and job_for:
        found += keyword_findings(keyword, job_for, view)
    found += formatting_findings(parts["formatting"], view)
    found += section_findings(
        parts["section_completeness"],
        view,
        summary_draft=summary_draft(view, role, years, skills_found),
        skills_found=skills_found,
    )
    found += readability_findings(parts["readability"], view)
    return ordered(found)


def summary_draft(view: CVView, role: str, years: float, skills: list[str]) -> str:
    """A summary built only from the CV's own facts."""
    if not role and not skills:
        return ""
    head = role or "Professional"
    text = f"{head} with {int(years)}+ years of experience" if years >= 1 else head
    latest = next((job for job in view.cv.work if job.name), None)
    if latest:
        text += f", most recently at {latest.name}"
    text += "."
    if skills:
        text += f" Skilled in {', '.join(skills[:4])}."
    return text


def _strengths(view: CVView, keyword: KeywordResult | None, parts: dict) -> list[str]:
    out = []
    if keyword and keyword.matched_required:
        out.append(
            f"Shows {len(keyword.matched_required)} required skill(s): "
            f"{', '.join(keyword.matched_required[:6])}."
        )
    numbers = [b for b in view.bullets if NUMBER.search(b.text)]
    if numbers:
        out.append(f"Quantified results, e.g. {numbers[0].quote} in {numbers[0].where}.")
    if parts["formatting"].score >= 90:
        out.append("Clean, ATS-readable structure.")
    if parts["section_completeness"].score >= 85:
        out.append("All the sections recruiters look for are present.")
    if parts["readability"].flags.get("weak") == [] and view.bullets:
        out.append("Every bullet opens with an action verb.")
    return out


def _sections(view: CVView, findings: list[Finding]) -> dict[str, dict]:
    present = section_presence(view)
    sections = {
        "contact": present["name"] and present["email"],
        "summary": present["summary"],
        "experience": present["experience"],
        "education": present["education"],
        "skills": present["skills"],
        "projects": present["extras"],
    }
    alias = {"header": "contact", "document": "", "projects": "projects"}
    out = {}
    for name, ok in sections.items():
        notes = [f.recommendation for f in findings if alias.get(f.section, f.section) == name]
        out[name] = {"present": ok, "feedback": notes[0] if notes else ("Looks good." if ok else "Missing.")}
    return out
