"""Each surface's CV shape, mapped to and from the one ``StructuredCV``.

CV Genius writes ``personal_info / experience / education / skills``; PersonaForge writes
``work_experience`` (CVs) and ``work_history / sections`` (personas). Both directions live
here so parsing, generation and export agree on one mapping.
"""

from __future__ import annotations

import re
from typing import Any

from .schema import (
    Basics,
    Certificate,
    Education,
    Language,
    Location,
    Profile,
    Project,
    Skill,
    StructuredCV,
    Work,
)

_PROFILE_KEYS = {"linkedin": "LinkedIn", "github": "GitHub"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text for item in value if (text := _text(item)))
    return str(value).strip()


def _str_list(value: Any) -> list[str]:
    """A list of strings from a list, or from text with one item per line or comma."""
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [text for item in value if (text := _text(item))]
    parts = re.split(r"\n|(?<!\d),(?!\d)", str(value))
    return [part.strip(" •-*\t") for part in parts if part.strip(" •-*\t")]


def _lines(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [text for item in value if (text := _text(item))]
    return [line.strip(" •-*\t") for line in str(value or "").splitlines() if line.strip(" •-*\t")]


def _dicts(value: Any) -> list[dict]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list | tuple):
        return [item if isinstance(item, dict) else {"name": _text(item)} for item in value]
    return []


# --- CV Genius -------------------------------------------------------------------------------
def _location_text(location: Location) -> str:
    parts = [location.city, location.region, location.countryCode]
    return ", ".join(part for part in parts if part) or location.address


def _location_from_text(text: str) -> Location:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return Location()
    if len(parts) == 1:
        return Location(city=parts[0])
    return Location(city=parts[0], region=", ".join(parts[1:]))


def structured_to_cvgenius(cv: StructuredCV) -> dict[str, Any]:
    """CV Genius's extracted-data shape (also what its ``generate-latex-cv`` takes)."""
    basics = cv.basics
    personal_info = {
        "name": basics.name,
        "email": basics.email,
        "phone": basics.phone,
        "location": _location_text(basics.location),
        "linkedin": "",
        "github": "",
        "website": basics.url,
    }
    for profile in basics.profiles:
        key = profile.network.lower()
        if key in _PROFILE_KEYS and not personal_info[key]:
            personal_info[key] = profile.url or profile.username
    return {
        "personal_info": personal_info,
        "summary": basics.summary,
        "experience": [
            {
                "title": job.position,
                "company": job.name,
                "location": job.location,
                "start_date": job.startDate,
                "end_date": job.endDate,
                "description": job.summary or "\n".join(job.highlights),
                "highlights": list(job.highlights),
            }
            for job in cv.work
        ],
        "education": [
            {
                "degree": school.studyType,
                "institution": school.institution,
                "area": school.area,
                "location": school.location,
                "start_date": school.startDate,
                "end_date": school.endDate,
                "gpa": school.score,
            }
            for school in cv.education
        ],
        "skills": {(group.name or "skills"): ", ".join(group.keywords) for group in cv.skills},
        "projects": [
            {
                "name": project.name,
                "description": project.description,
                "technologies": ", ".join(project.keywords),
                "url": project.url,
                "start_date": project.startDate,
                "end_date": project.endDate,
                "highlights": list(project.highlights),
            }
            for project in cv.projects
        ],
        "certifications": [
            {"name": cert.name, "issuer": cert.issuer, "date": cert.date, "url": cert.url}
            for cert in cv.certificates
        ],
        "languages": [{"language": lang.language, "proficiency": lang.fluency} for lang in cv.languages],
    }


def _cvgenius_basics(data: dict[str, Any]) -> Basics:
    info = data.get("personal_info") or {}
    if not isinstance(info, dict):
        info = {"name": _text(info)}
    profiles = [
        Profile(network=network, url=_text(info.get(key)))
        for key, network in _PROFILE_KEYS.items()
        if _text(info.get(key))
    ]
    return Basics(
        name=_text(info.get("name") or info.get("full_name")),
        label=_text(info.get("title") or info.get("headline")),
        email=_text(info.get("email")),
        phone=_text(info.get("phone")),
        url=_text(info.get("website") or info.get("url")),
        summary=_text(data.get("summary") or info.get("summary")),
        location=_location_from_text(_text(info.get("location") or info.get("address"))),
        profiles=profiles,
    )


def _cvgenius_skills(value: Any) -> list[Skill]:
    if isinstance(value, dict):
        return [Skill(name=str(group), keywords=_str_list(items)) for group, items in value.items()]
    groups: list[Skill] = []
    loose: list[str] = []
    for item in value if isinstance(value, list) else _str_list(value):
        if isinstance(item, dict):
            name = _text(item.get("name") or item.get("category") or item.get("group"))
            keywords = _str_list(item.get("keywords") or item.get("items") or item.get("skills"))
            groups.append(Skill(name=name, keywords=keywords or ([name] if name else [])))
        elif _text(item):
            loose.append(_text(item))
    if loose:
        groups.insert(0, Skill(name="Skills", keywords=loose))
    return groups


