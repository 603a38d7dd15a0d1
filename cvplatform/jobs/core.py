"""The job row and its life: claim, run the work, record the outcome.

Every write that moves a row on is conditional on what its writer last saw (status and
attempts): a claim increments ``attempts``, so an outcome is recorded only by the run that
holds the current claim, and two deliveries of one task can never both start or both finish
the job.

Every move is announced to the job owner's live-progress group (``.progress``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, models, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from cvplatform.exceptions import ApplicationError, ServiceUnavailable

from .progress import job_announce

logger = logging.getLogger("cvplatform.jobs")

# What a job whose synchronous caller gave up reads instead of its result.
ABANDONED_MESSAGE = "The caller stopped waiting for this job, so it was not run."


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
    # When its task was last sent (created, released for a retry, requeued by recovery): a
    # row PENDING much longer than that has lost its message.
    queued_at = models.DateTimeField(default=timezone.now)
    # A synchronous caller's deadline (job_wait): past it nobody reads the result, so the
    # job is failed instead of run.
    abandon_after = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCESS, JobStatus.FAILURE)


# --- which errors a later attempt may outlast -----------------------------------------------
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,  # the database went away, a lock timed out
    InterfaceError,  # a connection that was closed under us
    BrokerError,  # the broker could not be reached (kombu)
    RedisConnectionError,
    RedisTimeoutError,
    ConnectionError,
    TimeoutError,
)
# How an AI provider's failure is classified (llm.models.ErrorClass values): these say the
# provider is down or busy, not that the request was wrong.
TRANSIENT_UPSTREAM_ERRORS = frozenset({"timeout", "server", "rate_limit"})


class JobBusy(Exception):
    """Another delivery holds the row's live lease; come back when it ends."""

    def __init__(self, retry_in: float) -> None:
        super().__init__(f"The job is being run by another worker; retrying in {retry_in:.0f}s.")
        self.retry_in = retry_in


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, (*TRANSIENT_ERRORS, JobBusy)):
        return True
    # A provider error carries its class; the AI router's 503 names the class of its last error.
    error_class = getattr(exc, "error_class", None)
    if error_class is None and isinstance(exc, ServiceUnavailable):
        error_class = exc.extra.get("error_class")
    return error_class in TRANSIENT_UPSTREAM_ERRORS


def job_max_attempts() -> int:
    """How many times a job's work may be started, whatever ended the earlier attempts (a
    transient error, a worker that died, a hard time limit): the first run and its retries."""
    return settings.JOB_MAX_RETRIES + 1


def interrupted_message(attempts: int) -> str:
    return (
        f"The job was interrupted {attempts} times (its worker stopped or it ran past its time "
        "limit) and was given up; please try again."
    )


def lease_expired_before(now: datetime) -> datetime:
    """A STARTED row claimed before this has outlived its lease: its run is over."""
    return now - timedelta(seconds=settings.JOB_LEASE_SECONDS)


# --- the row's life ---------------------------------------------------------------------------
def job_enqueue(*, task: Any, job: Job) -> None:
    """Send the task once the row is committed, so the worker can always load it."""
    transaction.on_commit(lambda: task.delay(job.pk))


def job_claim(*, model: type[Job], job_id: Any) -> Job | None:
    """Move a PENDING job (or a STARTED one whose lease ran out) to STARTED and count the
    attempt; None when the job is finished, gone, or held by another delivery.

    A job whose caller stopped waiting, or that used up its attempts, is failed instead."""
    now = timezone.now()
    claimable = models.Q(status=JobStatus.PENDING) | models.Q(
        status=JobStatus.STARTED, started_at__lt=lease_expired_before(now)
    )
    job = model.objects.filter(claimable, pk=job_id).first()
    if job is None:
        return None
    # Conditional on what was read: of two deliveries reading the same row, one moves it.
    as_read = model.objects.filter(pk=job.pk, status=job.status, attempts=job.attempts)
    if job.abandon_after is not None and job.abandon_after < now:
        if as_read.update(status=JobStatus.FAILURE, error=ABANDONED_MESSAGE, finished_at=now):
            logger.info("%s %s not run: %s", model.__name__, job.pk, ABANDONED_MESSAGE)
        return None
    if job.attempts >= job_max_attempts():
        if as_read.update(status=JobStatus.FAILURE, error=interrupted_message(job.attempts), finished_at=now):
            logger.error("%s %s given up after %d interrupted attempts", model.__name__, job.pk, job.attempts)
        return None
    if not as_read.update(status=JobStatus.STARTED, started_at=now, attempts=models.F("attempts") + 1):
        return None
    job.status, job.started_at, job.attempts = JobStatus.STARTED, now, job.attempts + 1
    job_announce(job)
    return job


