"""ResuMate (/api/…/ with trailing slashes): JWT Bearer, some anonymous endpoints, DRF error
bodies, ``{"error"}`` for AI-service failures, plain JSON arrays."""

from rest_framework.authentication import SessionAuthentication

from cvplatform.api.authentication import JWTAuthentication
from cvplatform.api.base import DETAIL_SCHEMA, FIELD_ERRORS_SCHEMA, Surface, SurfaceAPIView, SurfaceViewSet
from cvplatform.api.errors import Problem
from cvplatform.api.throttles import AnonThrottle, UserThrottle


class ResuMateSurface(Surface):
    name = "resumate"
    authentication_classes = [JWTAuthentication, SessionAuthentication]
    throttle_classes = [AnonThrottle, UserThrottle]

    def error_body(self, problem: Problem):
        if problem.is_validation:
            return problem.drf_detail, problem.status
        if problem.status == 503:
            return {"error": problem.message}, problem.status
        return {"detail": problem.message}, problem.status

    def error_schema(self, status_code: int) -> dict:
        if status_code == 400:
            return {"anyOf": [DETAIL_SCHEMA, FIELD_ERRORS_SCHEMA]}
        if status_code == 503:
            return {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        return DETAIL_SCHEMA


RESUMATE = ResuMateSurface()


class ResuMateAPIView(SurfaceAPIView):
    surface = RESUMATE


class ResuMateViewSet(SurfaceViewSet):
    surface = RESUMATE
