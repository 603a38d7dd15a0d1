"""Synchronous waits for a job, bounded so that waiting requests cannot starve the server.

A waiting request holds one of its server process's threads. With no worker running, every
such request would hold its thread for the whole wait, and once all threads of a process
wait, that process answers nothing else (not even ``/healthz``). So each process lets at
most ``JOB_WAIT_MAX_CONCURRENT`` requests wait at once and answers the others 503 with a
``Retry-After`` at once. The bound is per process on purpose: the resource at stake is a
process's threads, which a deployment-wide counter could not protect (all its slots could be
taken in one process), and a per-process count cannot leak when a process dies.

A caller that gives up (its wait timed out, or it was refused a slot) records that on the
row, ``abandon_after``: the job is then failed instead of run when a worker gets to it.
"""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from django.utils import timezone

from cvplatform.conf import setting
from cvplatform.exceptions import ServiceUnavailable

from .core import Job, JobStatus

# What a refused or timed-out caller is told to wait before asking again.
WAIT_RETRY_AFTER_SECONDS = 10
BUSY_MESSAGE = "Too many requests are waiting for their results right now; please try again shortly."


def job_wait_max_concurrent() -> int:
    """Requests of one server process that may wait for a job at the same time."""
    return max(1, setting("JOB_WAIT_MAX_CONCURRENT", 4))


class WaitSlots:
    """A counter of the waits running in this process, checked against a limit read per call
    (so a setting changed at run time applies to the next wait)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.taken = 0

    def take(self, *, limit: int) -> bool:
        with self._lock:
            if self.taken >= limit:
                return False
            self.taken += 1
            return True

    def give_back(self) -> None:
        with self._lock:
            self.taken -= 1


WAIT_SLOTS = WaitSlots()


def job_wait(*, job: Job, timeout: float, slow_message: str, slow_code: str = "service_unavailable") -> Job:
    """Poll the row until the job finishes and return it (SUCCESS or FAILURE: the caller
    turns a failure into its own error).

    A 503 with ``Retry-After`` when too many requests of this process wait already, or when
    the job is still unfinished after ``timeout`` seconds (``slow_message``). Either way the
    row records that its caller is gone, so a worker that gets to it later does not run it."""
    job.refresh_from_db()
    if job.is_finished:  # the embedded default ran it in-process already
        return job
    model = type(job)
    if not WAIT_SLOTS.take(limit=job_wait_max_concurrent()):
        model.objects.filter(pk=job.pk, status=JobStatus.PENDING).update(abandon_after=timezone.now())
        raise ServiceUnavailable(BUSY_MESSAGE, code=slow_code, retry_after=WAIT_RETRY_AFTER_SECONDS)
    try:
        deadline = time.monotonic() + timeout
        model.objects.filter(pk=job.pk).update(abandon_after=timezone.now() + timedelta(seconds=timeout))
        delay = 0.02
        while True:
            job.refresh_from_db()
            if job.is_finished:
                return job
            left = deadline - time.monotonic()
            if left <= 0:
                raise ServiceUnavailable(slow_message, code=slow_code, retry_after=WAIT_RETRY_AFTER_SECONDS)
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.5)
    finally:
        WAIT_SLOTS.give_back()
