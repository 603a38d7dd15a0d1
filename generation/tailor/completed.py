"""What a user does with a completed generation: rate it, and export it as PDF or Word."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError as PydanticValidationError

from accounts.models import User
from cvplatform.exceptions import ApplicationError, ConflictError
from cvplatform.jobs import JobStatus
from exports import selectors as export_selectors
from exports.models import CVTemplate, ExportJob
from exports.render.options import RenderOptions
from exports.services import export_job_start

from ..models import DocumentType, GeneratedDocument
from . import selectors
from .mapping import content_cv
from .services import custom_sections_dict
from .sources import profile_source

EXPORT_FORMATS = ("pdf", "docx")


@transaction.atomic
def generation_rate(*, document: GeneratedDocument, rating: int, feedback: str = "") -> GeneratedDocument:
    if document.status != JobStatus.SUCCESS:
        raise ConflictError("Only a completed generation can be rated.", code="generation_not_completed")
    if not 1 <= int(rating) <= 5:
        raise ApplicationError("rating must be 1-5.", fields={"rating": ["Give a rating from 1 to 5."]})
    document.rating, document.feedback, document.rated_at = (
        int(rating),
        (feedback or "")[:5000],
        timezone.now(),
    )
    document.save(update_fields=["rating", "feedback", "rated_at"])
    return document


def _export_template(*, document: GeneratedDocument, template_id: Any, fmt: str) -> CVTemplate:
    kind = "cover_letter" if document.type == DocumentType.COVER_LETTER else "cv"
    if template_id not in (None, ""):
        template = selectors.template_for(template_id=template_id, kind=kind)
    elif document.template and document.template.is_active:
        template = document.template
    else:
        template = export_selectors.template_default(kind=kind)
    if fmt not in template.formats:
        raise ApplicationError(
            f"Template '{template.name}' does not offer {fmt}.",
            code="invalid_format",
            fields={"format": [f"Choose one of: {', '.join(template.formats)}."]},
        )
    return template


def _render_options(data: dict) -> RenderOptions:
    try:
        return RenderOptions.from_request(data)
    except PydanticValidationError as exc:
        problems: dict[str, list[str]] = {}
        for error in exc.errors():
            name = ".".join(str(p) for p in error["loc"]) or "options"
            problems.setdefault(name, []).append(error["msg"])
        raise ApplicationError("Invalid export options.", fields=problems) from None


@transaction.atomic
def generation_export_start(
    *, user: User, document: GeneratedDocument, fmt: str, template_id: Any = None, options: dict | None = None
) -> ExportJob:
    """Queue the export of a completed generation (409 for one still running or failed)."""
    if document.status != JobStatus.SUCCESS:
        word = selectors.status_word(document.status)
        raise ConflictError(
            f"Only a completed generation can be exported; this one is {word}.",
            code="generation_not_completed",
        )
    if fmt not in EXPORT_FORMATS:
        raise ApplicationError("Unsupported format.", fields={"format": ["Choose one of: pdf, docx."]})
    template = _export_template(document=document, template_id=template_id, fmt=fmt)
    render_options = _render_options(options or {})
    content = document.content or {}
    letter = content.get("coverLetter")
    return export_job_start(
        user=user,
        fmt=fmt,
        template=template,
        cv=content_cv(content, profile_source(user)),
        options=render_options,
        letter=dict(letter) if letter else None,
        custom_sections=custom_sections_dict(document),
        generation=document,
    )
