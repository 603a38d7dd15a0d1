"""Upload and parsing limits, read from the environment with safe defaults.

Every value can be overridden in Django settings (tests use ``override_settings``) or by the
environment variable of the same name.
"""

from cvplatform.conf import setting


def _int(name: str, default: int) -> int:
    # resumes/ingest/conf.py reads its page and character limits through this name.
    return setting(name, int(default))


def upload_max_bytes() -> int:
    """Largest accepted upload (settings already define UPLOAD_MAX_BYTES, 10 MB)."""
    return setting("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def inline_parse_max_bytes() -> int:
    """Files up to this size are parsed during the request; larger ones become a job."""
    return setting("CV_INLINE_PARSE_MAX_BYTES", 1024 * 1024)


def docx_max_uncompressed_bytes() -> int:
    """Sum of the uncompressed sizes a DOCX's zip directory may declare."""
    return setting("CV_DOCX_MAX_UNCOMPRESSED_BYTES", 50 * 1024 * 1024)


def docx_max_members() -> int:
    """Members a DOCX zip may hold (a real CV has a few dozen)."""
    return setting("CV_DOCX_MAX_MEMBERS", 1000)


def pdf_max_pages() -> int:
    """Pages a CV PDF may have; more is a hostile or mistaken upload."""
    return setting("CV_PDF_MAX_PAGES", 50)


def parse_timeout_seconds() -> float:
    """Wall-clock limit of one sandboxed parse."""
    return setting("CV_PARSE_TIMEOUT_SECONDS", 20.0)


def parse_cpu_seconds() -> int:
    """CPU-time limit (RLIMIT_CPU) of one sandboxed parse."""
    return setting("CV_PARSE_CPU_SECONDS", 15)


def parse_memory_bytes() -> int:
    """Address space a sandboxed parse may add on top of what the process already maps."""
    return setting("CV_PARSE_MEMORY_BYTES", 512 * 1024 * 1024)