def _job_move(job: Job, **fields: Any) -> bool:
    """Write ``fields`` if ``job`` still holds its claim; False (and nothing written) if the
    row was taken over or finished by someone else meanwhile."""
    model = type(job)
    moved = model.objects.filter(pk=job.pk, status=JobStatus.STARTED, attempts=job.attempts).update(**fields)
    if not moved:
        logger.warning(
            "%s %s: attempt %d no longer holds the job; its outcome is dropped",
            model.__name__,
            job.pk,
            job.attempts,
        )
        return False
    for name, value in fields.items():
        setattr(job, name, value)
    job_announce(job)
    return True


def job_progress_set(*, job: Job, progress: int) -> bool:
    """Record how far a running job is (0-100) for the pollers and the live sockets."""
    return _job_move(job, progress=max(0, min(100, int(progress))))


def job_release(*, job: Job) -> bool:
    """Put a claimed job back in the queue (its work hit a transient error and is retried)."""
    return _job_move(job, status=JobStatus.PENDING, queued_at=timezone.now())


def job_succeed(*, job: Job, result: dict | None = None) -> bool:
    return _job_move(
        job, status=JobStatus.SUCCESS, progress=100, result=result or {}, finished_at=timezone.now()
    )


def job_fail(*, job: Job, error: str, result: dict | None = None) -> bool:
    fields: dict[str, Any] = {
        "status": JobStatus.FAILURE,
        "error": error[:4000],
        "finished_at": timezone.now(),
    }
    if result is not None:
        fields["result"] = result
    return _job_move(job, **fields)


def _failure(exc: Exception) -> tuple[str, dict | None]:
    """The message the client reads for a failed job, and what the row keeps besides."""
    if isinstance(exc, ApplicationError):
        # A user-facing failure (an unreadable file, bad LaTeX): its status is kept, so a
        # waiting endpoint can answer with the same 4xx.
        return exc.message, {"status_code": exc.status_code, "code": exc.code, "fields": exc.fields}
    name = exc.__class__.__name__
    if isinstance(exc, SoftTimeLimitExceeded):
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        return f"The job took longer than {limit} seconds and was stopped.", None
    if is_transient(exc):
        return f"A service the job needs is unavailable ({name}); please try again later.", None
    return f"The job failed with an internal error ({name}); it has been logged.", None


def job_run(*, model: type[Job], job_id: Any, work: Callable[[Any], dict | None]) -> Job | None:
    """Claim the job, run ``work(job)`` and record its outcome on the row.

    Returns the finished job, or None when there was nothing to run (finished, deleted, or
    failed unrun because its caller gave up or its attempts ran out). A transient error while
    attempts remain puts the row back to PENDING and is re-raised for the task to retry; any
    other error ends the job as FAILURE and is logged, not raised.
    """
    job = job_claim(model=model, job_id=job_id)
    if job is None:
        _raise_if_held(model=model, job_id=job_id)
        return None
    try:
        result = work(job)
    except Exception as exc:
        if is_transient(exc) and job.attempts < job_max_attempts():
            if job_release(job=job):
                raise
            return None
        message, extra = _failure(exc)
        job_fail(job=job, error=message, result=extra)
        label = f"{model.__name__} {job.pk} (attempt {job.attempts})"
        if isinstance(exc, ApplicationError) and exc.status_code < 500:
            logger.warning("%s failed: %s", label, exc.message)
        else:
            logger.exception("%s failed", label)
        return job
    job_succeed(job=job, result=result)
    return job


def _raise_if_held(*, model: type[Job], job_id: Any) -> None:
    started_at = (
        model.objects.filter(pk=job_id, status=JobStatus.STARTED).values_list("started_at", flat=True).first()
    )
    if started_at is not None:
        lease_ends = started_at + timedelta(seconds=settings.JOB_LEASE_SECONDS)
        raise JobBusy(retry_in=max(1.0, (lease_ends - timezone.now()).total_seconds()))
