"""Limits and switches of the artifact app, read from settings or the environment.

Every value can be overridden in Django settings (tests use ``override_settings``) or by the
environment variable of the same name."""

from cvplatform.conf import setting


def file_max_bytes() -> int:
    """Largest file an artifact accepts (readable documents are parsed up to UPLOAD_MAX_BYTES)."""
    return setting("ARTIFACT_FILE_MAX_BYTES", 10 * 1024 * 1024)


def files_per_artifact() -> int:
    """Files one artifact may hold."""
    return setting("ARTIFACT_MAX_FILES", 20)


def bytes_per_artifact() -> int:
    """The sum of the sizes of one artifact's files."""
    return setting("ARTIFACT_MAX_TOTAL_BYTES", 50 * 1024 * 1024)


def files_per_request() -> int:
    """Files one upload request may carry (a bulk upload included)."""
    return setting("ARTIFACT_UPLOAD_MAX_FILES", 20)


def artifacts_per_bulk_upload() -> int:
    return setting("ARTIFACT_BULK_MAX_ARTIFACTS", 50)


def links_per_artifact() -> int:
    return setting("ARTIFACT_MAX_EVIDENCE_LINKS", 50)


def link_checks_enabled() -> bool:
    """Whether saving a link sends a check job (off in tests: they never leave the machine)."""
    return setting("ARTIFACT_LINK_CHECKS", True)


def link_check_timeout_seconds() -> float:
    """Connect and read timeout of each request of a link check."""
    return setting("ARTIFACT_LINK_CHECK_TIMEOUT_SECONDS", 5.0)


def link_check_max_redirects() -> int:
    return setting("ARTIFACT_LINK_CHECK_MAX_REDIRECTS", 3)


def link_check_allow_loopback() -> bool:
    """Test-only: lets a link check reach 127.0.0.0/8 and ::1, where the tests' HTTP server
    listens. Never set in production; private, link-local and metadata addresses stay refused."""
    return setting("ARTIFACT_LINK_CHECK_ALLOW_LOOPBACK", False)


def link_revalidate_hours() -> int:
    """A link last checked longer ago than this is checked again by the beat."""
    return setting("ARTIFACT_LINK_REVALIDATE_HOURS", 24)


def link_revalidate_batch() -> int:
    """Links the beat sends checks for in one run."""
    return setting("ARTIFACT_LINK_REVALIDATE_BATCH", 200)
