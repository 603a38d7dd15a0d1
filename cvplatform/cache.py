"""A Redis cache that degrades instead of failing requests when Redis is unreachable.

The cache holds throttle counters, circuit-breaker state and other soft state. Losing it for
a while must not turn every request into a 500: reads miss, writes are dropped, and a warning
is logged. ``/healthz`` still reports the outage (its probe write does not read back).
After a failure Redis is not retried for a few seconds, so an outage costs each request
nothing instead of a connection timeout per cache call.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
RETRY_AFTER_SECONDS = 5.0


# When each Redis server (by its URL) may be tried again; shared by every thread's cache object.
_down_until: dict[str, float] = {}


def outage_forget(location: str | None = None) -> None:
    """Forget a recorded outage (all of them without ``location``)."""
    if location is None:
        _down_until.clear()
    else:
        _down_until.pop(location, None)


def _options(timeout, version) -> dict:
    # ``...`` means "not given": the backend's default timeout applies, as in Django's own API.
    return {"version": version} if timeout is ... else {"timeout": timeout, "version": version}


class ResilientRedisCache(RedisCache):
    def _call(self, operation, default, *args, **kwargs):
        location = str(self._servers)
        if time.monotonic() < _down_until.get(location, 0.0):
            return default
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except OUTAGE_ERRORS as exc:
            _down_until[location] = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("cache unavailable (%s); continuing without it", exc)
            return default

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=..., version=None):
        return self._call("set", None, key, value, **_options(timeout, version))

    def add(self, key, value, timeout=..., version=None):
        return self._call("add", False, key, value, **_options(timeout, version))

    def set_many(self, data, timeout=..., version=None):
        return self._call("set_many", list(data), data, **_options(timeout, version))

    def touch(self, key, timeout=..., version=None):
        return self._call("touch", False, key, **_options(timeout, version))

    def incr(self, key, delta=1, version=None):
        # As if the counter had just been created: a throttle or breaker starts afresh.
        return self._call("incr", delta, key, delta, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
