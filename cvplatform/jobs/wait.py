"""Synchronous waits for a job: poll its row for a bounded time."""

from __future__ import annotations

import time

from cvplatform.exceptions import ServiceUnavailable

from .core import Job


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
