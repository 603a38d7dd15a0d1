"""ResuMate (/api/…/ with trailing slashes): JWT Bearer, some anonymous endpoints, DRF error
bodies, ``{"error"}`` for AI-service failures, plain JSON arrays."""

from rest_framework.authentication import SessionAuthentication

from cvplatform.api.authentication import JWTAuthentication
from cvplatform.api.base import Surface, SurfaceAPIView, SurfaceViewSet
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


RESUMATE = ResuMateSurface()


class ResuMateAPIView(SurfaceAPIView):
    surface = RESUMATE


class ResuMateViewSet(SurfaceViewSet):
    surface = RESUMATE
