"""The one reader of tunable settings every app's ``conf`` module goes through.

A value comes from ``django.conf.settings`` when it is set there (tests use
``override_settings``), else from the environment variable of the same name, else the
default. It is read at call time, not import time, so operators and tests can change it
without a restart, and it is cast to the type of the default: ``setting("X", 20.0)`` is
always a float, whichever of the three it came from.
"""

from typing import TypeVar

import environ
from django.conf import settings

_T = TypeVar("_T", str, int, float, bool)
_env = environ.Env()


def setting(name: str, default: _T) -> _T:
    cast = type(default)
    value = getattr(settings, name, None)
    if value is None:
        value = _env.get_value(name, cast=cast, default=default)
    if isinstance(value, str) and cast is not str:
        # "true"/"off", "20" — the forms an environment variable or a settings string take.
        return environ.Env.parse_value(value, cast)
    return cast(value)
