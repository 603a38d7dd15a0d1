from django.db.models import QuerySet

from accounts.models import User

from .models import JobApplication

EXAMPLES_SHOWN = 5


def job_applications_of(*, user: User) -> QuerySet[JobApplication]:
    """The user's applications; soft-deleted ones are gone from every read."""
    return JobApplication.objects.filter(user=user, is_deleted=False).select_related("resume_used")


def example_job_applications() -> QuerySet[JobApplication]:
    return JobApplication.objects.filter(is_example=True, is_deleted=False).order_by("id")[:EXAMPLES_SHOWN]
