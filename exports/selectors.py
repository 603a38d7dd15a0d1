"""Export reads: templates, and the signed links that serve a user's own exports."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse

from cvplatform import downloads
from cvplatform.exceptions import NotFoundError

from .models import CVTemplate, ExportJob
from .render.registry import TEMPLATES_DIR


def template_list(*, kind: str | None = None) -> QuerySet[CVTemplate]:
    templates = CVTemplate.objects.filter(is_active=True).order_by("kind", "id")
    return templates.filter(kind=kind) if kind else templates


def template_get(*, template_id: Any) -> CVTemplate:
    """By numeric id (CV Tailor's ``templateId``) or by slug (PersonaForge's ``id``)."""
    value = str(template_id or "").strip()
    lookup = {"pk": int(value)} if value.isdigit() else {"slug": value}
    template = template_list().filter(**lookup).first()
    if template is None:
        raise NotFoundError(f"Template '{value}' does not exist.")
    return template


def template_default(*, kind: str = "cv") -> CVTemplate:
    template = template_list(kind=kind).first()
    if template is None:
        raise NotFoundError("No template is installed.")
    return template


def template_preview_path(*, template: CVTemplate):
    path = TEMPLATES_DIR / template.slug / template.manifest.get("preview", "preview.png")
    return path if path.is_file() else None


def template_preview_url(*, template: CVTemplate, request: HttpRequest | None) -> str | None:
    if template_preview_path(template=template) is None:
        return None
    url = reverse("personaforge:template-preview", kwargs={"slug": template.slug})
    return request.build_absolute_uri(url) if request is not None else url


def export_jobs_of(*, user) -> QuerySet[ExportJob]:
    return ExportJob.objects.filter(user=user).select_related("template").order_by("-created_at", "-id")


def export_job_get(*, user, job_id: Any) -> ExportJob:
    """One of the user's export jobs; anyone else's is simply not found."""
    value = str(job_id or "")
    job = export_jobs_of(user=user).filter(pk=int(value)).first() if value.isdigit() else None
    if job is None:
        raise NotFoundError(f"Export {value} not found.")
    return job


# --- signed downloads (the one scheme: cvplatform.downloads) --------------------------------
def export_download_token(*, job: ExportJob) -> str:
    return downloads.download_token(kind="export", pk=job.pk, owner_id=job.user_id)


def export_file_url(*, job: ExportJob, request: HttpRequest) -> str:
    """A link that expires. With S3 on, the bucket presigns it; otherwise we serve it, signed."""
    presigned = downloads.presigned_url(job.file)
    if presigned:
        return presigned
    token = export_download_token(job=job)
    url = reverse("personaforge:export-download", kwargs={"token": token})
    return request.build_absolute_uri(url)


def export_job_for_download(*, token: str, user) -> ExportJob:
    """The job behind a signed link, for its owner only; anything else is a plain 404."""
    pk = downloads.download_token_read(token=token, kind="export", user=user, what="Export")
    job = ExportJob.objects.filter(pk=pk, user=user).exclude(file="").first()
    if job is None:
        raise NotFoundError("Export not found.")
    return job
