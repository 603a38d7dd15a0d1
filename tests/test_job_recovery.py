"""Jobs that lost their run or their message are sent again, or failed for good, once.

What a dead worker leaves behind is set up on the row (STARTED with a lease that ran out,
PENDING with no message for long); the beat's recovery and the next delivery of the task
take it from there, with the embedded default running tasks in-process. The real crash, a
worker killed ``-9`` on Redis and PostgreSQL, is ``tests/test_worker_kills.py``.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from cvplatform.celery import app as celery_app
from cvplatform.jobs import (
    ABANDONED_MESSAGE,
    JOB_TASKS,
    JobStatus,
    job_claim,
    job_fail,
    job_max_attempts,
    job_recover_stale,
    job_release,
    job_succeed,
)
from exports.models import ExportJob
from exports.render.demo import demo_cv
from exports.services import export_job_run, export_job_start, template_sync

pytestmark = pytest.mark.django_db


def _tasks(callbacks) -> list:
    """The on-commit callbacks that send a task (live-progress announcements are others)."""
    return [callback for callback in callbacks if callback.__qualname__.startswith("job_enqueue")]


@pytest.fixture
def queue_job(owner, django_capture_on_commit_callbacks):
    """A markdown export job whose message is never delivered (the test decides what happens)."""
    template = next(t for t in template_sync() if t.slug == "classic")

    def queue(**row) -> ExportJob:
        with django_capture_on_commit_callbacks(execute=False):
            job = export_job_start(user=owner, fmt="md", template=template, cv=demo_cv())
        ExportJob.objects.filter(pk=job.pk).update(**row)
        job.refresh_from_db()
        return job

    return queue


def _ago(settings_seconds: int, extra: int = 5):
    return timezone.now() - timedelta(seconds=settings_seconds + extra)


def test_the_beat_sweeps_for_stale_jobs_every_minute():
    entry = celery_app.conf.beat_schedule["jobs-recover-stale"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks and entry["schedule"] <= 60
    assert {model.__name__ for model in JOB_TASKS} == {
        "ExportJob",
        "CVDocument",
        "AnalysisEnrichment",
        "ArtifactFile",
        "LinkCheck",
        "GeneratedDocument",
    }


def test_a_job_whose_worker_died_is_sent_again_and_done_once(
    queue_job, settings, django_capture_on_commit_callbacks
):
    job = queue_job(status=JobStatus.STARTED, started_at=_ago(settings.JOB_LEASE_SECONDS), attempts=1)
    with django_capture_on_commit_callbacks(execute=True) as sent:
        assert job_recover_stale() == {"requeued": 1, "failed": 0}
    assert len(_tasks(sent)) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCESS and job.attempts == 2 and job.file.name.endswith(".md")
    with django_capture_on_commit_callbacks(execute=True) as sent:
        assert job_recover_stale() == {"requeued": 0, "failed": 0}
    assert _tasks(sent) == []


def test_a_job_that_used_up_its_attempts_fails_with_a_clear_message(
    queue_job, settings, django_capture_on_commit_callbacks
):
    attempts = job_max_attempts()
    job = queue_job(status=JobStatus.STARTED, started_at=_ago(settings.JOB_LEASE_SECONDS), attempts=attempts)
    with django_capture_on_commit_callbacks(execute=True) as sent:
        assert job_recover_stale() == {"requeued": 0, "failed": 1}
    assert _tasks(sent) == []
    job.refresh_from_db()
    assert job.status == JobStatus.FAILURE and job.finished_at is not None
    assert job.error.startswith(f"The job was interrupted {attempts} times")
    assert not job.file


def test_a_redelivered_message_does_not_start_a_job_past_its_attempts(queue_job, settings):
    job = queue_job(
        status=JobStatus.STARTED, started_at=_ago(settings.JOB_LEASE_SECONDS), attempts=job_max_attempts()
    )
    export_job_run(job_id=job.pk)  # what the task does with the message the dead worker held
    job.refresh_from_db()
    assert job.status == JobStatus.FAILURE and "interrupted" in job.error
    assert job.attempts == job_max_attempts() and not job.file


def test_a_pending_job_whose_message_was_lost_is_sent_again_once(
    queue_job, settings, django_capture_on_commit_callbacks
):
    job = queue_job(queued_at=_ago(settings.JOB_STALE_PENDING_SECONDS))
    with django_capture_on_commit_callbacks(execute=False) as sent:
        assert job_recover_stale() == {"requeued": 1, "failed": 0}
        assert job_recover_stale() == {"requeued": 0, "failed": 0}  # the next minute's sweep
    assert len(_tasks(sent)) == 1
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING and timezone.now() - job.queued_at < timedelta(seconds=5)


def test_live_and_recent_jobs_are_left_alone(queue_job, settings, django_capture_on_commit_callbacks):
    running = queue_job(status=JobStatus.STARTED, started_at=timezone.now(), attempts=1)
    queued = queue_job(queued_at=_ago(settings.JOB_STALE_PENDING_SECONDS, extra=-60))
    done = queue_job(status=JobStatus.SUCCESS, started_at=_ago(settings.JOB_LEASE_SECONDS), attempts=1)
    with django_capture_on_commit_callbacks(execute=True) as sent:
        assert job_recover_stale() == {"requeued": 0, "failed": 0}
    assert _tasks(sent) == []
    for job, status in ((running, JobStatus.STARTED), (queued, JobStatus.PENDING), (done, JobStatus.SUCCESS)):
        job.refresh_from_db()
        assert job.status == status


def test_a_job_whose_caller_gave_up_is_failed_not_sent(queue_job, django_capture_on_commit_callbacks):
    job = queue_job(abandon_after=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True) as sent:
        assert job_recover_stale() == {"requeued": 0, "failed": 1}
    assert _tasks(sent) == []
    job.refresh_from_db()
    assert job.status == JobStatus.FAILURE and job.error == ABANDONED_MESSAGE and not job.file


def test_a_run_whose_claim_was_taken_over_records_no_outcome(queue_job, settings):
    job = queue_job()
    first = job_claim(model=ExportJob, job_id=job.pk)
    assert first.attempts == 1
    assert job_claim(model=ExportJob, job_id=job.pk) is None  # its lease is live: nobody else
    # The first run outlives its lease (as if its worker had died): a delivery takes over.
    ExportJob.objects.filter(pk=job.pk).update(started_at=_ago(settings.JOB_LEASE_SECONDS))
    second = job_claim(model=ExportJob, job_id=job.pk)
    assert second.attempts == 2
    assert not job_succeed(job=first, result={"from": "first"})
    assert not job_fail(job=first, error="first")
    assert not job_release(job=first)
    job.refresh_from_db()
    assert job.status == JobStatus.STARTED and job.attempts == 2 and job.result == {}
    assert job_succeed(job=second, result={"from": "second"})
    assert not job_succeed(job=second, result={"again": True})  # finished once
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCESS and job.result == {"from": "second"}


def test_the_broker_hands_out_a_dead_workers_message_only_after_any_live_hold(settings):
    transport = celery_app.conf.broker_transport_options
    longest_countdown = max(settings.JOB_LEASE_SECONDS, settings.JOB_RETRY_BACKOFF_MAX_SECONDS)
    assert transport["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT + longest_countdown
    assert settings.JOB_LEASE_SECONDS > settings.CELERY_TASK_TIME_LIMIT
    assert transport["unacked_restore_interval"] * transport["unacked_restore_throttle"] <= 10
    # a worker killed while it looks (holding the broker's lock) delays the others by little
    assert transport["unacked_mutex_expire"] <= 30
    assert settings.JOB_STALE_PENDING_SECONDS > longest_countdown
