"""``GET /healthz``: is every configured backing service answering?"""

import threading
import time

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

CHECK_TIMEOUT_SECONDS = 2


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = "healthz:probe"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")


# One pooled client per broker URL for the process: a probe every few seconds from each load
# balancer would otherwise open (and tear down) a TCP connection to Redis per call. A pooled
# connection the server dropped is noticed when it is taken from the pool and replaced, so a
# restarted Redis reads as up again on the next probe.
_brokers: dict[str, redis.Redis] = {}
_brokers_lock = threading.Lock()


def _broker_client(url: str) -> redis.Redis:
    with _brokers_lock:
        if url not in _brokers:
            _brokers[url] = redis.Redis.from_url(
                url,
                socket_connect_timeout=CHECK_TIMEOUT_SECONDS,
                socket_timeout=CHECK_TIMEOUT_SECONDS,
            )
        return _brokers[url]


def _check_broker() -> None:
    _broker_client(settings.CELERY_BROKER_URL).ping()


def _checks() -> dict:
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        checks["broker"] = _check_broker
    return checks


def _backend_names() -> dict[str, str]:
    return {
        "database": connection.vendor,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "broker": "redis" if not settings.CELERY_TASK_ALWAYS_EAGER else "in-process",
    }


@never_cache
@require_GET
def healthz(request):
    names = _backend_names()
    components: dict[str, dict] = {}
    failing: list[str] = []
    for name, check in _checks().items():
        started = time.perf_counter()
        try:
            check()
        except Exception as exc:  # any failure means "down"; the body says which and why
            components[name] = {"status": "down", "backend": names[name], "error": str(exc)[:300]}
            failing.append(name)
        else:
            elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
            components[name] = {"status": "ok", "backend": names[name], "latency_ms": elapsed_ms}
    if "broker" not in components:
        components["broker"] = {"status": "ok", "backend": names["broker"], "note": "jobs run in-process"}
    body = {"status": "ok" if not failing else "down", "components": components}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
