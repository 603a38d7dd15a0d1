"""Throttles count requests in a fixed window that a client's first request opens: one small
counter per client and scope, never a growing history, and the same 429 and Retry-After."""

import threading
import time

import pytest
from django.core.cache import caches

from conftest import bearer_client
from cvplatform.cache import outage_forget, window_hit
from tests.test_health import own_redis  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def resilient_redis(settings, url: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "cvplatform.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    outage_forget()


@pytest.fixture(autouse=True)
def _forget_outages():
    yield
    outage_forget()


def test_the_budget_refuses_with_retry_after_until_the_window_closes(owner, settings, monkeypatch):
    # The clock below is the process's: on local memory the window follows it (Redis keeps its own).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "user": "3/minute"}
    clock = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    client = bearer_client(owner)
    assert [client.get("/api/resumes/").status_code for _ in range(3)] == [200] * 3
    clock[0] += 20
    refused = client.get("/api/resumes/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 40  # the window opened by the first request
    clock[0] += 41
    assert client.get("/api/resumes/").status_code == 200


def test_each_client_has_its_own_window(owner, other_user, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "user": "2/hour"}
    first, second = bearer_client(owner), bearer_client(other_user)
    assert [first.get("/api/resumes/").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/resumes/").status_code == 200


def test_on_redis_the_counter_is_one_expiring_integer(settings, own_redis, owner):  # noqa: F811
    _, url = own_redis
    resilient_redis(settings, url)
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "user": "50/hour"}
    client = bearer_client(owner)
    statuses = [client.get("/api/resumes/").status_code for _ in range(52)]
    assert statuses == [200] * 50 + [429] * 2
    refused = client.get("/api/resumes/")
    assert 3500 < int(refused["Retry-After"]) <= 3600

    import redis

    server = redis.Redis.from_url(url)
    (key,) = server.keys("*throttle_user_*")
    assert server.get(key) == b"53"  # a counter, not a pickled list of 53 timestamps
    assert 3500 < server.ttl(key) <= 3600


def test_window_hit_on_redis_counts_and_reports_the_time_left(settings, own_redis):  # noqa: F811
    _, url = own_redis
    resilient_redis(settings, url)
    cache = caches["default"]
    assert [window_hit(cache, "w", seconds=30)[0] for _ in range(3)] == [1, 2, 3]
    hits, left = window_hit(cache, "w", seconds=30)
    assert hits == 4 and 28 < left <= 30
    assert cache.get("w") == 4


def test_window_hit_is_one_command_a_hit(settings, own_redis):  # noqa: F811
    _, url = own_redis
    resilient_redis(settings, url)
    import redis

    server = redis.Redis.from_url(url)
    cache = caches["default"]
    window_hit(cache, "w", seconds=30)  # loads the script
    server.config_resetstat()
    for _ in range(5):
        window_hit(cache, "w", seconds=30)
    stats = server.info("commandstats")
    assert stats["cmdstat_evalsha"]["calls"] == 5
    assert "cmdstat_multi" not in stats and "cmdstat_exec" not in stats


def test_window_hit_survives_a_flushed_script_cache_and_a_counter_without_expiry(settings, own_redis):  # noqa: F811
    _, url = own_redis
    resilient_redis(settings, url)
    import redis

    server = redis.Redis.from_url(url)
    cache = caches["default"]
    assert window_hit(cache, "w", seconds=30)[0] == 1
    server.script_flush()  # e.g. Redis restarted: the script is loaded again
    assert window_hit(cache, "w", seconds=30)[0] == 2
    key = cache.make_key("w")
    server.persist(key)  # a counter an older release left without a window
    hits, left = window_hit(cache, "w", seconds=30)
    assert hits == 3 and left == 30.0
    assert 28 < server.ttl(key) <= 30


def test_window_hit_lets_requests_through_while_redis_is_down(settings, own_redis):  # noqa: F811
    proc, url = own_redis
    resilient_redis(settings, url)
    proc.kill()
    proc.wait()
    assert window_hit(caches["default"], "w", seconds=30) == (1, 30.0)


def test_every_thread_shares_one_redis_client(settings, own_redis):  # noqa: F811
    _, url = own_redis
    resilient_redis(settings, url)
    clients = []

    def use_cache():
        cache = caches["default"]
        cache.set("k", "v")
        clients.append(cache._cache.get_client("k"))

    threads = [threading.Thread(target=use_cache) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(clients) == 4 and all(client is clients[0] for client in clients)
