"""Keyword match: how well a CV shows what a job asks for, and where to add what is missing.

Weights: a required skill the vocabulary knows counts 3, a preferred one 1.5; a skill phrase
the job states that no list holds ("manual handling", "diagnose client needs") counts half
that (1.5 / 0.75: phrase extraction is less certain than a curated term); a term the
description repeats but the vocabulary lacks 0.5, the years of experience asked for 2 and
each qualification 1.5. A skill shown in a bullet or summary (evidenced) earns full credit;
one that is only listed (e.g. in the Skills section) earns 0.6 of it. Presence, not
frequency, counts: repeating a skill earns nothing. Presence is decided on meaning
(``matching.SkillMatcher``): "stakeholder management" is shown by "managed relationships with
12 client stakeholders".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .cvview import Bullet, CVView
from .jd import _JD_FILLER, JobRequirements
from .matching import SkillMatcher, is_vocabulary_skill
from .text import content_stems, stem

WEIGHTS = {"required": 3.0, "preferred": 1.5, "keyword": 0.5, "years": 2.0, "qualification": 1.5}
PHRASE_SHARE = 0.5  # of a level's weight, for a skill phrase the vocabulary does not hold
LISTED_CREDIT = 0.6
_DEGREE_RANK = {"PhD": 3, "Master's degree": 2, "MBA": 2, "Bachelor's degree": 1}
_DEGREE_PATTERNS = [
    (3, re.compile(r"\b(ph\.?\s?d|doctor|dphil)", re.I)),
    (2, re.compile(r"\b(master|m\.?sc|m\.?s\b|mba|m\.?eng|m\.?a\b)", re.I)),
    (1, re.compile(r"\b(bachelor|b\.?sc|b\.?s\b|b\.?a\b|b\.?eng|b\.?tech|undergraduate)", re.I)),
]


@dataclass
class KeywordResult:
    score: int
    against: str  # "job description" or "target role 'Backend Engineer'"
    matched_required: list[str] = field(default_factory=list)
    missing_required: list[str] = field(default_factory=list)
    matched_preferred: list[str] = field(default_factory=list)
    missing_preferred: list[str] = field(default_factory=list)
    listed_only: list[str] = field(default_factory=list)
    matched_keywords: list[str] = field(default_factory=list)
    missing_keywords: list[str] = field(default_factory=list)
    years_required: int | None = None
    years_found: float = 0.0
    missing_qualifications: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items()}


def degree_rank(view: CVView) -> int:
    text = " ".join(f"{e.studyType} {e.area}" for e in view.cv.education) or view.text
    return max((rank for rank, pattern in _DEGREE_PATTERNS if pattern.search(text)), default=0)


def keyword_match(view: CVView, job: JobRequirements, *, years: float, against: str) -> KeywordResult:
    matcher = SkillMatcher(view)
    result = KeywordResult(
        score=0, against=against, years_required=job.years_min, years_found=round(years, 1)
    )
    earned = total = 0.0
    for level, skills in (("required", job.required_skills), ("preferred", job.preferred_skills)):
        for skill in skills:
            weight = WEIGHTS[level] * (1.0 if is_vocabulary_skill(skill) else PHRASE_SHARE)
            total += weight
            presence = matcher.presence(skill)
            if presence:
                earned += weight * (1.0 if presence == "evidenced" else LISTED_CREDIT)
                getattr(result, f"matched_{level}").append(skill)
                if presence != "evidenced":
                    result.listed_only.append(skill)
            else:
                getattr(result, f"missing_{level}").append(skill)
    lowered = view.text.lower()
    scored = set(job.skills) | set(job.soft_skills)
    for keyword in [k for k in job.keywords if k not in scored][:8]:
        total += WEIGHTS["keyword"]
        if re.search(rf"(?<!\w){re.escape(keyword)}", lowered):
            earned += WEIGHTS["keyword"]
            result.matched_keywords.append(keyword)
        else:
            result.missing_keywords.append(keyword)
    if job.years_min:
        total += WEIGHTS["years"]
        earned += WEIGHTS["years"] * min(1.0, years / job.years_min)
    have_degree = degree_rank(view)
    for qualification in job.qualifications:
        total += WEIGHTS["qualification"]
        rank = _DEGREE_RANK.get(qualification)
        found = have_degree >= rank if rank else bool(re.search(re.escape(qualification), view.text, re.I))
        if found:
            earned += WEIGHTS["qualification"]
        else:
            result.missing_qualifications.append(qualification)
    result.score = round(100 * earned / total) if total else 0
    result.reasons = _reasons(result, job)
    return result


def _reasons(result: KeywordResult, job: JobRequirements) -> list[str]:
    reasons = [f"Compared against the {result.against}."]
    if job.required_skills:
        reasons.append(
            f"{len(result.matched_required)} of {len(job.required_skills)} required skills found"
            + (f"; missing: {', '.join(result.missing_required)}." if result.missing_required else ".")
        )
    if job.preferred_skills:
        reasons.append(
            f"{len(result.matched_preferred)} of {len(job.preferred_skills)} nice-to-have skills found"
            + (f"; missing: {', '.join(result.missing_preferred)}." if result.missing_preferred else ".")
        )
    if result.listed_only:
        reasons.append(
            f"Listed but not shown in any bullet (partial credit): {', '.join(result.listed_only)}."
        )
    if result.years_required:
        reasons.append(
            f"The job asks for {result.years_required}+ years; dated roles on the CV cover "
            f"{result.years_found:g}."
        )
    if result.missing_qualifications:
        reasons.append(f"Qualifications not found: {', '.join(result.missing_qualifications)}.")
    return reasons


# Words every job line uses; sharing them says nothing about where a skill belongs.
_GENERIC = {stem(w) for w in _JD_FILLER | {"experience", "years", "working", "knowledge", "proficiency"}}


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    # A job's lines are stemmed once, however many of its skills they mention.
    return frozenset(content_stems(text))


@lru_cache(maxsize=256)
def _vocabulary_skills(skills: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s for s in skills if is_vocabulary_skill(s))


def best_bullet(skill: str, job: JobRequirements, bullets: list[Bullet]) -> Bullet | None:
    """The bullet that already describes the work the job mentions next to ``skill``."""
    context = " ".join(job.context.get(skill, []))
    wanted = _stems(context) - _stems(skill) - _GENERIC
    # Related tools: the vocabulary's terms (a phrase skill names work, not a tool to look for).
    related = {s for s in _vocabulary_skills(tuple(job.skills)) if s != skill}
    best, best_score = None, 0.0
    if not wanted:
        return None
    related_lowered = [r.lower() for r in related]
    for bullet in bullets:
        overlap = len(wanted & bullet.stems)
        if not overlap:
            continue  # a bullet must share the job's own words about this skill
        # Among those, one naming a related tool of the same job is the more natural home.
        overlap += 0.5 * sum(1 for r in related_lowered if r in bullet.lowered)
        if overlap > best_score:
            best, best_score = bullet, overlap
    return best
