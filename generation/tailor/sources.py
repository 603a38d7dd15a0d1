"""What a generation may say: the user's artifacts and profile, as plain data.

The same dicts go to the model (as data blocks), to the builtin writer and to the grounding
verifier, so all three read exactly the same facts. Text addressed to an AI is removed here,
once, by the one injection filter.
"""

from __future__ import annotations

import re
from datetime import date

from exports.render.document import date_range, format_date
from llm.builtin.text import strengthen
from resumes.analysis import terms
from resumes.analysis.text import SENTENCE_END, defuse
from resumes.schema import (
    Basics,
    Certificate,
    Education,
    Location,
    Profile,
    Project,
    Publication,
    Skill,
    StructuredCV,
    Work,
)

# "I built…", "We shipped…": a CV bullet drops the pronoun and keeps the verb.
_PRONOUN = re.compile(r"^(?:i|we)\s+(?=[a-z])", re.I)
_BULLET_MARK = re.compile(r"^\s*(?:[-•*▪◦]|\d+[.)])\s*")


def _iso(value: date | None) -> str:
    return value.strftime("%Y-%m") if value else ""


def bullets_from(description: str) -> list[str]:
    """A description as CV bullets: one per line or sentence, led by an action verb, numbers
    untouched ("Responsible for the API, cutting latency 40%" → "Owned the API, cutting…")."""
    out: list[str] = []
    for line in (description or "").splitlines():
        line = _BULLET_MARK.sub("", line).strip()
        for sentence in SENTENCE_END.split(line):
            sentence = _PRONOUN.sub("", sentence.strip()).strip()
            if len(sentence.split()) < 3:
                continue
            bullet = strengthen(sentence).rstrip()
            if not bullet.endswith((".", "!", "?")):
                bullet += "."
            if bullet.lower() not in {b.lower() for b in out}:
                out.append(bullet)
    return out


def _clean(text: str) -> str:
    return defuse(text or "")[0].strip()


def artifact_source(artifact, *, links: list[str], label_ids: list[int]) -> dict:
    """One artifact as the writer, the model and the verifier read it."""
    description = _clean(artifact.description)
    technologies = []
    for name in artifact.technologies or []:
        name = _clean(str(name))
        if name and name not in technologies:
            technologies.append(terms.canonical(name) or name)
    return {
        "id": artifact.pk,
        "type": artifact.artifact_type,
        "title": _clean(artifact.title),
        "organisation": _clean(artifact.organisation),
        "start_date": _iso(artifact.start_date),
        "end_date": _iso(artifact.end_date),
        "duration": duration(_iso(artifact.start_date), _iso(artifact.end_date)),
        # When a certificate was issued (or a talk given): the one date such an artifact has.
        "issued": format_date(_iso(artifact.end_date or artifact.start_date)),
        "description": description,
        "bullets": bullets_from(description),
        "technologies": technologies,
        "evidence_links": links,
        "labels": label_ids,
    }


def duration(start: str, end: str) -> str:
    """``Jan 2019 – Jun 2021``; an artifact that started and has no end is ongoing."""
    if start and not end:
        return date_range(start, "present")
    return date_range(start, end)


def profile_source(user) -> dict:
    name = " ".join(p for p in (user.first_name, user.last_name) if p).strip() or user.username
    links = [url for url in (user.linkedin_url, user.github_url, user.website_url) if url]
    return {
        "name": _clean(name),
        "email": user.email,
        "phone": user.phone,
        "location": _clean(user.location),
        "links": links,
        "bio": _clean(user.bio),
    }


def source_cv(*, artifacts: list[dict], profile: dict) -> StructuredCV:
    """The artifacts as a CV (what the analysis engine scores and counts years on)."""
    cv = StructuredCV(
        basics=Basics(
            name=profile.get("name", ""),
            email=profile.get("email", ""),
            phone=profile.get("phone", ""),
            summary=profile.get("bio", ""),
            location=Location(city=profile.get("location", "")),
            profiles=[Profile(url=url) for url in profile.get("links", [])],
        )
    )
    skills: list[str] = []
    for item in artifacts:
        url = (item["evidence_links"] or [""])[0]
        kind = item["type"]
        if kind == "experience":
            cv.work.append(
                Work(
                    name=item["organisation"],
                    position=item["title"],
                    startDate=item["start_date"],
                    endDate=item["end_date"] or ("present" if item["start_date"] else ""),
                    highlights=item["bullets"],
                    url=url,
                )
            )
        elif kind == "education":
            cv.education.append(
                Education(
                    institution=item["organisation"],
                    area=item["title"],
                    startDate=item["start_date"],
                    endDate=item["end_date"],
                    url=url,
                )
            )
        elif kind == "certification":
            cv.certificates.append(
                Certificate(
                    name=item["title"],
                    issuer=item["organisation"],
                    date=item["end_date"] or item["start_date"],
                    url=url,
                )
            )
        elif kind in ("publication", "presentation"):
            cv.publications.append(
                Publication(
                    name=item["title"],
                    publisher=item["organisation"],
                    releaseDate=item["start_date"],
                    summary=item["description"],
                    url=url,
                )
            )
        else:
            cv.projects.append(
                Project(
                    name=item["title"],
                    description=item["description"],
                    highlights=item["bullets"],
                    keywords=item["technologies"],
                    entity=item["organisation"],
                    startDate=item["start_date"],
                    endDate=item["end_date"],
                    url=url,
                )
            )
        skills += [t for t in item["technologies"] if t not in skills]
    if skills:
        cv.skills = [Skill(name=group, keywords=names) for group, names in terms.group_skills(skills).items()]
    return cv


def skills_shown(artifacts: list[dict], profile: dict | None = None) -> list[str]:
    """Every skill the sources show: listed technologies first, then those their text names."""
    found: list[str] = []
    for item in artifacts:
        found += [t for t in item["technologies"] if t not in found]
    texts = [f"{item['title']} {item['description']}" for item in artifacts]
    if profile:
        texts.append(profile.get("bio", ""))
    for text in texts:
        found += [t for t in terms.find_terms(text) if t not in found]
    return found
