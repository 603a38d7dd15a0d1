"""When Redis goes away, requests keep working (soft state is lost) and /healthz says so."""

import pytest

from conftest import bearer_client
from cvplatform.cache import outage_forget
from tests.test_health import own_redis  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def use_resilient_redis(settings, url: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "cvplatform.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    outage_forget()


@pytest.fixture(autouse=True)
def _forget_outages():
    yield
    outage_forget()  # the outage was of this test's own server: nothing else should inherit it


def test_requests_survive_a_redis_outage(settings, own_redis, owner, client, api_client):  # noqa: F811
    proc, url = own_redis
    use_resilient_redis(settings, url)
    user_client = bearer_client(owner)
    assert user_client.get("/api/v1/auth/me").status_code == 200  # throttles count in Redis
    assert api_client.get("/api/ai/models/").status_code == 200

    proc.kill()
    proc.wait()
    for _ in range(3):
        assert user_client.get("/api/v1/auth/me").status_code == 200
        assert user_client.get("/api/pack/plans/").status_code == 200
        assert api_client.get("/api/ai/models/").status_code == 200
    outage_forget()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert "cache" in health.json()["failing"]
