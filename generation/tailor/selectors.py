"""CV Tailor reads: the artifacts a generation may use, the user's generations and their
exports, and the analytics over them."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import timedelta
from typing import Any

from django.db.models import Avg, Count, QuerySet
from django.urls import reverse
from django.utils import timezone

from artifacts import selectors as artifact_selectors
from artifacts.models import Artifact, ArtifactStatus
from cvplatform import downloads
from cvplatform.exceptions import ApplicationError, ConflictError, NotFoundError
from cvplatform.jobs import JobStatus
from exports import selectors as export_selectors
from exports.models import CVTemplate, ExportJob

from ..models import DocumentType, GeneratedDocument

# The document's status words and the job states each stands for.
STATUS_WORDS = {
    "processing": (JobStatus.PENDING, JobStatus.STARTED),
    "completed": (JobStatus.SUCCESS,),
    "failed": (JobStatus.FAILURE,),
}


def status_word(status: str) -> str:
    return next(word for word, states in STATUS_WORDS.items() if status in states)


# --- artifacts --------------------------------------------------------------------------------
def artifacts_for_generation(*, user, label_ids: list[int] | None = None) -> QuerySet[Artifact]:
    """The user's active artifacts (archived ones never), those with any of the labels when
    labels are given, with their links and labels read in two queries."""
    rows = artifact_selectors.artifacts_of(user=user).filter(status=ArtifactStatus.ACTIVE)
    if label_ids:
        rows = rows.filter(labels__id__in=label_ids).distinct()
    return rows.prefetch_related("evidence_links", "labels").order_by("-start_date", "-id")


def labels_not_owned(*, user, label_ids: list[int]) -> list[int]:
    owned = set(artifact_selectors.labels_of(user=user).filter(pk__in=label_ids).values_list("pk", flat=True))
    return [pk for pk in label_ids if pk not in owned]


# --- generations ------------------------------------------------------------------------------
def generations_of(
    *, user, type: str | None = None, status: str | None = None
) -> QuerySet[GeneratedDocument]:
    rows = GeneratedDocument.objects.filter(user=user).select_related("job_description", "template")
    if type:
        rows = rows.filter(type=type)
    if status:
        rows = rows.filter(status__in=STATUS_WORDS[status])
    return rows.order_by("-created_at", "-id")


def generation_get(*, user, generation_id: Any) -> GeneratedDocument:
    """One of the user's generations; anyone else's (or a malformed id) is simply not found."""
    try:
        pk = uuid.UUID(str(generation_id))
    except ValueError:
        pk = None
    found = generations_of(user=user).filter(pk=pk).first() if pk else None
    if found is None:
        raise NotFoundError(f"Generation {generation_id} not found.")
    return found


def generations_this_month(*, user) -> int:
    start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return GeneratedDocument.objects.filter(user=user, created_at__gte=start).count()


def _since(days: int):
    return timezone.now() - timedelta(days=days)


def _most_used(values) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def generation_analytics(*, user, days: int = 30) -> dict:
    rows = generations_of(user=user).filter(created_at__gte=_since(days))
    by_type = {t: 0 for t in ("cv", "cover_letter")}
    by_type.update(dict(rows.values_list("type").annotate(n=Count("pk")).order_by()))
    by_status = {word: rows.filter(status__in=states).count() for word, states in STATUS_WORDS.items()}
    averages = rows.aggregate(time=Avg("generation_seconds"), rating=Avg("rating"))
    templates = rows.exclude(template=None).values_list("template__name", flat=True)
    return {
        "periodDays": days,
        "total": rows.count(),
        "byType": by_type,
        "byStatus": by_status,
        "averageGenerationTime": round(averages["time"], 3) if averages["time"] is not None else None,
        "averageRating": round(averages["rating"], 2) if averages["rating"] is not None else None,
        "ratedCount": rows.exclude(rating=None).count(),
        "mostUsedTemplate": _most_used(templates),
        "mostUsedModel": _most_used(rows.values_list("model_used", flat=True)),
    }


# --- exports ----------------------------------------------------------------------------------
def tailor_exports_of(*, user) -> QuerySet[ExportJob]:
    """The user's exports of generated documents (not their other surfaces' renders)."""
    return (
        ExportJob.objects.filter(user=user, generation__isnull=False)
        .select_related("template", "generation")
        .order_by("-created_at", "-id")
    )


def tailor_export_get(*, user, export_id: Any) -> ExportJob:
    value = str(export_id or "")
    found = tailor_exports_of(user=user).filter(pk=int(value)).first() if value.isdigit() else None
    if found is None:
        raise NotFoundError(f"Export {value} not found.")
    return found


def export_seconds(job: ExportJob) -> float | None:
    if job.started_at and job.finished_at:
        return max(0.0, (job.finished_at - job.started_at).total_seconds())
    return None


def export_analytics(*, user, days: int = 30) -> dict:
    rows = tailor_exports_of(user=user).filter(created_at__gte=_since(days))
    by_format = {f: 0 for f in ("pdf", "docx")}
    by_format.update(dict(rows.values_list("format").annotate(n=Count("pk")).order_by()))
    by_status = {word: rows.filter(status__in=states).count() for word, states in STATUS_WORDS.items()}
    timings = [
        t for t in (export_seconds(job) for job in rows.filter(status=JobStatus.SUCCESS)) if t is not None
    ]
    return {
        "periodDays": days,
        "total": rows.count(),
        "byFormat": by_format,
        "byStatus": by_status,
        "averageExportTime": round(sum(timings) / len(timings), 3) if timings else None,
        "totalBytes": sum(int((job.result or {}).get("size") or 0) for job in rows),
        "mostUsedTemplate": _most_used(rows.exclude(template=None).values_list("template__name", flat=True)),
    }


def tailor_export_download_url(*, job: ExportJob, request) -> str | None:
    """A link to the finished file that works for its owner only and expires: the bucket's
    presigned link with S3, else ours, signed (``cvplatform.downloads``)."""
    if job.status != JobStatus.SUCCESS or not job.file:
        return None
    presigned = downloads.presigned_url(job.file)
    if presigned:
        return presigned
    url = reverse("cvtailor:export-download", kwargs={"export_id": job.pk})
    token = export_selectors.export_download_token(job=job)
    return request.build_absolute_uri(f"{url}?signature={token}")


def tailor_export_for_download(*, user, export_id: Any, signature: str | None) -> ExportJob:
    """The user's finished export; a signature, when given, must be this user's for this file."""
    job = tailor_export_get(user=user, export_id=export_id)
    if signature is not None:
        downloads.download_token_check(token=signature, kind="export", pk=job.pk, user=user, what="Export")
    if job.status != JobStatus.SUCCESS or not job.file:
        raise ConflictError(
            f"Export {job.pk} is {status_word(job.status)}; download it once it is completed.",
            code="export_not_ready",
        )
    return job


def template_for(*, template_id: Any, kind: str) -> CVTemplate | None:
    """The active template the request names (None when it names none), checked against the
    kind of document it is for."""
    if template_id in (None, ""):
        return None
    try:
        template = export_selectors.template_get(template_id=template_id)
    except NotFoundError:
        raise ApplicationError(
            f"Template {template_id} does not exist.", fields={"templateId": ["Unknown template."]}
        ) from None
    if template.kind != kind:
        wanted = "cover-letter" if kind == DocumentType.COVER_LETTER else "CV"
        raise ApplicationError(
            f"Template {template_id} is not a {wanted} template.",
            fields={"templateId": [f"Choose a {wanted} template."]},
        )
    return template
