"""The job toolkit: claim, run, retry, fail visibly, wait — with the embedded (eager) default.

A scripted task drives ``job_run`` on a real job row (an ExportJob): each run of the work
takes the next outcome of the script, an exception to raise or a result to return.
"""

import logging
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError
from django.utils import timezone

from cvplatform.celery import app as celery_app
from cvplatform.exceptions import ApplicationError, ServiceUnavailable
from cvplatform.jobs import JobBusy, JobStatus, JobTask, job_run, job_task, job_wait
from exports.models import ExportJob, ExportKind

pytestmark = pytest.mark.django_db

SCRIPT: list = []


def _work(job):
    outcome = SCRIPT.pop(0)
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


@job_task
def scripted_job(job_id: int) -> None:
    job_run(model=ExportJob, job_id=job_id, work=_work)


@pytest.fixture
def job(owner):
    SCRIPT.clear()
    yield ExportJob.objects.create(user=owner, kind=ExportKind.LATEX_PDF, format="pdf")
    SCRIPT.clear()


def _run(job, *outcomes):
    SCRIPT.extend(outcomes)
    scripted_job.delay(job.pk)  # eager: runs now, retries included
    job.refresh_from_db()
    return job


def test_tasks_run_in_process_in_the_embedded_default():
    assert celery_app.conf.task_always_eager


def test_a_dropped_database_connection_is_retried_and_then_succeeds(job, caplog):
    with caplog.at_level(logging.WARNING, logger="cvplatform.jobs"):
        _run(job, OperationalError("server closed the connection unexpectedly"), {"size": 3})
    assert job.status == JobStatus.SUCCESS and job.result == {"size": 3}
    assert job.attempts == 2 and job.error == ""
    assert "retry 1" in caplog.text
    assert not SCRIPT


def test_an_ai_provider_timeout_is_retried(job):
    outage = ServiceUnavailable("Fake GPT could not complete the request", extra={"error_class": "timeout"})
    _run(job, outage, outage, {"ok": True})
    assert job.status == JobStatus.SUCCESS and job.attempts == 3


def test_retries_stop_at_the_cap_and_the_job_fails_visibly(job, settings, caplog):
    settings.JOB_MAX_RETRIES = 2
    with caplog.at_level(logging.WARNING, logger="cvplatform.jobs"):
        _run(job, *[OperationalError("database is locked")] * 3, {"never": "reached"})
    assert job.status == JobStatus.FAILURE and job.attempts == 3
    assert "unavailable (OperationalError)" in job.error
    assert SCRIPT == [{"never": "reached"}]
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)


def test_the_backoff_grows_and_is_capped(job, settings, monkeypatch):
    settings.JOB_MAX_RETRIES = 6
    settings.JOB_RETRY_BACKOFF_SECONDS = 2
    settings.JOB_RETRY_BACKOFF_MAX_SECONDS = 10
    countdowns = []
    real_retry = JobTask.retry

    def recording_retry(self, *args, **kwargs):
        countdowns.append(kwargs["countdown"])
        return real_retry(self, *args, **kwargs)

    monkeypatch.setattr(JobTask, "retry", recording_retry)
    _run(job, *[ConnectionError("broker gone")] * 6, {})
    assert job.status == JobStatus.SUCCESS
    assert len(countdowns) == 6
    # full jitter: each wait is drawn below 2, 4, 8, then the cap of 10 seconds
    assert all(0 <= c <= min(10, 2 * 2**n) for n, c in enumerate(countdowns))


def test_a_crash_marks_the_job_failed_with_a_clear_message_and_logs_it(job, caplog):
    with caplog.at_level(logging.WARNING, logger="cvplatform.jobs"):
        _run(job, KeyError("template"), {})
    assert job.status == JobStatus.FAILURE and job.attempts == 1
    assert job.error == "The job failed with an internal error (KeyError); it has been logged."
    assert job.finished_at is not None
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert f"ExportJob {job.pk}" in record.getMessage() and record.exc_info[0] is KeyError


def test_a_users_mistake_fails_with_its_message_and_status(job, caplog):
    mistake = ApplicationError("Undefined control sequence.", code="latex_error", fields={"x": ["y"]})
    with caplog.at_level(logging.WARNING, logger="cvplatform.jobs"):
        _run(job, mistake, {})
    assert job.status == JobStatus.FAILURE and job.error == "Undefined control sequence."
    assert job.result == {"status_code": 400, "code": "latex_error", "fields": {"x": ["y"]}}
    assert "Undefined control sequence." in caplog.text  # logged, without a traceback
    assert job.attempts == 1


def test_an_outage_that_is_not_transient_is_not_retried(job):
    _run(job, ServiceUnavailable("The LaTeX engine 'xelatex' is not installed."), {})
    assert job.status == JobStatus.FAILURE and job.attempts == 1
    assert job.result["status_code"] == 503


def test_a_soft_time_limit_fails_the_job(job, settings):
    _run(job, SoftTimeLimitExceeded(), {})
    assert job.status == JobStatus.FAILURE
    assert f"longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} seconds" in job.error


