"""A generated document as the renderers take it: its content as a ``StructuredCV`` (and, for a
cover letter, the letter), with the owner's profile as the header."""

from __future__ import annotations

from resumes.analysis import terms
from resumes.schema import (
    Basics,
    Certificate,
    Education,
    Location,
    Profile,
    Project,
    Skill,
    StructuredCV,
    Work,
)


def _basics(profile: dict, summary: str) -> Basics:
    return Basics(
        name=profile.get("name", ""),
        email=profile.get("email", ""),
        phone=profile.get("phone", ""),
        summary=summary,
        location=Location(city=profile.get("location", "")),
        profiles=[Profile(url=url) for url in profile.get("links", [])],
    )


def content_cv(content: dict, profile: dict) -> StructuredCV:
    """The generated content as a CV. Durations are printed strings already, so they go in
    ``startDate`` as printed (the renderers print a date they cannot read as it is)."""
    cv = StructuredCV(basics=_basics(profile, content.get("professionalSummary", "")))
    for entry in content.get("experience") or []:
        technologies = entry.get("technologiesUsed") or []
        cv.work.append(
            Work(
                position=entry.get("title", ""),
                name=entry.get("organization", ""),
                startDate=entry.get("duration", ""),
                summary=f"Technologies: {', '.join(technologies)}" if technologies else "",
                highlights=list(entry.get("achievements") or []),
                url=(entry.get("evidenceReferences") or [""])[0],
            )
        )
    for entry in content.get("projects") or []:
        highlights = [entry["impactMetrics"]] if entry.get("impactMetrics") else []
        if entry.get("technologies"):
            highlights.append(f"Technologies: {', '.join(entry['technologies'])}")
        cv.projects.append(
            Project(
                name=entry.get("name", ""),
                description=entry.get("description", ""),
                highlights=highlights,
                keywords=list(entry.get("technologies") or []),
                url=entry.get("evidenceUrl", ""),
            )
        )
    for entry in content.get("education") or []:
        cv.education.append(
            Education(
                area=entry.get("degree", ""),
                institution=entry.get("institution", ""),
                startDate=entry.get("duration", ""),
                courses=list(entry.get("details") or []),
            )
        )
    for entry in content.get("certifications") or []:
        cv.certificates.append(
            Certificate(
                name=entry.get("name", ""),
                issuer=entry.get("issuer", ""),
                date=entry.get("date", ""),
                url=entry.get("evidenceUrl", ""),
            )
        )
    skills = list(content.get("keySkills") or [])
    if skills:
        cv.skills = [Skill(name=group, keywords=names) for group, names in terms.group_skills(skills).items()]
    return cv


def letter_of(content: dict) -> dict | None:
    letter = content.get("coverLetter")
    if not letter:
        return None
    return {
        "company": letter.get("company", ""),
        "role": letter.get("role", ""),
        "greeting": letter.get("greeting", ""),
        "paragraphs": list(letter.get("paragraphs") or []),
        "closing": letter.get("closing", ""),
        "signature": letter.get("signature", ""),
    }
