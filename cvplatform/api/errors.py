"""Turn any exception a view may raise into one neutral ``Problem``.

Every surface's exception handler starts from ``problem_from_exception`` and only decides
how the problem is written out, so status codes and messages agree across surfaces.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.serializers import as_serializer_error

from cvplatform.exceptions import ApplicationError


@dataclass
class Problem:
    status: int
    message: str
    code: str
    fields: dict[str, list[str]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # The raw DRF detail, for surfaces that answer DRF's own default body.
    drf_detail: object = None
    extra: dict = field(default_factory=dict)

    @property
    def is_validation(self) -> bool:
        return self.fields is not None


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        out: list[str] = []
        for value in detail.values():
            out.extend(_flatten(value))
        return out
    if isinstance(detail, list):
        out = []
        for item in detail:
            out.extend(_flatten(item))
        return out
    return [str(detail)]


def _field_errors(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    return {"non_field_errors": _flatten(detail)}


def _validation_message(fields: dict[str, list[str]]) -> str:
    parts = []
    for name, messages in fields.items():
        text = " ".join(messages)
        parts.append(text if name == "non_field_errors" else f"{name}: {text}")
    return "; ".join(parts) or "Invalid request."


def problem_from_exception(exc: Exception) -> Problem | None:
    """A ``Problem`` for every expected exception; None for a real bug (it becomes a 500)."""
    if isinstance(exc, ApplicationError):
        return Problem(
            status=exc.status_code,
            message=exc.message,
            code=exc.code,
            fields=exc.fields,
            headers=dict(exc.headers),
            drf_detail=exc.fields or exc.message,
            extra=exc.extra,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    if not isinstance(exc, exceptions.APIException):
        return None

    headers: dict[str, str] = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        fields = _field_errors(exc.detail)
        return Problem(
            status=status.HTTP_400_BAD_REQUEST,
            message=_validation_message(fields),
            code="validation_error",
            fields=fields,
            headers=headers,
            drf_detail=exc.detail,
        )
    codes = exc.get_codes()
    code = codes if isinstance(codes, str) else exc.default_code
    detail = exc.detail
    if isinstance(detail, dict) and "detail" in detail:
        # simplejwt nests its message with per-token-class diagnostics: keep the message.
        code = str(detail.get("code", code))
        detail = detail["detail"]
    return Problem(
        status=exc.status_code,
        message=" ".join(_flatten(detail)),
        code=str(code),
        headers=headers,
        drf_detail=exc.detail,
    )


STATUS_TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Permission denied",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Validation error",
    429: "Too many requests",
    500: "Server error",
    503: "Service unavailable",
}


def status_title(status_code: int) -> str:
    return STATUS_TITLES.get(status_code, "Error")
