"""Per-model circuit breaker whose state lives in Django's cache (Redis in production).

Every worker reads and writes the same keys, so one worker's failures protect the others:
closed → open after ``breaker_threshold`` consecutive failures → half-open after the
cool-down, when exactly one trial call is let through (an atomic ``cache.add``) → closed on
success, open again on failure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache

from . import conf

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"
# Long enough to outlive any cool-down; refreshed on every write.
_TTL = 7 * 24 * 3600


def _keys(model_id: int) -> tuple[str, str, str]:
    base = f"llm:breaker:{model_id}"
    return f"{base}:failures", f"{base}:opened_at", f"{base}:probe"


def cache_increment(key: str, *, timeout: int) -> int:
    """Add one to a cache counter, creating it with ``timeout``; the new count."""
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


@dataclass
class BreakerState:
    state: str
    failures: int
    opened_at: float | None
    retry_at: float | None


def breaker_state(*, model_id: int) -> BreakerState:
    failures_key, opened_key, _ = _keys(model_id)
    failures = cache.get(failures_key) or 0
    opened_at = cache.get(opened_key)
    if opened_at is None:
        return BreakerState(CLOSED, failures, None, None)
    retry_at = opened_at + conf.breaker_cooldown_seconds()
    state = HALF_OPEN if time.time() >= retry_at else OPEN
    return BreakerState(state, failures, opened_at, retry_at)


def breaker_allow(*, model_id: int) -> bool:
    """May a call go to this model now? In half-open, only the one worker that wins the probe."""
    current = breaker_state(model_id=model_id)
    if current.state == CLOSED:
        return True
    if current.state == OPEN:
        return False
    _, _, probe_key = _keys(model_id)
    # The probe key expires with the cool-down, so a worker that died mid-probe frees it.
    return cache.add(probe_key, 1, timeout=max(1, conf.breaker_cooldown_seconds()))


def breaker_record_success(*, model_id: int) -> None:
    cache.delete_many(list(_keys(model_id)))


def breaker_record_failure(*, model_id: int) -> None:
    failures_key, opened_key, probe_key = _keys(model_id)
    failures = cache_increment(failures_key, timeout=_TTL)
    was_probing = cache.get(opened_key) is not None
    if failures >= conf.breaker_threshold() or was_probing:
        # A failed trial call re-opens the breaker for a fresh cool-down.
        cache.set(opened_key, time.time(), timeout=_TTL)
        cache.delete(probe_key)


def breaker_reset(*, model_id: int) -> None:
    breaker_record_success(model_id=model_id)
