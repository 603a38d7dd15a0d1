"""``analyse_cv``: a rule- and statistics-based review with a reproducible score."""

from __future__ import annotations

from resumes.schema import StructuredCV

from .common import cv_from_inputs, injection_note, job_text
from .cvtext import cv_as_text
from .text import ACTION_VERBS, NUMBER, WEAK_OPENERS, contains_term, keywords

WEIGHTS = {"contact": 10, "summary": 15, "experience": 35, "skills": 20, "education": 10, "keywords": 10}
_ACTION = {v.lower() for v in ACTION_VERBS} | {
    "achieved",
    "architected",
    "boosted",
    "coached",
    "cut",
    "drove",
    "established",
    "grew",
    "increased",
    "introduced",
    "negotiated",
    "organised",
    "organized",
    "planned",
    "produced",
    "raised",
    "ran",
    "saved",
    "scaled",
    "shipped",
    "streamlined",
    "trained",
    "won",
    "wrote",
    "analysed",
    "analyzed",
    "coordinated",
    "maintained",
    "supported",
    "taught",
    "oversaw",
    "spearheaded",
    "founded",
    "refactored",
    "deployed",
}


def keyword_match(cv_text: str, job: str) -> dict:
    wanted = keywords(job, limit=25)
    matched = [k for k in wanted if contains_term(cv_text, k)]
    missing = [k for k in wanted if k not in matched]
    score = round(100 * len(matched) / len(wanted)) if wanted else 0
    return {"matched": matched, "missing": missing, "score": score}


def _highlights(cv: StructuredCV) -> list[str]:
    return [h for job in cv.work for h in job.highlights if h.strip()]


def _section_scores(cv: StructuredCV) -> dict[str, int]:
    basics = cv.basics
    contact = 30 * bool(basics.name) + 30 * bool(basics.email) + 20 * bool(basics.phone)
    contact += 20 * bool(basics.url or basics.profiles or basics.location.city)
    summary_words = len(basics.summary.split())
    summary = 100 if 25 <= summary_words <= 120 else 60 if summary_words >= 8 else 30 if summary_words else 0
    bullets = _highlights(cv)
    if cv.work:
        per_job = min(1.0, len(bullets) / (3 * len(cv.work)))
        verbs = sum(1 for b in bullets if b.split()[0].lower().strip(",.") in _ACTION) / max(1, len(bullets))
        numbers = sum(1 for b in bullets if NUMBER.search(b)) / max(1, len(bullets))
        dated = sum(1 for j in cv.work if j.startDate) / len(cv.work)
        experience = round(30 + 25 * per_job + 20 * verbs + 15 * numbers + 10 * dated)
    else:
        experience = 0
    n_skills = len(cv.skill_names())
    skills = min(100, n_skills * 10)
    education = 100 if cv.education else 40
    return {
        "contact": contact,
        "summary": summary,
        "experience": experience,
        "skills": skills,
        "education": education,
    }


def _strengths(cv: StructuredCV, scores: dict[str, int]) -> list[str]:
    out = []
    quantified = [b for b in _highlights(cv) if NUMBER.search(b)]
    if quantified:
        out.append(f"Quantified achievements, e.g. “{quantified[0]}”.")
    if len(cv.skill_names()) >= 8:
        out.append(f"A broad skill set ({', '.join(cv.skill_names()[:5])} and more).")
    if cv.work:
        out.append(f"{len(cv.work)} role(s) listed, latest: {cv.work[0].position or cv.work[0].name}.")
    if scores["summary"] == 100:
        out.append("A profile summary of a readable length.")
    return out


def _issues_and_suggestions(cv: StructuredCV, scores: dict[str, int]) -> tuple[list[str], list[str]]:
    issues, suggestions = [], []
    basics = cv.basics
    for field, label in (("email", "email address"), ("phone", "phone number"), ("name", "name")):
        if not getattr(basics, field):
            issues.append(f"No {label} found.")
            suggestions.append(f"Add your {label} to the header.")
    if scores["summary"] < 60:
        issues.append("The profile summary is missing or very short.")
        suggestions.append(
            "Write a 2–4 sentence summary naming your role, years of experience and top skills."
        )
    for job in cv.work:
        weak = [b for b in job.highlights if any(b.lower().startswith(w) for w in WEAK_OPENERS)]
        if weak:
            issues.append(f"“{weak[0]}” ({job.position or job.name}) starts with a weak phrase.")
            suggestions.append("Start each bullet with an action verb (Led, Built, Reduced…).")
        if job.highlights and not any(NUMBER.search(b) for b in job.highlights):
            issues.append(f"No measurable results under {job.position or job.name or 'a role'}.")
            suggestions.append(
                f"Add a number to a bullet under {job.position or job.name or 'that role'}: "
                "team size, %, time or money saved."
            )
        if not job.highlights and not job.summary:
            issues.append(f"{job.position or job.name or 'A role'} has no description.")
    if not cv.work:
        issues.append("No work experience was found.")
        suggestions.append("Add an Experience section with role, employer, dates and 3–5 bullets each.")
    if scores["skills"] < 50:
        issues.append(f"Only {len(cv.skill_names())} skill(s) listed.")
        suggestions.append("List the tools and technologies you actually use in a Skills section.")
    if not cv.education:
        suggestions.append("Add your education or training, even if brief.")
    long = [b for b in _highlights(cv) if len(b.split()) > 35]
    if long:
        issues.append(f"{len(long)} bullet(s) run longer than 35 words.")
        suggestions.append("Split long bullets: one achievement per line.")
    return issues, list(dict.fromkeys(suggestions))


def analyse(inputs: dict) -> dict:
    cv, removed = cv_from_inputs(inputs)
    scores = _section_scores(cv)
    job = job_text(inputs)
    weights = dict(WEIGHTS)
    match = None
    if job.strip():
        match = keyword_match(cv_as_text(cv), job)
        scores["keywords"] = match["score"]
    else:
        weights.pop("keywords")
    total = sum(weights.values())
    score = round(sum(scores[k] * w for k, w in weights.items()) / total)
    issues, suggestions = _issues_and_suggestions(cv, scores)
    issues = injection_note(removed) + issues
    if match and match["missing"]:
        suggestions.append(
            "If you have them, mention these job keywords: " + ", ".join(match["missing"][:8]) + "."
        )
    return {
        "score": max(0, min(100, score)),
        "breakdown": scores,
        "strengths": _strengths(cv, scores),
        "issues": issues,
        "suggestions": suggestions,
        "keyword_match": match,
    }


def quick_score(cv: StructuredCV) -> int:
    scores = _section_scores(cv)
    weights = {k: w for k, w in WEIGHTS.items() if k != "keywords"}
    return round(sum(scores[k] * w for k, w in weights.items()) / sum(weights.values()))
