"""CV Genius (/api/cv/, /api/pack/, /api/users/): HTTP Basic (and Bearer), DRF error bodies,
plain JSON arrays."""

from rest_framework.authentication import SessionAuthentication

from cvplatform.api.authentication import JWTAuthentication, LockoutBasicAuthentication
from cvplatform.api.base import DETAIL_SCHEMA, FIELD_ERRORS_SCHEMA, Surface, SurfaceAPIView, SurfaceViewSet
from cvplatform.api.errors import Problem
from cvplatform.api.throttles import AnonThrottle, UserThrottle


class CVGeniusSurface(Surface):
    name = "cvgenius"
    authentication_classes = [LockoutBasicAuthentication, JWTAuthentication, SessionAuthentication]
    throttle_classes = [AnonThrottle, UserThrottle]

    def error_body(self, problem: Problem):
        if problem.is_validation:
            return problem.drf_detail, problem.status
        return {"detail": problem.message}, problem.status

    def error_schema(self, status_code: int) -> dict:
        if status_code == 400:
            return {"anyOf": [DETAIL_SCHEMA, FIELD_ERRORS_SCHEMA]}
        return DETAIL_SCHEMA


CV_GENIUS = CVGeniusSurface()


class CVGeniusAPIView(SurfaceAPIView):
    surface = CV_GENIUS


class CVGeniusViewSet(SurfaceViewSet):
    surface = CV_GENIUS
