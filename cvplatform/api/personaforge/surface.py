"""PersonaForge (/pf/): JWT Bearer, ``{"error": {"code": "ERR_…", "message"}}`` errors, plain
JSON arrays, and — as its document says — 200 OK for every success, creates included."""

from rest_framework.authentication import SessionAuthentication

from cvplatform.api.authentication import JWTAuthentication
from cvplatform.api.base import Surface, SurfaceAPIView, SurfaceViewSet
from cvplatform.api.errors import Problem
from cvplatform.api.throttles import AnonThrottle, UserThrottle

_CODES_BY_STATUS = {
    400: "ERR_INVALID_REQUEST",
    401: "ERR_UNAUTHORIZED",
    403: "ERR_FORBIDDEN",
    404: "ERR_NOT_FOUND",
    405: "ERR_METHOD_NOT_ALLOWED",
    406: "ERR_NOT_ACCEPTABLE",
    409: "ERR_CONFLICT",
    413: "ERR_PAYLOAD_TOO_LARGE",
    415: "ERR_UNSUPPORTED_MEDIA_TYPE",
    429: "ERR_RATE_LIMITED",
    503: "ERR_SERVICE_UNAVAILABLE",
}
# Codes our services raise that deserve their own ERR_ name rather than the status's.
_SPECIFIC_CODES = {"account_locked", "quota_exceeded", "unsupported_file", "file_too_large"}


def personaforge_code(problem: Problem) -> str:
    if problem.code in _SPECIFIC_CODES:
        return f"ERR_{problem.code.upper()}"
    return _CODES_BY_STATUS.get(problem.status, "ERR_INTERNAL")


class PersonaForgeSurface(Surface):
    name = "personaforge"
    authentication_classes = [JWTAuthentication, SessionAuthentication]
    throttle_classes = [AnonThrottle, UserThrottle]

    def error_body(self, problem: Problem):
        message = problem.message
        if problem.is_validation:
            name, messages = next(iter(problem.fields.items()))
            if name != "non_field_errors":
                message = f"Invalid or missing parameter '{name}': {' '.join(messages)}"
        error = {"code": personaforge_code(problem), "message": message}
        if problem.is_validation:
            error["fields"] = problem.fields
        return {"error": error}, problem.status

    def error_schema(self, status_code: int) -> dict:
        error = {
            "type": "object",
            "properties": {
                "code": {"type": "string", "example": _CODES_BY_STATUS.get(status_code, "ERR_INTERNAL")},
                "message": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            "required": ["code", "message"],
        }
        return {"type": "object", "properties": {"error": error}, "required": ["error"]}


PERSONAFORGE = PersonaForgeSurface()


class PersonaForgeAPIView(SurfaceAPIView):
    surface = PERSONAFORGE


class PersonaForgeViewSet(SurfaceViewSet):
    surface = PERSONAFORGE