def test_a_finished_job_is_not_run_again(job):
    _run(job, {"first": True})
    assert job_run(model=ExportJob, job_id=job.pk, work=_work) is None
    job.refresh_from_db()
    assert job.result == {"first": True} and job.attempts == 1


def test_a_started_job_with_a_live_lease_is_left_to_its_worker(job, settings):
    ExportJob.objects.filter(pk=job.pk).update(status=JobStatus.STARTED, started_at=timezone.now())
    with pytest.raises(JobBusy) as busy:
        job_run(model=ExportJob, job_id=job.pk, work=_work)
    assert settings.JOB_LEASE_SECONDS - 5 < busy.value.retry_in <= settings.JOB_LEASE_SECONDS
    job.refresh_from_db()
    assert job.status == JobStatus.STARTED and job.attempts == 0


def test_a_started_job_whose_lease_ran_out_is_taken_over(job, settings):
    stale = timezone.now() - timedelta(seconds=settings.JOB_LEASE_SECONDS + 1)
    ExportJob.objects.filter(pk=job.pk).update(status=JobStatus.STARTED, started_at=stale, attempts=1)
    SCRIPT.append({"taken": "over"})
    job_run(model=ExportJob, job_id=job.pk, work=_work)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCESS and job.attempts == 2


def test_waiting_returns_the_finished_job(job):
    _run(job, {"size": 1})
    assert job_wait(job=job, timeout=1, slow_message="slow").status == JobStatus.SUCCESS


def test_waiting_for_a_job_nobody_runs_is_a_bounded_503(job):
    with pytest.raises(ServiceUnavailable) as slow:
        job_wait(job=job, timeout=0.1, slow_message="Still working; try again.", slow_code="export_timeout")
    assert slow.value.code == "export_timeout" and slow.value.status_code == 503
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING


def test_every_task_uses_the_job_base_and_the_limits_from_settings(settings):
    celery_app.loader.import_default_modules()
    ours = {
        name: task
        for name, task in celery_app.tasks.items()
        if name.split(".")[0] in {"accounts", "resumes", "exports", "generation", "llm", "billing"}
    }
    assert {
        "resumes.tasks.parse_cv_document",
        "exports.tasks.export_job_task",
        "generation.tasks.generate_document",
    } <= ours.keys()
    for name, task in ours.items():
        assert isinstance(task, JobTask), name
        assert task.acks_late, name
        # no task sets its own: the settings' limits apply to each
        assert task.soft_time_limit == settings.CELERY_TASK_SOFT_TIME_LIMIT, name
        assert task.time_limit == settings.CELERY_TASK_TIME_LIMIT, name
    assert settings.JOB_LEASE_SECONDS > settings.CELERY_TASK_TIME_LIMIT


# --- through the API, with jobs run in-process ------------------------------------------------
def test_an_upload_job_survives_a_transient_error_and_the_client_polls_it_parsed(
    owner_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from resumes import parsing
    from resumes.models import CVDocument
    from resumes.tests.test_api_uploads import cv_pdf

    settings.CV_INLINE_PARSE_MAX_BYTES = 1024  # the job path
    real_parse, calls = parsing.parse_bytes, []

    def flaky_parse(data, *, fmt):
        calls.append(fmt)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_parse(data, fmt=fmt)

    monkeypatch.setattr(parsing, "parse_bytes", flaky_parse)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = owner_client.post("/pf/cv/upload", {"file": cv_pdf()}, format="multipart")
    assert response.status_code == 200 and response.json()["status"] == "processing"
    cv_id = response.json()["cv_id"]
    assert owner_client.get(f"/pf/cv/{cv_id}").json()["status"] == "processing"
    for callback in queued:  # the row is committed: the task runs (eagerly)
        callback()
    detail = owner_client.get(f"/pf/cv/{cv_id}").json()
    assert detail["status"] == "parsed" and detail["name"]
    assert len(calls) == 2 and CVDocument.objects.get(pk=cv_id).attempts == 2


def test_a_crashing_enrichment_job_is_reported_failed_to_the_client(
    owner_client, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    from generation import selectors as generation_selectors
    from resumes.tests.test_analysis_engine import CV

    def crash(**kwargs):
        raise RuntimeError("the provider SDK changed under us")

    monkeypatch.setattr(generation_selectors, "remote_model_available", lambda: True)
    monkeypatch.setattr("generation.services.run_task", crash)
    with (
        caplog.at_level(logging.ERROR, logger="cvplatform.jobs"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        body = owner_client.post("/api/cv/analyze-cv/", {"cv_text": CV}, format="json").json()
    enriched = owner_client.get(body["ai_enrichment"]["url"]).json()
    assert enriched["status"] == "failed"
    assert enriched["error"] == "The job failed with an internal error (RuntimeError); it has been logged."
    assert "AnalysisEnrichment" in caplog.text and "the provider SDK changed" in caplog.text
