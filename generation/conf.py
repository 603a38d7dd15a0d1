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
