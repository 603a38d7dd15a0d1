"""The AI engine's settings: each read from ``django.conf.settings`` first, then the environment.

Reading at call time (not import time) lets operators and tests change them without a restart.
"""

import environ
from django.conf import settings

_env = environ.Env()


def _get(name: str, cast, default):
    if hasattr(settings, name):
        return cast(getattr(settings, name))
    return _env.get_value(name, cast=cast, default=default)


def timeout_seconds() -> float:
    """Per provider request; the SDK defaults (10 minutes) would pin a worker."""
    return _get("LLM_TIMEOUT_SECONDS", float, 30.0)


def max_retries() -> int:
    """SDK-level retries per call; the router's failover does the rest, so keep it low."""
    return _get("LLM_MAX_RETRIES", int, 1)


def breaker_threshold() -> int:
    """Consecutive failures that open a model's circuit breaker."""
    return _get("LLM_BREAKER_THRESHOLD", int, 3)


def breaker_cooldown_seconds() -> int:
    """How long an open breaker stays open before one trial call is let through."""
    return _get("LLM_BREAKER_COOLDOWN_SECONDS", int, 60)


def embedding_dims() -> int:
    """Size of the builtin engine's hashed text embedding."""
    return _get("LLM_EMBEDDING_DIMS", int, 256)


def embedding_model() -> str:
    """Display name of the AIModel used for embeddings; empty: the builtin embedder."""
    return _get("LLM_EMBEDDING_MODEL", str, "")


def metrics_window_hours() -> int:
    """Default look-back window of the performance and stats endpoints."""
    return _get("LLM_METRICS_WINDOW_HOURS", int, 24)
