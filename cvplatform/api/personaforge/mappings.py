"""PersonaForge's work/education shapes to and from StructuredCV."""

from __future__ import annotations

from typing import Any

from cvplatform.api.mappings import (
    as_text,
    lines_of,
    skills_from_any,
)
from resumes.schema import (
    Education,
    StructuredCV,
    Work,
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
        position=as_text(item.get("title") or item.get("position")),
        name=as_text(item.get("company") or item.get("name")),
        location=as_text(item.get("location")),
        startDate=as_text(item.get("start_date") or item.get("startDate")),
        endDate=as_text(item.get("end_date") or item.get("endDate")),
        summary=as_text(item.get("summary") or item.get("description")),
        highlights=lines_of(item.get("highlights")),
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


def persona_changes_from_personaforge(data: dict[str, Any]) -> dict[str, Any]:
    """PersonaForge's persona fields (``title, summary, tags, skills, work_history, sections,
    basics``) as the StructuredCV changes the persona services apply."""
    changes = {name: data[name] for name in ("title", "tags", "basics", "summary") if name in data}
    if "skills" in data:
        changes["skills"] = [group.model_dump(mode="json") for group in skills_from_any(data["skills"])]
    if "work_history" in data:
        changes["work"] = [
            work_from_personaforge(item).model_dump(mode="json") for item in data["work_history"] or []
        ]
    for name, value in (data.get("sections") or {}).items():
        if name == "education" and isinstance(value, list):
            value = [
                education_from_personaforge(item).model_dump(mode="json")
                for item in value
                if isinstance(item, dict)
            ]
        changes[name] = value
    return changes
