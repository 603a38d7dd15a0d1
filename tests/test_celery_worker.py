"""A real Celery worker on the real Redis broker runs a task against the real database.

Runs where REDIS_URL is set (CI: PostgreSQL + Redis); the embedded default runs tasks
in-process, which every other test exercises.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import User
from accounts.tasks import accounts_housekeeping
from cvplatform.celery import app as celery_app

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (a real broker)"),
]


@pytest.fixture
def real_worker():
    from celery.contrib.testing.worker import start_worker

    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield
    finally:
        celery_app.conf.task_always_eager = eager


def test_configuration_is_json_late_ack_and_bounded():
    conf = celery_app.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"]
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.broker_url.startswith("redis://")


def test_worker_runs_housekeeping_through_redis(real_worker, make_user):
    locked = make_user(locked_until=timezone.now() - timedelta(minutes=1), failed_login_count=3)
    still_locked = make_user(locked_until=timezone.now() + timedelta(minutes=10))
    result = accounts_housekeeping.delay()
    assert result.get(timeout=30) == {"expired_tokens_deleted": 0, "locks_cleared": 1}
    locked.refresh_from_db()
    still_locked.refresh_from_db()
    assert locked.locked_until is None and locked.failed_login_count == 0
    assert still_locked.locked_until is not None
    assert User.objects.count() == 2


def test_a_large_upload_is_parsed_by_the_worker(real_worker, owner, settings):
    """The parse job path end to end: upload → job row → Redis → worker → parsed CV."""
    import time

    from conftest import bearer_client
    from resumes.tests.test_api_uploads import cv_pdf

    settings.CV_INLINE_PARSE_MAX_BYTES = 1024  # force the job path
    client = bearer_client(owner)
    body = client.post("/pf/cv/upload", {"file": cv_pdf()}, format="multipart").json()
    assert body["status"] == "processing"
    deadline = time.monotonic() + 60
    detail = client.get(f"/pf/cv/{body['cv_id']}").json()
    while detail["status"] == "processing" and time.monotonic() < deadline:
        time.sleep(0.2)
        detail = client.get(f"/pf/cv/{body['cv_id']}").json()
    assert detail["status"] == "parsed", detail
    assert detail["name"]
