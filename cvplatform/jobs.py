"""The job row every slow operation is tracked by, and the helpers to run it.

A service creates the row and calls ``job_enqueue`` inside its transaction; the Celery task
loads the row by id, ``job_claim``s it (a conditional update, so a re-delivered message does
nothing twice) and calls a service that ends in ``job_succeed`` or ``job_fail``.
"""

from collections.abc import Callable
from typing import Any

from django.db import models, transaction
from django.utils import timezone


class JobStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    STARTED = "STARTED", "Started"
    SUCCESS = "SUCCESS", "Success"
    FAILURE = "FAILURE", "Failure"


class Job(models.Model):
    status = models.CharField(
        max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING, db_index=True
    )
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCESS, JobStatus.FAILURE)


def job_enqueue(*, task: Any, job: Job) -> None:
    """Send the task once the row is committed, so the worker can always load it."""
    transaction.on_commit(lambda: task.delay(job.pk))


def job_claim(*, model: type[Job], job_id: Any) -> Job | None:
    """Move a PENDING job to STARTED; None when another delivery already took it."""
    claimed = model.objects.filter(pk=job_id, status=JobStatus.PENDING).update(
        status=JobStatus.STARTED, started_at=timezone.now(), attempts=models.F("attempts") + 1
    )
    if not claimed:
        return None
    return model.objects.get(pk=job_id)


def job_succeed(*, job: Job, result: dict | None = None) -> None:
    job.status = JobStatus.SUCCESS
    job.progress = 100
    job.result = result or {}
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "progress", "result", "finished_at"])


def job_fail(*, job: Job, error: str) -> None:
    job.status = JobStatus.FAILURE
    job.error = error[:4000]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])


def job_run(*, model: type[Job], job_id: Any, work: Callable[[Job], dict | None]) -> None:
    """Claim and run a job; failures are recorded on the row, never lost."""
    job = job_claim(model=model, job_id=job_id)
    if job is None:
        return
    try:
        result = work(job)
    except Exception as exc:  # recorded on the row: the client polls for it
        job_fail(job=job, error=str(exc) or exc.__class__.__name__)
        raise
    job_succeed(job=job, result=result)
