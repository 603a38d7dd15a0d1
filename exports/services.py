"""Export writes: template rows from manifests, export jobs and what they produce."""

from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from cvplatform.exceptions import ApplicationError
from cvplatform.jobs import JobStatus, job_enqueue, job_run, job_wait
from resumes.schema import StructuredCV

from . import conf
from .latex.convert import latex_to_docx, latex_to_pdf
from .models import CVTemplate, ExportJob, ExportKind
from .render.document import custom_sections_of
from .render.options import RenderOptions
from .render.pipeline import FORMATS, normalise_format, render_cv
from .render.registry import TEMPLATES_DIR, read_manifest


def template_manifests(*, root: Path = TEMPLATES_DIR) -> list[dict]:
    """Every template folder's manifest; folders starting with ``_`` hold shared parts."""
    return [read_manifest(path.parent) for path in sorted(root.glob("*/manifest.json"))]


@transaction.atomic
def template_sync(*, root: Path = TEMPLATES_DIR) -> list[CVTemplate]:
    """Create or update a row per manifest; rows whose folder is gone are deactivated."""
    seen = []
    for manifest in template_manifests(root=root):
        template, _ = CVTemplate.objects.update_or_create(
            slug=manifest["id"],
            defaults={
                "name": manifest.get("name", manifest["id"]),
                "kind": manifest.get("kind", "cv"),
                "description": manifest.get("description", ""),
                "formats": manifest.get("formats", []),
                "options": {"supported": manifest.get("options", [])},
                "manifest": manifest,
                "is_active": True,
            },
        )
        seen.append(template)
    CVTemplate.objects.exclude(slug__in=[t.slug for t in seen]).update(is_active=False)
    return seen


# --- starting jobs ----------------------------------------------------------------------------
@transaction.atomic
def export_job_start(
    *,
    user,
    fmt: str,
    template: CVTemplate | None = None,
    cv: StructuredCV | None = None,
    options: RenderOptions | None = None,
    letter: dict | None = None,
    custom_sections=None,
    latex: str = "",
    kind: str = ExportKind.RENDER,
    persona_id: str = "",
    generation: Any = None,
) -> ExportJob:
    """Create the job row and queue its task once the row is committed.

    ``custom_sections``: the document's own sections (``{title: [lines]}`` or ``[{"title",
    "lines"}]``), stored as a list and drawn after the template's in the order given."""
    from .tasks import export_job_task  # tasks import services: import here, not at the top

    if kind == ExportKind.RENDER:
        fmt = normalise_format(fmt)
        if template is None or cv is None:
            raise ApplicationError("A render needs a template and a CV.", code="invalid_request")
        if fmt not in template.formats and fmt != "png":
            raise ApplicationError(
                f"Template '{template.slug}' does not offer {fmt}.",
                code="invalid_format",
                fields={"format": [f"Choose one of: {', '.join(template.formats)}."]},
            )
    job = ExportJob.objects.create(
        user=user,
        kind=kind,
        format=fmt,
        template=template,
        cv=cv.model_dump(mode="json") if cv is not None else {},
        options=(options or RenderOptions()).model_dump(mode="json"),
        letter=letter,
        custom_sections=custom_sections_of(custom_sections),
        latex=latex,
        persona_id=str(persona_id or ""),
        generation=generation,
    )
    job_enqueue(task=export_job_task, job=job)
    return job


# --- running them -----------------------------------------------------------------------------
def export_job_run(*, job_id: int) -> None:
    """What the Celery task calls: claim, produce the file, record the outcome on the row.

    A user's mistake (bad LaTeX, an unknown option) is a FAILURE whose status job_run keeps in
    ``result``, so the waiting endpoint answers the same 4xx; any other crash is logged and
    the waiting endpoint answers 500.
    """

    def work(job: ExportJob) -> dict:
        content, content_type, extension, engine = _produce(job)
        job.content_type, job.engine = content_type, engine
        job.file.save(f"export.{extension}", ContentFile(content), save=False)
        job.save(update_fields=["file", "content_type", "engine"])
        return {"size": len(content), "engine": engine, "content_type": content_type}

    job_run(model=ExportJob, job_id=job_id, work=work)


def _produce(job: ExportJob) -> tuple[bytes, str, str, str]:
    """The file's content, content type, extension and the engine that made it."""
    if job.kind == ExportKind.LATEX_PDF:
        converted = latex_to_pdf(job.latex)
        return converted.content, *FORMATS["pdf"], converted.engine
    if job.kind == ExportKind.LATEX_DOCX:
        converted = latex_to_docx(job.latex)
        return converted.content, *FORMATS["docx"], converted.engine
    rendered = render_cv(
        cv=StructuredCV.model_validate(job.cv),
        template_id=job.template.slug,
        fmt=job.format,
        options=RenderOptions.model_validate(job.options),
        letter=job.letter,
        custom_sections=job.custom_sections,
    )
    engine = "typst" if job.format in ("pdf", "png") else job.format
    return rendered.content, rendered.content_type, rendered.extension, engine


# --- waiting for them -------------------------------------------------------------------------
def export_job_wait(*, job: ExportJob, timeout: float | None = None) -> ExportJob:
    """Block until the job finishes (the synchronous endpoints); its failure becomes our error."""
    job = job_wait(
        job=job,
        timeout=conf.job_wait_seconds() if timeout is None else timeout,
        slow_message="The export is taking longer than expected; please try again shortly.",
        slow_code="export_timeout",
    )
    if job.status == JobStatus.FAILURE:
        raise _job_error(job)
    return job


def _job_error(job: ExportJob) -> ApplicationError:
    result: dict[str, Any] = job.result or {}
    status_code = int(result.get("status_code") or 500)
    if status_code >= 500:
        return ApplicationError("The export failed. Please try again.", code="export_failed", status_code=500)
    return ApplicationError(
        job.error, code=result.get("code"), status_code=status_code, fields=result.get("fields")
    )
