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


# The broker's visibility timeout (how long before a dead worker's message comes back) is
# CELERY_BROKER_TRANSPORT_OPTIONS in the settings.
app.conf.beat_schedule = {
    "accounts-housekeeping": {"task": "accounts.tasks.accounts_housekeeping", "schedule": 6 * 3600},
    # Jobs whose worker died or whose message was lost are sent again (or failed for good).
    "jobs-recover-stale": {"task": "cvplatform.jobs.recovery.jobs_recover_stale", "schedule": 60},
    # Evidence links not checked for ARTIFACT_LINK_REVALIDATE_HOURS get a check job.
    "artifact-links-revalidate": {"task": "artifacts.tasks.evidence_links_revalidate", "schedule": 3600},
    "chat-history-retention": {"task": "generation.tasks.chat_history_retention", "schedule": 6 * 3600},
}
app.autodiscover_tasks()
