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
  bounded time, then answers 503 with ``Retry-After``; at most ``JOB_WAIT_MAX_CONCURRENT``
  requests of a server process wait at once, the others get that 503 at once. A job whose
  caller gave up is failed, not run, when a worker gets to it (``abandon_after``).

Redelivery: a message delivered again after its worker died finds the row STARTED. Once the
row's lease (``JOB_LEASE_SECONDS``, longer than any task may run) has run out, the claim
takes it over; before that the task comes back when the lease ends, since the first run
may still be going. Each claim counts an attempt, and only the run holding the latest claim
records an outcome; a job is started ``JOB_MAX_RETRIES`` + 1 times at most, whatever ended
its earlier attempts. The beat task ``jobs_recover_stale`` sends the task again for a row
whose run or message was lost (``cvplatform.jobs.recovery``).
"""

from .core import (
    ABANDONED_MESSAGE,
    TRANSIENT_ERRORS,
    TRANSIENT_UPSTREAM_ERRORS,
    Job,
    JobBusy,
    JobStatus,
    is_transient,
    job_claim,
    job_enqueue,
    job_fail,
    job_max_attempts,
    job_progress_set,
    job_release,
    job_run,
    job_succeed,
)
from .progress import job_kind, job_progress_group
from .recovery import job_recover_stale, jobs_recover_stale
from .task import JOB_TASKS, JobTask, job_task
from .wait import WAIT_SLOTS, job_wait, job_wait_max_concurrent

__all__ = [
    "ABANDONED_MESSAGE",
    "JOB_TASKS",
    "TRANSIENT_ERRORS",
    "TRANSIENT_UPSTREAM_ERRORS",
    "WAIT_SLOTS",
    "Job",
    "JobBusy",
    "JobStatus",
    "JobTask",
    "is_transient",
    "job_claim",
    "job_enqueue",
    "job_fail",
    "job_kind",
    "job_max_attempts",
    "job_progress_group",
    "job_progress_set",
    "job_recover_stale",
    "job_release",
    "job_run",
    "job_succeed",
    "job_task",
    "job_wait",
    "job_wait_max_concurrent",
    "jobs_recover_stale",
]
