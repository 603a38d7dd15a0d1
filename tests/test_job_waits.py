"""Synchronous waits for a job are bounded: they cannot take the server's threads.

The broker here never delivers (the export task's ``delay`` only records the message), as
when no worker runs: every wait would last its whole timeout.
"""

import os
import runpy
import threading
import time
from pathlib import Path
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from conftest import bearer_client
from cvplatform.jobs import ABANDONED_MESSAGE, WAIT_SLOTS, JobStatus, job_wait
from exports import tasks
from exports.models import ExportJob, ExportKind

LATEX_TO_PDF = "/api/cv/latex-to-pdf/"
HELLO = "\\documentclass{article}\n\\begin{document}\nHello World\n\\end{document}"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def broker_without_worker(monkeypatch):
    sent: list[int] = []
    monkeypatch.setattr(tasks.export_job_task, "delay", sent.append)
    return sent


def _until(condition, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.mark.django_db
def test_a_request_beyond_the_bound_is_refused_at_once_and_its_job_never_runs(
    owner_client, settings, broker_without_worker, django_capture_on_commit_callbacks
):
    settings.JOB_WAIT_MAX_CONCURRENT = 2
    settings.EXPORT_JOB_WAIT_SECONDS = 30
    for _ in range(2):  # two requests of this process are waiting already
        assert WAIT_SLOTS.take(limit=2)
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = owner_client.post(LATEX_TO_PDF, {"latex_content": HELLO}, format="json")
        took = time.monotonic() - started
        health = Client().get("/healthz")
    finally:
        WAIT_SLOTS.give_back()
        WAIT_SLOTS.give_back()
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "Too many requests are waiting" in response.json()["detail"]
    assert took < 5  # refused, not left to wait its 30 s
    assert health.status_code == 200
    [job_id] = broker_without_worker
    tasks.export_job_task.apply(args=[job_id])
    job = ExportJob.objects.get(pk=job_id)
    assert job.status == JobStatus.FAILURE and job.error == ABANDONED_MESSAGE and not job.file


# SQLite's in-memory test database is shared between threads with table locks, which
# concurrent requests trip over; PostgreSQL (CI) runs the real thing.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent requests need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_waiters_beyond_the_bound_get_503_at_once_and_healthz_still_answers(
    owner, settings, broker_without_worker
):
    settings.JOB_WAIT_MAX_CONCURRENT = 2
    settings.EXPORT_JOB_WAIT_SECONDS = 30
    clients = [bearer_client(owner) for _ in range(2)]
    answers = {}

    def wait(n: int) -> None:
        try:
            answers[n] = clients[n].post(LATEX_TO_PDF, {"latex_content": HELLO}, format="json")
        finally:
            connection.close()

    waiters = [threading.Thread(target=wait, args=(n,)) for n in range(2)]
    for thread in waiters:
        thread.start()
    _until(lambda: WAIT_SLOTS.taken == 2)

    refused = []
    for _ in range(3):
        started = time.monotonic()
        response = bearer_client(owner).post(LATEX_TO_PDF, {"latex_content": HELLO}, format="json")
        refused.append((response, time.monotonic() - started))
    health = Client().get("/healthz")

    for response, took in refused:
        assert response.status_code == 503
        assert response["Retry-After"] == "10"
        assert "Too many requests are waiting" in response.json()["detail"]
        assert took < 5  # refused, not left to wait its 30 s
    assert health.status_code == 200 and health.json()["status"] == "ok"

    # The waiters' jobs end: they answer with the job's outcome and give their slots back.
    waited_for = ExportJob.objects.filter(status=JobStatus.PENDING, abandon_after__gt=timezone.now())
    assert waited_for.count() == 2
    waited_for.update(
        status=JobStatus.FAILURE, error="Undefined control sequence.", result={"status_code": 400}
    )
    for thread in waiters:
        thread.join(timeout=10)
    assert [answers[n].status_code for n in range(2)] == [400, 400]
    assert WAIT_SLOTS.taken == 0

    # The refused callers are gone: when a worker gets to their jobs, it does not run them.
    for job_id in broker_without_worker:
        tasks.export_job_task.apply(args=[job_id])
    not_run = ExportJob.objects.exclude(error="Undefined control sequence.")
    assert not_run.count() == 3
    assert {(job.status, job.error, job.attempts, job.file.name) for job in not_run} == {
        (JobStatus.FAILURE, ABANDONED_MESSAGE, 0, "")
    }


@pytest.mark.django_db
def test_a_timed_out_wait_is_503_with_retry_after_and_its_job_is_not_run_later(
    owner_client, settings, broker_without_worker, django_capture_on_commit_callbacks
):
    settings.EXPORT_JOB_WAIT_SECONDS = 0.2
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(LATEX_TO_PDF, {"latex_content": HELLO}, format="json")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "taking longer than expected" in response.json()["detail"]
    assert WAIT_SLOTS.taken == 0

    [job_id] = broker_without_worker
    tasks.export_job_task.apply(args=[job_id])  # a worker comes back and gets the message
    job = ExportJob.objects.get(pk=job_id)
    assert job.status == JobStatus.FAILURE and job.error == ABANDONED_MESSAGE
    assert job.attempts == 0 and not job.file and job.engine == ""


@pytest.mark.django_db
def test_a_finished_job_is_returned_without_a_slot(owner, settings):
    settings.JOB_WAIT_MAX_CONCURRENT = 1
    job = ExportJob.objects.create(
        user=owner, kind=ExportKind.LATEX_PDF, format="pdf", status=JobStatus.SUCCESS
    )
    assert WAIT_SLOTS.take(limit=1)  # every slot of this process is taken
    try:
        # the embedded default ran the job in-process already: no wait, no 503
        assert job_wait(job=job, timeout=5, slow_message="slow").status == JobStatus.SUCCESS
    finally:
        WAIT_SLOTS.give_back()


def test_gunicorn_leaves_one_thread_of_each_process_free_of_waits():
    with mock.patch.dict(os.environ, {"GUNICORN_THREADS": "4"}):
        os.environ.pop("JOB_WAIT_MAX_CONCURRENT", None)
        runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        assert os.environ["JOB_WAIT_MAX_CONCURRENT"] == "3"
    with mock.patch.dict(os.environ, {"GUNICORN_THREADS": "4", "JOB_WAIT_MAX_CONCURRENT": "2"}):
        runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        assert os.environ["JOB_WAIT_MAX_CONCURRENT"] == "2"  # an operator's choice is kept
