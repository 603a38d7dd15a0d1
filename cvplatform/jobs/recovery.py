"""Recovery of jobs that lost their run or their message (the beat task ``jobs_recover_stale``).

A worker that dies mid-job leaves its row STARTED; its message comes back on its own (the
pool child's death re-queues it at once, a whole worker's after the broker's visibility
timeout), but a message can also be lost outright (the broker restarted empty, or was down
when the row was committed). Every minute, the beat looks for:

- STARTED rows whose lease ran out: their run is over (the lease outlives the hard time
  limit), so they are put back to PENDING and their task is sent again;
- PENDING rows not sent for ``JOB_STALE_PENDING_SECONDS``: longer than any retry waits, so
  their message is gone; the task is sent again;
- rows whose synchronous caller gave up: failed, never run;
- rows that used up their attempts (``JOB_MAX_RETRIES`` + 1): failed with a clear message.

A message sent twice is harmless: the claim lets one delivery run the job.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .core import (
    ABANDONED_MESSAGE,
    Job,
    JobStatus,
    interrupted_message,
    job_enqueue,
    job_max_attempts,
    lease_expired_before,
)
from .task import JOB_TASKS, job_task

logger = logging.getLogger("cvplatform.jobs")

# Rows looked at per model and run, so one run stays short after a long outage; the next
# run goes on where this one stopped.
RECOVERY_BATCH = 500


def job_recover_stale() -> dict[str, int]:
    """Send again, or fail, every job that lost its run or its message; the counts of each."""
    current_app.loader.import_default_modules()  # every app's tasks: the registry is complete
    now = timezone.now()
    stale = (
        Q(status=JobStatus.STARTED, started_at__lt=lease_expired_before(now))
        | Q(
            status=JobStatus.PENDING,
            queued_at__lt=now - timedelta(seconds=settings.JOB_STALE_PENDING_SECONDS),
        )
        | Q(status=JobStatus.PENDING, abandon_after__lt=now)
    )
    counts = {"requeued": 0, "failed": 0}
    for model, task in JOB_TASKS.items():
        rows = (
            model.objects.filter(stale)
            .order_by("pk")
            .only("pk", "status", "attempts", "queued_at", "started_at", "abandon_after")
        )
        for job in rows[:RECOVERY_BATCH]:
            outcome = _recover(job=job, task=task, now=now)
            if outcome:
                counts[outcome] += 1
    if any(counts.values()):
        logger.warning("Recovered stale jobs: %s", counts)
    return counts


def _recover(*, job: Job, task, now) -> str | None:
    # Conditional on the row as read: a delivery that claimed it meanwhile wins.
    as_read = type(job).objects.filter(
        pk=job.pk,
        status=job.status,
        attempts=job.attempts,
        queued_at=job.queued_at,
        started_at=job.started_at,
    )
    label = f"{type(job).__name__} {job.pk}"
    if job.abandon_after is not None and job.abandon_after < now:
        if as_read.update(status=JobStatus.FAILURE, error=ABANDONED_MESSAGE, finished_at=now):
            logger.info("%s not run: %s", label, ABANDONED_MESSAGE)
            return "failed"
        return None
    if job.attempts >= job_max_attempts():
        if as_read.update(status=JobStatus.FAILURE, error=interrupted_message(job.attempts), finished_at=now):
            logger.error("%s given up after %d interrupted attempts", label, job.attempts)
            return "failed"
        return None
    if as_read.update(status=JobStatus.PENDING, queued_at=now):
        logger.warning("%s was %s with no live run or message; its task is sent again", label, job.status)
        job_enqueue(task=task, job=job)
        return "requeued"
    return None


@job_task
def jobs_recover_stale() -> dict[str, int]:
    """The beat's every-minute sweep (cvplatform.celery beat_schedule)."""
    return job_recover_stale()
