"""A Redis cache that degrades instead of failing requests when Redis is unreachable.

The cache holds throttle counters, circuit-breaker state and other soft state. Losing it for
a while must not turn every request into a 500: reads miss, writes are dropped, and a warning
is logged. ``/healthz`` still reports the outage (its probe write does not read back).
After a failure Redis is not retried for a few seconds, so an outage costs each request
nothing instead of a connection timeout per cache call.

Every thread's cache object of one server shares one Redis client, and so one connection
pool, per process: Django's own backend builds a client per call and a pool per thread.
Counters (throttles) are Redis integers in a window that expires: one command a hit, a
server-side script (``window_hit``).
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
RETRY_AFTER_SECONDS = 5.0


# When each Redis server (by its URL) may be tried again; shared by every thread's cache object.
_down_until: dict[str, float] = {}

# One hit on a fixed window: count it, and open the window (its expiry) on the first hit, or
# on a counter that somehow has none (a key left by an older release). One EVALSHA a request
# instead of MULTI/SET NX/INCR/PTTL/EXEC: a fifth of the commands Redis parses and answers,
# and of the replies the web process decodes.
WINDOW_HIT_SCRIPT = """
local hits = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    left = tonumber(ARGV[1])
end
return {hits, left}
"""


def outage_forget(location: str | None = None) -> None:
    """Forget a recorded outage (all of them without ``location``)."""
    if location is None:
        _down_until.clear()
    else:
        _down_until.pop(location, None)


def _options(timeout, version) -> dict:
    # ``...`` means "not given": the backend's default timeout applies, as in Django's own API.
    return {"version": version} if timeout is ... else {"timeout": timeout, "version": version}


class SharedRedisCacheClient(RedisCacheClient):
    """Django's Redis client with one ``redis.Redis`` (thread-safe, pooled) per server,
    made once, instead of a new one on every call."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._scripts: dict[int, object] = {}
        self._lock = threading.Lock()

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            with self._lock:
                client = self._clients.get(index)
                if client is None:
                    pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
                    client = self._clients[index] = self._client(connection_pool=pool)
        return client

    def window_hit(self, key: str, seconds: int) -> tuple[int, float]:
        index = self._get_connection_pool_index(True)
        script = self._scripts.get(index)
        if script is None:
            # redis-py's Script sends EVALSHA and loads the script again when Redis lost it.
            client = self.get_client(key, write=True)
            script = self._scripts[index] = client.register_script(WINDOW_HIT_SCRIPT)
        hits, left_ms = script(keys=[key], args=[seconds * 1000])
        return hits, (left_ms / 1000 if left_ms > 0 else float(seconds))


# One client per server list and options, for the whole process (redis-py pools notice a
# fork and reconnect in the child, so gunicorn's preloaded workers do not share sockets).
_clients: dict[tuple, SharedRedisCacheClient] = {}
_clients_lock = threading.Lock()


def _shared_client(servers: list[str], options: dict) -> SharedRedisCacheClient:
    key = (tuple(servers), repr(sorted(options.items())))
    with _clients_lock:
        if key not in _clients:
            _clients[key] = SharedRedisCacheClient(servers, **options)
        return _clients[key]


def window_hit(cache, key: str, *, seconds: int) -> tuple[int, float]:
    """Count a hit on ``key`` in a window of ``seconds`` that its first hit opens: the hits so
    far (this one included) and the seconds until the window closes.

    On Redis one atomic round trip (``ResilientRedisCache.window_hit``); on any other cache
    (local memory in the embedded default) a (hits, closes_at) pair read and written back.
    """
    if hasattr(cache, "window_hit"):
        return cache.window_hit(key, seconds)
    now = time.time()
    hits, closes_at = cache.get(key) or (0, now + seconds)
    if closes_at <= now:
        hits, closes_at = 0, now + seconds
    hits += 1
    cache.set(key, (hits, closes_at), timeout=max(1, int(closes_at - now) + 1))
    return hits, closes_at - now


class ResilientRedisCache(RedisCache):
    @cached_property
    def _cache(self):
        return _shared_client(self._servers, self._options)

    def _guarded(self, default, function, *args, **kwargs):
        location = str(self._servers)
        if time.monotonic() < _down_until.get(location, 0.0):
            return default
        try:
            return function(*args, **kwargs)
        except OUTAGE_ERRORS as exc:
            _down_until[location] = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("cache unavailable (%s); continuing without it", exc)
            return default

    def _call(self, operation, default, *args, **kwargs):
        return self._guarded(default, getattr(super(), operation), *args, **kwargs)

    def window_hit(self, key: str, seconds: int, version=None) -> tuple[int, float]:
        # As if the window had just opened: a throttle lets the request through.
        return self._guarded((1, float(seconds)), self._window_hit, key, seconds, version)

    def _window_hit(self, key: str, seconds: int, version=None) -> tuple[int, float]:
        return self._cache.window_hit(self.make_and_validate_key(key, version=version), seconds)

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
