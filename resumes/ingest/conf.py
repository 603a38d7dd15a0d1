"""Parser settings, read from the environment (django-environ) with Django-setting overrides.

- ``CV_PARSE_MAX_PAGES`` (default 30): pages of a PDF that are read; a CV longer than that
  is parsed from its first pages and gets a warning, so one huge upload cannot hog a worker.
- ``CV_PARSE_OCR`` (default ``auto``): ``auto`` reads PDFs that have no text layer with
  Tesseract when the ``tesseract`` binary is installed; ``off`` answers them with the
  ``no_text_layer`` error instead.
- ``CV_PARSE_OCR_LANGS`` (default ``eng``): Tesseract languages, e.g. ``eng+deu+fra`` (each
  needs its ``tesseract-ocr-<lang>`` package).
- ``CV_PARSE_MAX_CHARS`` (default 300000): characters of a text, Markdown or LaTeX file that
  are read, for the same reason (a long CV has some 20,000).
"""

from __future__ import annotations

import environ
from django.conf import settings

from ..conf import _int

_env = environ.Env()


def max_pages() -> int:
    return max(1, _int("CV_PARSE_MAX_PAGES", 30))


def max_chars() -> int:
    return max(1000, _int("CV_PARSE_MAX_CHARS", 300_000))


def ocr_mode() -> str:
    value = getattr(settings, "CV_PARSE_OCR", None) or _env.str("CV_PARSE_OCR", default="auto")
    return "off" if str(value).strip().lower() in ("off", "0", "false", "no") else "auto"


def ocr_languages() -> str:
    value = getattr(settings, "CV_PARSE_OCR_LANGS", None) or _env.str("CV_PARSE_OCR_LANGS", default="eng")
    return "".join(c for c in str(value) if c.isalnum() or c in "+_") or "eng"
