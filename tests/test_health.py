"""/healthz: 200 when every configured service answers, 503 naming the one that does not."""

import shutil
import socket
import subprocess
import time

import pytest
import redis

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis():
    """A Redis server of this test's own, so stopping it disturbs nothing else."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield proc, url
    proc.kill()
    proc.wait()


def use_redis(settings, url: str) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False


def test_health_reports_each_component(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert {"database", "cache", "broker"} <= set(body["components"])


def test_health_with_redis_up_then_stopped(client, settings, own_redis):
    proc, url = own_redis
    use_redis(settings, url)
    response = client.get("/healthz")
    assert response.status_code == 200, response.content
    assert response.json()["components"]["broker"]["backend"] == "redis"

    proc.kill()
    proc.wait()
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert set(body["failing"]) == {"cache", "broker"}
    assert body["components"]["database"]["status"] == "ok"
    assert body["components"]["broker"]["error"]


def test_health_names_a_broker_nobody_listens_on(client, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]


def test_health_reuses_its_redis_connections(client, settings, own_redis):
    _, url = own_redis
    settings.CACHES = {"default": {"BACKEND": "cvplatform.cache.ResilientRedisCache", "LOCATION": url}}
    settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    server = redis.Redis.from_url(url)
    assert client.get("/healthz").status_code == 200
    before = server.info("stats")["total_connections_received"]
    for _ in range(20):
        assert client.get("/healthz").status_code == 200
    assert server.info("stats")["total_connections_received"] == before
