"""Findings of the keyword match: missing and listed-only skills, years, qualifications."""

from __future__ import annotations

from ..cvview import CVView
from ..jd import JobRequirements
from ..keywords import KeywordResult, best_bullet
from .finding import Finding


def keyword_findings(result: KeywordResult, job: JobRequirements, view: CVView) -> list[Finding]:
    out = []
    source = (
        "the job requires it" if result.against == "job description" else f"the {result.against} calls for it"
    )
    for level, missing in (("required", result.missing_required), ("preferred", result.missing_preferred)):
        for skill in missing:
            bullet = best_bullet(skill, job, view.bullets)
            why = source if level == "required" else source.replace("requires it", "lists it as a plus")
            if bullet:
                advice = (
                    f"Add '{skill}': {why} and your {bullet.quote} bullet in {bullet.where} could mention "
                    f"it, if you used {skill} there."
                )
            else:
                advice = (
                    f"Add '{skill}': {why}. If you have used it, name it in the Skills section and in the "
                    "bullet of the role where you used it."
                )
            out.append(
                Finding(
                    "keywords",
                    "high" if level == "required" else "low",
                    "skills",
                    f"Missing {level} keyword '{skill}'.",
                    advice,
                    bullet.field if bullet else "",
                    skill,
                )
            )
    for skill in result.listed_only:
        bullet = best_bullet(skill, job, view.bullets)
        place = (
            f"e.g. in your {bullet.quote} bullet in {bullet.where}"
            if bullet
            else "in the role where you used it"
        )
        out.append(
            Finding(
                "keywords",
                "medium",
                "experience",
                f"'{skill}' is only listed, not shown in any experience bullet.",
                f"Show '{skill}' in action: write what you built or achieved with it, {place}.",
                bullet.field if bullet else "",
                skill,
            )
        )
    if result.years_required and result.years_found < result.years_required:
        out.append(
            Finding(
                "keywords",
                "medium",
                "experience",
                f"The job asks for {result.years_required}+ years of experience; your dated roles cover "
                f"{result.years_found:g}.",
                "If you have more relevant experience (earlier roles, freelance, research), add it with "
                "start and end dates so it is counted.",
            )
        )
    for qualification in result.missing_qualifications:
        out.append(
            Finding(
                "keywords",
                "medium",
                "education",
                f"The job asks for a {qualification}, which the CV does not show.",
                f"If you hold a {qualification} (or equivalent), list it under Education with the "
                "institution and year.",
                keyword=qualification,
            )
        )
    if result.missing_keywords:
        terms = ", ".join(f"'{k}'" for k in result.missing_keywords[:5])
        out.append(
            Finding(
                "keywords",
                "low",
                "summary",
                f"The job description repeats {terms}, which your CV never uses.",
                f"Use the job's own words where they are true for you, e.g. in your summary: {terms}.",
            )
        )
    return out
