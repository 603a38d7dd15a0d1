"""CV Tailor (/api/v1/…/ with trailing slashes): JWT Bearer, ``{error, detail, code, fields}``
errors, ``{count, next, previous, results}`` lists."""

from rest_framework.authentication import SessionAuthentication

from cvplatform.api.authentication import JWTAuthentication
from cvplatform.api.base import Surface, SurfaceAPIView, SurfaceViewSet
from cvplatform.api.errors import Problem, status_title
from cvplatform.api.pagination import EnvelopePagination
from cvplatform.api.throttles import AnonThrottle, ScopedUserThrottle, UserThrottle


class CVTailorSurface(Surface):
    name = "cvtailor"
    authentication_classes = [JWTAuthentication, SessionAuthentication]
    pagination_class = EnvelopePagination
    throttle_classes = [AnonThrottle, UserThrottle, ScopedUserThrottle]

    def error_body(self, problem: Problem):
        error = "Validation failed" if problem.is_validation else status_title(problem.status)
        body = {
            "error": error,
            "detail": problem.message,
            "code": problem.code,
            "fields": problem.fields,
        }
        body.update(problem.extra)
        return body, problem.status

    def error_schema(self, status_code: int) -> dict:
        return {
            "type": "object",
            "properties": {
                "error": {"type": "string"},
                "detail": {"type": "string"},
                "code": {"type": "string"},
                "fields": {
                    "type": "object",
                    "nullable": True,
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            "required": ["error", "detail", "code", "fields"],
        }


CV_TAILOR = CVTailorSurface()


class CVTailorAPIView(SurfaceAPIView):
    surface = CV_TAILOR


class CVTailorViewSet(SurfaceViewSet):
    surface = CV_TAILOR
