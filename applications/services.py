"""Writes on tracked job applications."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from cvplatform.services import model_update
from resumes.models import Resume

from .models import JobApplication

EDITABLE_FIELDS = (
    "job_title",
    "company_name",
    "original_job_description",
    "resume_used",
    "date_applied",
    "status",
    "notes",
)


def _check_resume(user: User, resume: Resume | None) -> None:
    # A resume is referenced by id: refuse someone else's, as if it did not exist.
    if resume is not None and resume.user_id != user.pk:
        raise ValidationError({"resume_used": [f'Invalid pk "{resume.pk}" - object does not exist.']})


@transaction.atomic
def job_application_create(*, user: User, data: dict) -> JobApplication:
    _check_resume(user, data.get("resume_used"))
    fields = {key: data[key] for key in EDITABLE_FIELDS if key in data}
    return JobApplication.objects.create(user=user, **fields)


@transaction.atomic
def job_application_update(*, application: JobApplication, data: dict) -> JobApplication:
    _check_resume(application.user, data.get("resume_used"))
    model_update(instance=application, fields=EDITABLE_FIELDS, data=data)
    return application


@transaction.atomic
def job_application_delete(*, application: JobApplication) -> None:
    """Soft delete: the row stays for the user's history and analytics, hidden from reads."""
    application.is_deleted = True
    application.save(update_fields=["is_deleted", "updated_at"])
