"""The one exception services raise for business-rule failures.

Each API surface's exception handler turns it into that surface's documented error body.
"""


class ApplicationError(Exception):
    status_code = 400
    default_code = "invalid_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        fields: dict[str, list[str]] | None = None,
        extra: dict | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        if status_code is not None:
            self.status_code = status_code
        self.fields = fields
        self.extra = extra or {}
        # HTTP headers the answer carries (``Retry-After``); every surface writes them out.
        self.headers = dict(headers or {})


class NotFoundError(ApplicationError):
    status_code = 404
    default_code = "not_found"


class ConflictError(ApplicationError):
    status_code = 409
    default_code = "conflict"


class QuotaExceeded(ApplicationError):
    status_code = 429
    default_code = "quota_exceeded"


class ServiceUnavailable(ApplicationError):
    status_code = 503
    default_code = "service_unavailable"

    def __init__(self, message: str, *, retry_after: int | None = None, **kwargs) -> None:
        super().__init__(message, **kwargs)
        if retry_after is not None:
            self.headers.setdefault("Retry-After", str(int(retry_after)))
