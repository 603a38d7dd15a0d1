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
