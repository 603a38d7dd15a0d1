"""Parser settings, read from the environment (django-environ) with Django-setting overrides.

- ``CV_PARSE_MAX_PAGES`` (default 30): pages of a PDF that are read; a CV longer than that
  is parsed from its first pages and gets a warning, so one huge upload cannot hog a worker.
- ``CV_PARSE_MAX_CHARS`` (default 300000): characters of a text, Markdown or LaTeX file that
  are read, for the same reason (a long CV has some 20,000).
"""

from __future__ import annotations

import environ
from django.conf import settings

_env = environ.Env()


def max_pages() -> int:
    value = getattr(settings, "CV_PARSE_MAX_PAGES", None)
    if value is None:
        value = _env.int("CV_PARSE_MAX_PAGES", default=30)
    return max(1, int(value))


def max_chars() -> int:
    value = getattr(settings, "CV_PARSE_MAX_CHARS", None)
    if value is None:
        value = _env.int("CV_PARSE_MAX_CHARS", default=300_000)
    return max(1000, int(value))
