"""Celery tasks of this app: thin, they call a service."""

from cvplatform.jobs import job_task

from . import services


@job_task
def accounts_housekeeping() -> dict:
    return services.accounts_housekeeping()
