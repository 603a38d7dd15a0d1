"""Parser settings: environment variables, which the host application may override.

- ``CV_PARSE_MAX_PAGES`` (default 30): pages of a PDF that are read; a CV longer than that
  is parsed from its first pages and gets a warning, so one huge upload cannot hog a worker.
- ``CV_PARSE_OCR`` (default ``auto``): ``auto`` reads PDFs that have no text layer with
  Tesseract when the ``tesseract`` binary is installed; ``off`` answers them with the
  ``no_text_layer`` error instead.
- ``CV_PARSE_OCR_LANGS`` (default ``eng``): Tesseract languages, e.g. ``eng+deu+fra`` (each
  needs its ``tesseract-ocr-<lang>`` package).
- ``CV_PARSE_MAX_CHARS`` (default 300000): characters of a text, Markdown or LaTeX file that
  are read, for the same reason (a long CV has some 20,000).
- ``CV_DOCX_MAX_MEMBERS`` (default 1000) and ``CV_DOCX_MAX_UNCOMPRESSED_BYTES`` (default 50 MB):
  the zip guards, shared by DOCX files and zipped LaTeX projects.

The engine imports no web framework: the resumes app hands it its settings once at start-up
(``use_settings``), so a value in Django settings (or a test's ``settings`` fixture) wins over
the environment, as everywhere else in the platform.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any


def _no_overrides(name: str) -> Any:
    return None


_setting: Callable[[str], Any] = _no_overrides


def use_settings(lookup: Callable[[str], Any] | None) -> None:
    """Read overrides through ``lookup(name)`` (None: no value there); None removes the hook."""
    global _setting
    _setting = lookup or _no_overrides


def _raw(name: str, default: Any) -> Any:
    value = _setting(name)
    if value is None or value == "":
        value = os.environ.get(name) or default
    return value


def _int(name: str, default: int) -> int:
    return int(_raw(name, default))


def max_pages() -> int:
    return max(1, _int("CV_PARSE_MAX_PAGES", 30))


def max_chars() -> int:
    return max(1000, _int("CV_PARSE_MAX_CHARS", 300_000))


def ocr_mode() -> str:
    value = _raw("CV_PARSE_OCR", "auto")
    return "off" if str(value).strip().lower() in ("off", "0", "false", "no") else "auto"


def ocr_languages() -> str:
    value = _raw("CV_PARSE_OCR_LANGS", "eng")
    return "".join(c for c in str(value) if c.isalnum() or c in "+_") or "eng"


def archive_max_members() -> int:
    """Members a zipped upload (a DOCX, a LaTeX project) may hold: ``CV_DOCX_MAX_MEMBERS``."""
    return max(1, _int("CV_DOCX_MAX_MEMBERS", 1000))


def archive_max_bytes() -> int:
    """Sum of the uncompressed sizes its directory may declare: ``CV_DOCX_MAX_UNCOMPRESSED_BYTES``."""
    return max(1, _int("CV_DOCX_MAX_UNCOMPRESSED_BYTES", 50 * 1024 * 1024))
