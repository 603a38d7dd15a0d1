"""CV Tailor's job descriptions: stored once per content hash, analysed once per content and
analysis version, then reused by every generation that names them."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, fields

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from resumes.analysis.jd import JobRequirements, analyse_job
from resumes.analysis.text import defuse

from ..models import JobDescription

ANALYSIS_VERSION = "jd-1"
MAX_JOB_DESCRIPTION_CHARS = 50_000


def _normalised(text: str) -> str:
    return "\n".join(line.rstrip() for line in (text or "").strip().splitlines())


def content_hash(text: str) -> str:
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()


@transaction.atomic
def job_description_store(*, text: str) -> JobDescription:
    """The stored description with this content, created on first sight."""
    text = _normalised(text)
    found, _ = JobDescription.objects.get_or_create(content_hash=content_hash(text), defaults={"text": text})
    JobDescription.objects.filter(pk=found.pk).update(
        use_count=F("use_count") + 1, last_used_at=timezone.now()
    )
    return found


def job_requirements(*, job_description: JobDescription) -> JobRequirements:
    """The description's analysis: read once per content and stored, then reused."""
    stored = job_description.analysis
    if not stored or job_description.analysis_version != ANALYSIS_VERSION:
        analysis = analyse_job(defuse(job_description.text)[0])
        stored = asdict(analysis)
        JobDescription.objects.filter(pk=job_description.pk).update(
            analysis=stored, analysis_version=ANALYSIS_VERSION, title=analysis.title[:255]
        )
        job_description.analysis, job_description.analysis_version = stored, ANALYSIS_VERSION
    known = {f.name for f in fields(JobRequirements)}
    return JobRequirements(**{key: value for key, value in stored.items() if key in known})
