"""How a job's Celery task is declared: one base class, and the registry recovery reads."""

from __future__ import annotations

from collections.abc import Callable

from celery import Task, shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

from .core import Job, JobBusy, is_transient, logger

# Each job model and the task that runs its rows (``job_task(model=…)``): what recovery
# sends again for a row that lost its message.
JOB_TASKS: dict[type[Job], Task] = {}


class JobTask(Task):
    """Every task's base: acknowledged late (a worker crash re-delivers the message), bounded
    by CELERY_TASK_SOFT_TIME_LIMIT / CELERY_TASK_TIME_LIMIT, and retried with exponential
    backoff (JOB_RETRY_BACKOFF_SECONDS doubling up to JOB_RETRY_BACKOFF_MAX_SECONDS, at most
    JOB_MAX_RETRIES times) when it raises a transient error. Anything else propagates."""

    acks_late = True
    # The job model whose row id the task takes, when it runs one.
    job_model: type[Job] | None = None

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            if not is_transient(exc):
                raise
            retries = self.request.retries
            if isinstance(exc, JobBusy):
                countdown = int(exc.retry_in)
            else:
                countdown = get_exponential_backoff_interval(
                    factor=settings.JOB_RETRY_BACKOFF_SECONDS,
                    retries=retries,
                    maximum=settings.JOB_RETRY_BACKOFF_MAX_SECONDS,
                    full_jitter=True,
                )
            logger.warning("%s%s: %r; retry %d in %ss", self.name, args, exc, retries + 1, countdown)
            raise self.retry(exc=exc, countdown=countdown, max_retries=settings.JOB_MAX_RETRIES) from exc


def job_task(func: Callable | None = None, *, model: type[Job] | None = None):
    """Register ``func`` as a Celery task on the JobTask base (the one way tasks are declared).

    ``@job_task(model=ExportJob)`` says the task takes an ExportJob's id, so a row of that
    model that lost its message is sent to it again (``job_recover_stale``)."""

    def declare(function: Callable) -> Task:
        task = shared_task(base=JobTask, job_model=model)(function)
        if model is not None:
            JOB_TASKS[model] = task
        return task

    return declare(func) if func is not None else declare
