"""Monthly optimisation allowances per subscription tier, read from settings or the environment.

A negative value means unlimited. Defaults follow the Resume Optimizer document: free 3, pro
1000, enterprise unlimited.
"""

from cvplatform.conf import setting

_DEFAULTS = {"free": 3, "pro": 1000, "enterprise": -1}


def optimization_limit(tier: str) -> int | None:
    """The tier's monthly allowance, or None for unlimited."""
    name = f"OPTIMIZATION_LIMIT_{(tier or 'free').upper()}"
    value = setting(name, _DEFAULTS.get(tier, _DEFAULTS["free"]))
    return None if value < 0 else value


def chat_max_message_chars() -> int:
    """The longest ``chat`` message (``CHAT_MAX_MESSAGE_CHARS``, default 4000)."""
    return setting("CHAT_MAX_MESSAGE_CHARS", 4000)


def chat_max_frame_chars() -> int:
    """The largest WebSocket frame a chat accepts (``CHAT_MAX_FRAME_CHARS``, default 200 000:
    a pasted resume)."""
    return setting("CHAT_MAX_FRAME_CHARS", 200_000)


def generation_limit(tier: str) -> int | None:
    """The tier's monthly allowance of CV Tailor generations (``GENERATION_LIMIT_<TIER>``), or
    None for unlimited. CV Tailor's plans define none, so every tier defaults to unlimited; a
    deployment that sells plans sets them (a negative value is unlimited too)."""
    value = setting(f"GENERATION_LIMIT_{(tier or 'free').upper()}", -1)
    return None if value is None or value < 0 else value


def generation_remote_attempts() -> int:
    """How many attempts of a generation wait for the configured remote models when they are
    down or busy (a timeout, a 5xx, a rate limit), each retried with the job's backoff, before
    the builtin engine writes instead (``GENERATION_REMOTE_ATTEMPTS``, default 3; 1 lets the
    builtin engine answer at once)."""
    return max(1, int(setting("GENERATION_REMOTE_ATTEMPTS", 3)))
