"""Export and LaTeX-sandbox limits, read from Django settings or the environment.

Every value has a safe default so the embedded default needs no configuration; tests use
``override_settings`` with the same names.
"""

import environ
from django.conf import settings

_env = environ.Env()


def _value(name: str, default, cast):
    value = getattr(settings, name, None)
    if value is not None:
        return cast(value)
    return cast(_env(name, default=default))


def download_link_max_age() -> int:
    """Seconds a signed export download link stays valid."""
    return _value("EXPORT_LINK_MAX_AGE", 900, int)


def job_wait_seconds() -> float:
    """How long the synchronous CV Genius endpoints wait for their render job."""
    return _value("EXPORT_JOB_WAIT_SECONDS", 60, float)


def latex_engine() -> str:
    """``auto`` (pdflatex when installed, else pandoc+typst), ``pdflatex``, ``xelatex`` or ``pandoc``."""
    return _value("LATEX_ENGINE", "auto", str)


def latex_timeout() -> float:
    """Wall-clock seconds one untrusted LaTeX (or pandoc) run may take."""
    return _value("LATEX_TIMEOUT_SECONDS", 20, float)


def latex_cpu_seconds() -> int:
    # A CV takes pdflatex well under a second of CPU; a loop should end in seconds, not 15.
    return _value("LATEX_CPU_SECONDS", 5, int)


def latex_memory_bytes() -> int:
    return _value("LATEX_MEMORY_MB", 768, int) * 1024 * 1024


def latex_max_output_bytes() -> int:
    """Largest file the TeX engine may write (the PDF, the log)."""
    return _value("LATEX_MAX_OUTPUT_MB", 20, int) * 1024 * 1024


def latex_max_input_bytes() -> int:
    return _value("LATEX_MAX_INPUT_BYTES", 512 * 1024, int)


def font_paths() -> list[str]:
    """Folders Typst searches for fonts besides its embedded ones (Debian's font packages)."""
    raw = _value("EXPORT_FONT_PATHS", "/usr/share/fonts", str)
    return [p for p in raw.split(":") if p]
