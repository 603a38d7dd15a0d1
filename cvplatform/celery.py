"""Celery application: JSON only, late acks, bounded tasks.

Tasks are thin: declared with ``cvplatform.jobs.job_task``, they take a job row's id and call
a service that runs the work through ``job_run`` (claim, record the outcome, retry transient
errors with backoff). Their time limits are CELERY_TASK_SOFT_TIME_LIMIT / CELERY_TASK_TIME_LIMIT
from the settings, for every task. With no broker configured (the embedded default) tasks run
in-process.
"""

import os

from celery import Celery

# An empty value (as some shells and hooks pass) means "not set".
os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.local"

app = Celery("cvplatform")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # A task is acknowledged after it finishes, and re-queued if its worker dies, so a
    # crash never loses a job; claiming the row makes the re-run harmless.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_track_started=True,
    result_expires=3600,
    broker_connection_retry_on_startup=True,
)


def _visibility_timeout() -> int:
    # Redis re-delivers unacknowledged messages after the visibility timeout; it must be
    # longer than the longest task may run, or a slow task would be run twice at once.
    return int(app.conf.task_time_limit) * 4 + 60


app.conf.broker_transport_options = {"visibility_timeout": _visibility_timeout()}
app.conf.result_backend_transport_options = {"visibility_timeout": _visibility_timeout()}
app.conf.beat_schedule = {
    "accounts-housekeeping": {"task": "accounts.tasks.accounts_housekeeping", "schedule": 6 * 3600},
    "chat-history-retention": {"task": "generation.tasks.chat_history_retention", "schedule": 6 * 3600},
}
app.autodiscover_tasks()
