"""Monthly optimisation allowances per subscription tier, read from settings or the environment.

A negative value means unlimited. Defaults follow the Resume Optimizer document: free 3, pro
1000, enterprise unlimited.
"""

import environ
from django.conf import settings

_env = environ.Env()

_DEFAULTS = {"free": 3, "pro": 1000, "enterprise": -1}


def optimization_limit(tier: str) -> int | None:
    """The tier's monthly allowance, or None for unlimited."""
    name = f"OPTIMIZATION_LIMIT_{(tier or 'free').upper()}"
    value = getattr(settings, name, None)
    if value is None:
        value = _env.int(name, default=_DEFAULTS.get(tier, _DEFAULTS["free"]))
    value = int(value)
    return None if value < 0 else value
