"""The job toolkit: the row every slow operation is tracked by, and how it is run.

- A service creates the row and calls ``job_enqueue`` inside its transaction: the task is
  sent once the row is committed.
- The task (``@job_task``: thin, it takes the row's id and calls a service) runs the work
  through ``job_run``: ``job_claim`` takes the row with a conditional update, the work's
  outcome is recorded on the row (SUCCESS with its result, FAILURE with a message the client
  sees), and a failure is logged. The row is never left STARTED when the work raises.
- A transient error (a dropped database or broker connection, an AI provider's timeout or
  outage) puts the row back to PENDING and the task is retried with exponential backoff,
  ``JOB_MAX_RETRIES`` times at most; then the job fails like any other.
- A synchronous endpoint that needs the outcome calls ``job_wait``: it polls the row for a
  bounded time, then answers 503 while the job stays queued.

Live progress: every change of a row here (claimed, released, succeeded, failed, progress
set) is announced, once committed, to the owner's group on the channel layer
(``job_progress_group``): the ``/api/v1/ws/jobs`` WebSocket forwards it. Polling the row stays
the documented way; a layer that is down costs a log line, never the job.

Redelivery: a message delivered again after its worker died finds the row STARTED. Once the
row's lease (``JOB_LEASE_SECONDS``, longer than any task may run) has run out, the claim
takes it over; before that the task comes back when the lease ends, since the first run
may still be going.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from asgiref.sync import async_to_sync
from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import InterfaceError, OperationalError, models, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .exceptions import ApplicationError, ServiceUnavailable

logger = logging.getLogger(__name__)


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


# --- the row's life ---------------------------------------------------------------------------
def job_enqueue(*, task: Any, job: Job) -> None:
    """Send the task once the row is committed, so the worker can always load it."""
    transaction.on_commit(lambda: task.delay(job.pk))


def job_claim(*, model: type[Job], job_id: Any) -> Job | None:
    """Move a PENDING job (or a STARTED one whose lease ran out) to STARTED and count the
    attempt; None when the job is finished, gone, or held by another delivery."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.JOB_LEASE_SECONDS)
    claimable = models.Q(status=JobStatus.PENDING) | models.Q(status=JobStatus.STARTED, started_at__lt=stale)
    claimed = model.objects.filter(claimable, pk=job_id).update(
        status=JobStatus.STARTED, started_at=now, attempts=models.F("attempts") + 1
    )
    if not claimed:
        return None
    job = model.objects.get(pk=job_id)
    _announce(job)
    return job


def job_release(*, job: Job) -> None:
    """Put a claimed job back in the queue (its work hit a transient error and is retried)."""
    job.status = JobStatus.PENDING
    job.save(update_fields=["status"])
    _announce(job)


def job_succeed(*, job: Job, result: dict | None = None) -> None:
    job.status = JobStatus.SUCCESS
    job.progress = 100
    job.result = result or {}
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "progress", "result", "finished_at"])
    _announce(job)


def job_fail(*, job: Job, error: str, result: dict | None = None) -> None:
    job.status = JobStatus.FAILURE
    job.error = error[:4000]
    job.finished_at = timezone.now()
    fields = ["status", "error", "finished_at"]
    if result is not None:
        job.result = result
        fields.append("result")
    job.save(update_fields=fields)
    _announce(job)


def job_progress_set(*, job: Job, progress: int) -> None:
    """Record how far a running job is (0-100) for the pollers and the live sockets."""
    job.progress = max(0, min(100, int(progress)))
    job.save(update_fields=["progress"])
    _announce(job)


# --- live progress --------------------------------------------------------------------------
def job_progress_group(user_id: Any) -> str:
    """The channel-layer group of one user's job progress messages."""
    return f"jobs.user.{user_id}"


def job_kind(job: Job) -> str:
    """What the job does, as clients read it (``cv_parse``, ``export``…)."""
    return getattr(job, "progress_kind", "") or job._meta.model_name


def _announce(job: Job) -> None:
    user_id = getattr(job, "user_id", None)
    if user_id is None:
        return
    message = {
        "type": "job.progress",
        "id": job.pk,
        "kind": job_kind(job),
        "status": job.status,
        "progress": job.progress,
        "timestamp": int(time.time() * 1000),
    }
    # Sent once committed: a socket must never hear of a state a rollback undoes.
    transaction.on_commit(lambda: _send(job_progress_group(user_id), message))


def _send(group: str, message: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # the layer is an extra: a job never fails because nobody could be told
        logger.warning(
            "Could not announce %s %s on the channel layer", message["kind"], message["id"], exc_info=True
        )


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

    Returns the finished job, or None when there was nothing to run (finished or deleted).
    A transient error while retries remain puts the row back to PENDING and is re-raised for
    the task to retry; any other error ends the job as FAILURE and is logged, not raised.
    """
    job = job_claim(model=model, job_id=job_id)
    if job is None:
        _raise_if_held(model=model, job_id=job_id)
        return None
    try:
        result = work(job)
    except Exception as exc:
        if is_transient(exc) and job.attempts <= settings.JOB_MAX_RETRIES:
            job_release(job=job)
            raise
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


def job_wait(*, job: Job, timeout: float, slow_message: str, slow_code: str = "service_unavailable") -> Job:
    """Poll the row until the job finishes and return it (SUCCESS or FAILURE: the caller
    turns a failure into its own error). After ``timeout`` seconds: a 503 with
    ``slow_message``; the job stays queued for when a worker is free."""
    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        job.refresh_from_db()
        if job.is_finished:
            return job
        left = deadline - time.monotonic()
        if left <= 0:
            raise ServiceUnavailable(slow_message, code=slow_code)
        time.sleep(min(delay, left))
        delay = min(delay * 2, 0.5)


# --- the tasks ----------------------------------------------------------------------------------
class JobTask(Task):
    """Every task's base: acknowledged late (a worker crash re-delivers the message), bounded
    by CELERY_TASK_SOFT_TIME_LIMIT / CELERY_TASK_TIME_LIMIT, and retried with exponential
    backoff (JOB_RETRY_BACKOFF_SECONDS doubling up to JOB_RETRY_BACKOFF_MAX_SECONDS, at most
    JOB_MAX_RETRIES times) when it raises a transient error. Anything else propagates."""

    acks_late = True

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


def job_task(func: Callable) -> Task:
    """Register ``func`` as a Celery task on the JobTask base (the one way tasks are declared)."""
    return shared_task(base=JobTask)(func)
