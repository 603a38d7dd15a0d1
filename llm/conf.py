"""The AI engine's settings: each read from ``django.conf.settings`` first, then the environment.

Reading at call time (not import time) lets operators and tests change them without a restart.
"""

from cvplatform.conf import setting


def timeout_seconds() -> float:
    """Per provider request; the SDK defaults (10 minutes) would pin a worker."""
    return setting("LLM_TIMEOUT_SECONDS", 30.0)


def max_retries() -> int:
    """SDK-level retries per call; the router's failover does the rest, so keep it low."""
    return setting("LLM_MAX_RETRIES", 1)


def breaker_threshold() -> int:
    """Consecutive failures that open a model's circuit breaker."""
    return setting("LLM_BREAKER_THRESHOLD", 3)


def breaker_cooldown_seconds() -> int:
    """How long an open breaker stays open before one trial call is let through."""
    return setting("LLM_BREAKER_COOLDOWN_SECONDS", 60)


def embedding_dims() -> int:
    """Size of the builtin engine's hashed text embedding."""
    return setting("LLM_EMBEDDING_DIMS", 256)


def embedding_model() -> str:
    """Display name of the AIModel used for embeddings; empty: the builtin embedder."""
    return setting("LLM_EMBEDDING_MODEL", "")


def metrics_window_hours() -> int:
    """Default look-back window of the performance and stats endpoints."""
    return setting("LLM_METRICS_WINDOW_HOURS", 24)
