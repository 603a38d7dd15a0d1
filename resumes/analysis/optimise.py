"""Optimisation types: concrete suggestions plus rewritten text, from the CV's own facts.

Nothing is invented: a missing keyword is suggested ("add it if true"), never written into the
CV; rewrites reorder, rephrase or regroup what the CV already says. ``score_after`` is the
engine's score of the rewritten CV, so the gain is measured the same way as the original.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..schema import Skill, StructuredCV
from . import terms
from .cvview import DocumentSignals, cv_view
from .engine import CVAnalysis, analyse_cv, summary_draft
from .findings import rewrite_opening
from .jd import JobRequirements, analyse_job
from .text import quantified, starts_with_action_verb, weak_opener


@dataclass(frozen=True)
class OptimisationType:
    name: str
    slug: str
    description: str
    uses_job: bool


CATALOGUE = [
    OptimisationType(
        "ATS Keyword Optimizer",
        "ats_keywords",
        "Compares the CV with the job (or its target role): which required and nice-to-have keywords "
        "are missing, which bullet could carry each, and a skills line and summary that lead with "
        "the keywords you already have.",
        True,
    ),
    OptimisationType(
        "Action Verb Enhancer",
        "action_verbs",
        "Rewrites duty-style bullets (“Responsible for…”, “Worked on…”) to open with an action verb.",
        False,
    ),
    OptimisationType(
        "Quantified Impact",
        "quantified_impact",
        "Finds bullets with no number and shows where to add users, %, money, time or team size.",
        False,
    ),
    OptimisationType(
        "Summary Rewrite",
        "summary",
        "Writes a 2–3 sentence summary from your roles, years and skills, led by the job's keywords.",
        True,
    ),
    OptimisationType(
        "Skills Section Optimizer",
        "skills_section",
        "Groups your skills by kind, adds tools your bullets name but the Skills section lacks, and "
        "puts the job's keywords first.",
        True,
    ),
    OptimisationType(
        "Formatting Fixer",
        "formatting",
        "Lists what ATS parsers trip over (tables, images, hidden text, dates, length) and gives a "
        "single-column, plain-text version of the CV.",
        False,
    ),
]
_BY_KEY = {key: t for t in CATALOGUE for key in (t.name.lower(), t.slug)}


def optimisation_type(name: str) -> OptimisationType | None:
    return _BY_KEY.get((name or "").strip().lower())


@dataclass
class OptimisationResult:
    optimization_type: str
    suggestions: list[str]
    rewritten: dict[str, str]
    changes: list[str]
    cv: StructuredCV
    score_before: int
    score_after: int
    keyword_match: dict | None = None
    extra: dict = field(default_factory=dict)


def _job(job_title: str, job_description: str) -> JobRequirements | None:
    if job_description.strip():
        return analyse_job(job_description)
    if job_title.strip():
        from .engine import role_requirements

        return role_requirements(job_title) or analyse_job(job_title)
    return None


def optimise(
    cv: StructuredCV,
    *,
    optimization_type: str,
    job_title: str = "",
    job_description: str = "",
    signals: DocumentSignals | None = None,
) -> OptimisationResult:
    kind = optimisation_type(optimization_type)
    if kind is None:
        raise ValueError(optimization_type)
    job = _job(job_title, job_description)
    before = analyse_cv(cv, job=job, signals=signals)
    better = cv.model_copy(deep=True)
    suggestions, rewritten, changes = _HANDLERS[kind.slug](better, before, job)
    # The rewrite is plain text: the file's hidden text and tables are gone from it.
    after = analyse_cv(better, job=job)
    return OptimisationResult(
        optimization_type=kind.name,
        suggestions=suggestions,
        rewritten=rewritten,
        changes=changes,
        cv=better,
        score_before=before.overall_score,
        score_after=after.overall_score,
        keyword_match=before.keyword.as_dict() if before.keyword else None,
    )


Handler = Callable[[StructuredCV, CVAnalysis, JobRequirements | None], tuple[list[str], dict, list[str]]]


def _ats_keywords(cv: StructuredCV, before: CVAnalysis, job: JobRequirements | None):
    if before.keyword is None:
        return (
            [
                "Give a job description (or a job title) to compare against: " + before.keyword_note,
            ],
            {},
            [],
        )
    suggestions = [f.recommendation for f in before.findings if f.category == "keywords"]
    if not suggestions:
        suggestions = ["Every keyword the job asks for is already on your CV; keep them in your bullets."]
    focus = before.keyword.matched_required + before.keyword.matched_preferred
    rewritten = {}
    changed = _skills_first(cv, focus)
    if changed:
        rewritten["skills"] = _skills_text(cv)
    summary = _summary(cv, before, focus)
    cv.basics.summary = summary
    rewritten["summary"] = summary
    changes = ["Put the job's keywords you already have first in Skills."] if changed else []
    changes.append("Rewrote the summary to lead with the job's keywords you already have.")
    return suggestions, rewritten, changes


def _action_verbs(cv: StructuredCV, before: CVAnalysis, job):
    suggestions, changes, rewritten_lines = [], [], []
    for job_entry in cv.work:
        for i, bullet in enumerate(job_entry.highlights):
            if starts_with_action_verb(bullet):
                continue
            rewrite = rewrite_opening(bullet)
            if not rewrite:
                suggestions.append(
                    f"Open '{bullet}' ({job_entry.position or job_entry.name}) with a verb that says what "
                    "you did: Built, Led, Cut, Launched…"
                )
                continue
            plain = rewrite.split(", <result")[0]
            if weak_opener(bullet):
                job_entry.highlights[i] = plain
                changes.append(f"“{bullet}” → “{plain}”")
            suggestions.append(f"“{bullet}” → “{rewrite}”")
            rewritten_lines.append(f"- {plain}")
    if not suggestions:
        suggestions = ["Every bullet already opens with an action verb."]
    return suggestions, ({"experience": "\n".join(rewritten_lines)} if rewritten_lines else {}), changes


def _quantified(cv: StructuredCV, before: CVAnalysis, job):
    suggestions, lines = [], []
    for job_entry in cv.work:
        for bullet in job_entry.highlights:
            if quantified(bullet):
                continue
            where = job_entry.position or job_entry.name or "this role"
            suggestions.append(
                f"'{bullet}' ({where}): add the scale or result — how many users/requests, what % "
                "faster or cheaper, how much money or time saved, or how big the team was."
            )
            lines.append(f"- {bullet.rstrip('.')}, <by N% / for N users / saving N hours>")
    if not suggestions:
        suggestions = ["Every bullet already carries a number."]
    return suggestions, ({"experience": "\n".join(lines)} if lines else {}), []


def _summary_rewrite(cv: StructuredCV, before: CVAnalysis, job):
    focus = (before.keyword.matched_required + before.keyword.matched_preferred) if before.keyword else []
    summary = _summary(cv, before, focus)
    old = cv.basics.summary
    cv.basics.summary = summary
    suggestions = [f"Use this summary: “{summary}”"]
    if old:
        suggestions.append(f"It replaces: “{old}”")
    return suggestions, {"summary": summary}, ["Rewrote the summary from your roles, years and skills."]


def _skills_section(cv: StructuredCV, before: CVAnalysis, job):
    focus = (before.keyword.matched_required + before.keyword.matched_preferred) if before.keyword else []
    listed = {terms.canonical(s) or s for s in cv.skill_names()}
    named = [
        s for s in terms.find_terms("\n".join(h for w in cv.work for h in w.highlights)) if s not in listed
    ]
    groups = terms.group_skills([*cv.skill_names(), *named])
    for bucket in groups.values():
        bucket.sort(key=lambda s: (s not in focus, 0))
    cv.skills = [Skill(name=group, keywords=items) for group, items in groups.items()]
    suggestions = []
    if named:
        suggestions.append(f"Add to Skills the tools your bullets already name: {', '.join(named)}.")
    if focus:
        suggestions.append(f"Lead with the job's keywords you have: {', '.join(focus[:8])}.")
    if before.keyword and before.keyword.missing_required:
        suggestions.append(
            "If you have them, add: "
            + ", ".join(before.keyword.missing_required)
            + " (the job requires them)."
        )
    suggestions.append("Group skills by kind so a recruiter scans them in seconds.")
    return suggestions, {"skills": _skills_text(cv)}, ["Regrouped the Skills section by kind."]


def _formatting(cv: StructuredCV, before: CVAnalysis, job):
    suggestions = [f.recommendation for f in before.findings if f.category in {"formatting", "integrity"}]
    if not suggestions:
        suggestions = ["No formatting problems found: single column, dated roles, bullets, readable length."]
    return suggestions, {"plain_text": plain_text(cv)}, []


def _skills_first(cv: StructuredCV, focus: list[str]) -> bool:
    changed = False
    for group in cv.skills:
        ordered = sorted(group.keywords, key=lambda s: (terms.canonical(s) or s) not in focus)
        changed |= ordered != group.keywords
        group.keywords = ordered
    return changed


def _skills_text(cv: StructuredCV) -> str:
    return "\n".join(f"{g.name or 'Skills'}: {', '.join(g.keywords)}" for g in cv.skills if g.keywords)


def _summary(cv: StructuredCV, before: CVAnalysis, focus: list[str]) -> str:
    skills = [s for s in focus if s] or terms.find_terms("\n".join(cv.skill_names()))
    return summary_draft(cv_view(cv), before.target_role, before.years_of_experience, skills)


def plain_text(cv: StructuredCV) -> str:
    """The CV as a single-column plain-text document with standard headings."""
    b = cv.basics
    lines = [b.name, " | ".join(x for x in (b.email, b.phone, b.location.city, b.url) if x), ""]
    if b.summary:
        lines += ["SUMMARY", b.summary, ""]
    if cv.work:
        lines.append("EXPERIENCE")
        for job in cv.work:
            dates = " – ".join(d for d in (job.startDate, job.endDate or "present") if d)
            lines.append(
                ", ".join(x for x in (job.position, job.name) if x) + (f" ({dates})" if dates else "")
            )
            lines += [f"- {h}" for h in job.highlights]
        lines.append("")
    if cv.education:
        lines.append("EDUCATION")
        for e in cv.education:
            lines.append(
                ", ".join(x for x in (f"{e.studyType} {e.area}".strip(), e.institution, e.endDate) if x)
            )
        lines.append("")
    if cv.skills:
        lines += ["SKILLS", _skills_text(cv)]
    return "\n".join(lines).strip()


_HANDLERS: dict[str, Handler] = {
    "ats_keywords": _ats_keywords,
    "action_verbs": _action_verbs,
    "quantified_impact": _quantified,
    "summary": _summary_rewrite,
    "skills_section": _skills_section,
    "formatting": _formatting,
}
