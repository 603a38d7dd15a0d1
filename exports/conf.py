"""Export and LaTeX-sandbox limits, read from Django settings or the environment.

Every value has a safe default so the embedded default needs no configuration; tests use
``override_settings`` with the same names.
"""

from cvplatform.conf import setting


def job_wait_seconds() -> float:
    """How long the synchronous CV Genius endpoints wait for their render job."""
    return setting("EXPORT_JOB_WAIT_SECONDS", 60.0)


def latex_engine() -> str:
    """``auto`` (pdflatex when installed, else pandoc+typst), ``pdflatex``, ``xelatex`` or ``pandoc``."""
    return setting("LATEX_ENGINE", "auto")


def latex_timeout() -> float:
    """Wall-clock seconds one untrusted LaTeX (or pandoc) run may take."""
    return setting("LATEX_TIMEOUT_SECONDS", 20.0)


def latex_cpu_seconds() -> int:
    # A CV takes pdflatex well under a second of CPU; a loop should end in seconds, not 15.
    return setting("LATEX_CPU_SECONDS", 5)


def latex_memory_bytes() -> int:
    return setting("LATEX_MEMORY_MB", 768) * 1024 * 1024


def latex_max_output_bytes() -> int:
    """Largest file the TeX engine may write (the PDF, the log)."""
    return setting("LATEX_MAX_OUTPUT_MB", 20) * 1024 * 1024


def latex_max_input_bytes() -> int:
    return setting("LATEX_MAX_INPUT_BYTES", 512 * 1024)


def font_paths() -> list[str]:
    """Folders Typst searches for fonts besides its embedded ones (Debian's font packages)."""
    raw = setting("EXPORT_FONT_PATHS", "/usr/share/fonts")
    return [p for p in raw.split(":") if p]