def _cvgenius_work(item: dict) -> Work:
    highlights = _lines(item.get("highlights") or item.get("responsibilities") or item.get("achievements"))
    description = item.get("description")
    summary = ""
    if isinstance(description, list):
        highlights = highlights or _lines(description)
    elif description:
        summary = _text(description)
    return Work(
        position=_text(item.get("title") or item.get("position") or item.get("role")),
        name=_text(item.get("company") or item.get("employer") or item.get("organization")),
        location=_text(item.get("location")),
        startDate=_text(item.get("start_date") or item.get("startDate")),
        endDate=_text(item.get("end_date") or item.get("endDate")),
        summary=summary,
        highlights=highlights,
    )


def _cvgenius_education(item: dict) -> Education:
    return Education(
        studyType=_text(item.get("degree") or item.get("studyType")),
        institution=_text(item.get("institution") or item.get("school") or item.get("university")),
        area=_text(item.get("area") or item.get("field") or item.get("field_of_study") or item.get("major")),
        location=_text(item.get("location")),
        startDate=_text(item.get("start_date") or item.get("startDate")),
        endDate=_text(item.get("end_date") or item.get("endDate") or item.get("graduation_date")),
        score=_text(item.get("gpa") or item.get("score")),
    )


def _cvgenius_project(item: dict) -> Project:
    return Project(
        name=_text(item.get("name") or item.get("title")),
        description=_text(item.get("description")),
        keywords=_str_list(item.get("technologies") or item.get("keywords")),
        url=_text(item.get("url") or item.get("link")),
        startDate=_text(item.get("start_date")),
        endDate=_text(item.get("end_date")),
        highlights=_lines(item.get("highlights")),
    )


def _cvgenius_language(item: Any) -> Language:
    if isinstance(item, dict):
        return Language(
            language=_text(item.get("language") or item.get("name")),
            fluency=_text(item.get("proficiency") or item.get("fluency") or item.get("level")),
        )
    return Language(language=_text(item))


def _cvgenius_languages(value: Any) -> list[Language]:
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list | tuple):
        return [_cvgenius_language(item) for item in value]
    if isinstance(value, str):  # "English, French"
        return [Language(language=name) for name in _str_list(value)]
    return []  # a number or other stray value names no language


def cvgenius_to_structured(data: dict[str, Any]) -> StructuredCV:
    """Read CV Genius's shape leniently: its clients send strings, lists or objects."""
    data = data if isinstance(data, dict) else {}
    return StructuredCV(
        basics=_cvgenius_basics(data),
        work=[_cvgenius_work(item) for item in _dicts(data.get("experience"))],
        education=[_cvgenius_education(item) for item in _dicts(data.get("education"))],
        skills=_cvgenius_skills(data.get("skills") or []),
        projects=[_cvgenius_project(item) for item in _dicts(data.get("projects"))],
        certificates=[
            Certificate(
                name=_text(item.get("name")),
                issuer=_text(item.get("issuer")),
                date=_text(item.get("date")),
                url=_text(item.get("url")),
            )
            for item in _dicts(data.get("certifications"))
        ],
        languages=_cvgenius_languages(data.get("languages")),
    )


# --- PersonaForge ----------------------------------------------------------------------------
def work_to_personaforge(job: Work) -> dict[str, Any]:
    return {
        "title": job.position,
        "company": job.name,
        "location": job.location,
        "start_date": job.startDate,
        "end_date": job.endDate,
        "summary": job.summary,
        "highlights": list(job.highlights),
    }


def work_from_personaforge(item: dict) -> Work:
    return Work(
        position=_text(item.get("title") or item.get("position")),
        name=_text(item.get("company") or item.get("name")),
        location=_text(item.get("location")),
        startDate=_text(item.get("start_date") or item.get("startDate")),
        endDate=_text(item.get("end_date") or item.get("endDate")),
        summary=_text(item.get("summary") or item.get("description")),
        highlights=_lines(item.get("highlights")),
    )


def education_to_personaforge(school: Education) -> dict[str, Any]:
    return {
        "degree": school.studyType,
        "area": school.area,
        "institution": school.institution,
        "start_date": school.startDate,
        "end_date": school.endDate,
    }


def education_from_personaforge(item: dict) -> Education:
    """An education row as PersonaForge sends it (its own keys or JSON Resume's)."""
    return Education(
        studyType=str(item.get("degree") or item.get("studyType") or ""),
        area=str(item.get("area") or ""),
        institution=str(item.get("institution") or ""),
        startDate=str(item.get("start_date") or item.get("startDate") or ""),
        endDate=str(item.get("end_date") or item.get("endDate") or ""),
    )


def structured_to_personaforge_cv(cv: StructuredCV) -> dict[str, Any]:
    """PersonaForge's ``GET /cv/{id}`` body."""
    return {
        "name": cv.basics.name,
        "email": cv.basics.email,
        "work_experience": [work_to_personaforge(job) for job in cv.work],
        "skills": cv.skill_names(),
        "education": [education_to_personaforge(school) for school in cv.education],
        "raw_text": cv.raw_text,
    }


def skills_from_any(value: Any) -> list[Skill]:
    """Skills given as strings, groups, or a CV Genius-style mapping."""
    return _cvgenius_skills(value)
