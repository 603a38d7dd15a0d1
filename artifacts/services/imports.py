"""No retyping: a parsed CV (StructuredCV) becomes one artifact per job, degree, project,
certificate and publication, with technologies, dates and links.

Importing the same CV again finds the artifacts it made before instead of duplicating them:
two entries are the same when type, title, organisation and start date match (in any case)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from accounts.models import User
from resumes.schema import StructuredCV

from .. import extract
from ..models import Artifact, ArtifactSource, ArtifactType
from .artifacts import ITEM_MAX, LIST_MAX, artifact_create


@dataclass
class ImportResult:
    created: list[Artifact] = field(default_factory=list)
    existing: list[Artifact] = field(default_factory=list)


def import_key(*, artifact_type: str, title: str, organisation: str, start_date: datetime.date | None) -> str:
    parts = [
        artifact_type,
        title.strip().lower(),
        organisation.strip().lower(),
        start_date.isoformat() if start_date else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _lines(*texts: Any) -> str:
    out = []
    for text in texts:
        if isinstance(text, list):
            out += [f"- {item}" for item in text if str(item).strip()]
        elif str(text or "").strip():
            out.append(str(text).strip())
    return "\n".join(out)


def _dates(start: str, end: str) -> tuple[datetime.date | None, datetime.date | None]:
    start_date, end_date = extract.cv_date(start), extract.cv_date(end)
    if start_date and end_date and end_date < start_date:
        end_date = None  # a misread range: keep the start, which the CV printed first
    return start_date, end_date


def cv_entries(cv: StructuredCV) -> list[dict[str, Any]]:
    """The artifact data of each entry of the CV, in the CV's order."""
    entries: list[dict[str, Any]] = []

    def add(kind, title, organisation, start, end, description, technologies=(), urls=()):
        title = (title or organisation or "").strip()[:255]
        if not title:
            return
        start_date, end_date = _dates(start, end)
        found = extract.technologies_in(f"{title}\n{description}")
        links = [u for u in [*urls, *extract.links_in(description)] if u]
        entries.append(
            {
                "artifact_type": kind,
                "title": title,
                "organisation": (organisation or "").strip()[:255],
                "start_date": start_date,
                "end_date": end_date,
                "description": description,
                "technologies": [
                    t[:ITEM_MAX] for t in extract.canonical_technologies([*technologies, *found])
                ][:LIST_MAX],
                "links": list(dict.fromkeys(links))[:10],
            }
        )

    for work in cv.work:
        add(
            ArtifactType.EXPERIENCE,
            work.position,
            work.name,
            work.startDate,
            work.endDate,
            _lines(work.summary, work.highlights),
            urls=[work.url],
        )
    for school in cv.education:
        degree = " ".join(part for part in (school.studyType, school.area) if part).strip()
        add(
            ArtifactType.EDUCATION,
            degree,
            school.institution,
            school.startDate,
            school.endDate,
            _lines(school.score and f"Score: {school.score}", school.courses),
            urls=[school.url],
        )
    for project in cv.projects:
        add(
            ArtifactType.PROJECT,
            project.name,
            project.entity,
            project.startDate,
            project.endDate,
            _lines(project.description, project.highlights),
            technologies=project.keywords,
            urls=[project.url],
        )
    for certificate in cv.certificates:
        add(
            ArtifactType.CERTIFICATION,
            certificate.name,
            certificate.issuer,
            certificate.date,
            "",
            "",
            urls=[certificate.url],
        )
    for publication in cv.publications:
        add(
            ArtifactType.PUBLICATION,
            publication.name,
            publication.publisher,
            publication.releaseDate,
            "",
            _lines(publication.summary),
            urls=[publication.url],
        )
    return entries


def _existing(*, user: User, entry: dict[str, Any], key: str) -> Artifact | None:
    same = Artifact.objects.filter(
        user=user,
        artifact_type=entry["artifact_type"],
        title__iexact=entry["title"],
        organisation__iexact=entry["organisation"],
        start_date=entry["start_date"],
    )
    return Artifact.objects.filter(user=user, import_key=key).first() or same.order_by("id").first()


def artifacts_import_cv(*, user: User, cv: StructuredCV, source_cv_id: int | None = None) -> ImportResult:
    """An artifact for each entry of ``cv`` the user does not have yet; those they have are
    reported, not touched."""
    result = ImportResult()
    for entry in cv_entries(cv):
        key = import_key(
            artifact_type=entry["artifact_type"],
            title=entry["title"],
            organisation=entry["organisation"],
            start_date=entry["start_date"],
        )
        if found := _existing(user=user, entry=entry, key=key):
            result.existing.append(found)
            continue
        links = [
            {"url": url, "description": f"Found in the CV ({entry['title']})"} for url in entry.pop("links")
        ]
        try:
            with transaction.atomic():
                artifact = artifact_create(
                    user=user,
                    data={**entry, "evidence_links": _valid_links(links)},
                    source=ArtifactSource.CV_IMPORT,
                )
                Artifact.objects.filter(pk=artifact.pk).update(import_key=key, source_cv_id=source_cv_id)
                artifact.import_key, artifact.source_cv_id = key, source_cv_id
        except IntegrityError:  # the same entry imported by a concurrent request
            if found := _existing(user=user, entry=entry, key=key):
                result.existing.append(found)
            continue
        result.created.append(artifact)
    return result


def _valid_links(links: list[dict[str, str]]) -> list[dict[str, str]]:
    from ..linkcheck import url_problem

    return [link for link in links if len(link["url"]) <= 2000 and url_problem(link["url"]) is None]
