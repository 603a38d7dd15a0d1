"""CV Genius's CV shape (personal_info, experience, education…) to and from StructuredCV."""

from __future__ import annotations

from typing import Any

from cvplatform.api.mappings import (
    PROFILE_KEYS,
    as_text,
    dicts_of,
    lines_of,
    location_from_text,
    location_text,
    skills_from_any,
    str_list,
)
from resumes.schema import (
    Basics,
    Certificate,
    Education,
    Language,
    Profile,
    Project,
    StructuredCV,
    Work,
)


def structured_to_cvgenius(cv: StructuredCV) -> dict[str, Any]:
    """CV Genius's extracted-data shape (also what its ``generate-latex-cv`` takes)."""
    basics = cv.basics
    personal_info = {
        "name": basics.name,
        "email": basics.email,
        "phone": basics.phone,
        "location": location_text(basics.location),
        "linkedin": "",
        "github": "",
        "website": basics.url,
    }
    for profile in basics.profiles:
        key = profile.network.lower()
        if key in PROFILE_KEYS and not personal_info[key]:
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
        info = {"name": as_text(info)}
    profiles = [
        Profile(network=network, url=as_text(info.get(key)))
        for key, network in PROFILE_KEYS.items()
        if as_text(info.get(key))
    ]
    return Basics(
        name=as_text(info.get("name") or info.get("full_name")),
        label=as_text(info.get("title") or info.get("headline")),
        email=as_text(info.get("email")),
        phone=as_text(info.get("phone")),
        url=as_text(info.get("website") or info.get("url")),
        summary=as_text(data.get("summary") or info.get("summary")),
        location=location_from_text(as_text(info.get("location") or info.get("address"))),
        profiles=profiles,
    )


def _cvgenius_work(item: dict) -> Work:
    highlights = lines_of(item.get("highlights") or item.get("responsibilities") or item.get("achievements"))
    description = item.get("description")
    summary = ""
    if isinstance(description, list):
        highlights = highlights or lines_of(description)
    elif description:
        summary = as_text(description)
    return Work(
        position=as_text(item.get("title") or item.get("position") or item.get("role")),
        name=as_text(item.get("company") or item.get("employer") or item.get("organization")),
        location=as_text(item.get("location")),
        startDate=as_text(item.get("start_date") or item.get("startDate")),
        endDate=as_text(item.get("end_date") or item.get("endDate")),
        summary=summary,
        highlights=highlights,
    )


def _cvgenius_education(item: dict) -> Education:
    return Education(
        studyType=as_text(item.get("degree") or item.get("studyType")),
        institution=as_text(item.get("institution") or item.get("school") or item.get("university")),
        area=as_text(
            item.get("area") or item.get("field") or item.get("field_of_study") or item.get("major")
        ),
        location=as_text(item.get("location")),
        startDate=as_text(item.get("start_date") or item.get("startDate")),
        endDate=as_text(item.get("end_date") or item.get("endDate") or item.get("graduation_date")),
        score=as_text(item.get("gpa") or item.get("score")),
    )


def _cvgenius_project(item: dict) -> Project:
    return Project(
        name=as_text(item.get("name") or item.get("title")),
        description=as_text(item.get("description")),
        keywords=str_list(item.get("technologies") or item.get("keywords")),
        url=as_text(item.get("url") or item.get("link")),
        startDate=as_text(item.get("start_date")),
        endDate=as_text(item.get("end_date")),
        highlights=lines_of(item.get("highlights")),
    )


def _cvgenius_language(item: Any) -> Language:
    if isinstance(item, dict):
        return Language(
            language=as_text(item.get("language") or item.get("name")),
            fluency=as_text(item.get("proficiency") or item.get("fluency") or item.get("level")),
        )
    return Language(language=as_text(item))


def _cvgenius_languages(value: Any) -> list[Language]:
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list | tuple):
        return [_cvgenius_language(item) for item in value]
    if isinstance(value, str):  # "English, French"
        return [Language(language=name) for name in str_list(value)]
    return []  # a number or other stray value names no language


def cvgenius_to_structured(data: dict[str, Any]) -> StructuredCV:
    """Read CV Genius's shape leniently: its clients send strings, lists or objects."""
    data = data if isinstance(data, dict) else {}
    return StructuredCV(
        basics=_cvgenius_basics(data),
        work=[_cvgenius_work(item) for item in dicts_of(data.get("experience"))],
        education=[_cvgenius_education(item) for item in dicts_of(data.get("education"))],
        skills=skills_from_any(data.get("skills") or []),
        projects=[_cvgenius_project(item) for item in dicts_of(data.get("projects"))],
        certificates=[
            Certificate(
                name=as_text(item.get("name")),
                issuer=as_text(item.get("issuer")),
                date=as_text(item.get("date")),
                url=as_text(item.get("url")),
            )
            for item in dicts_of(data.get("certifications"))
        ],
        languages=_cvgenius_languages(data.get("languages")),
    )
