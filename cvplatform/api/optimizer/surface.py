"""Resume Optimizer (/api/v1/… without trailing slashes): JWT or an API key as Bearer,
``{"detail"}`` errors and 422 for validation (FastAPI's shape), plain JSON arrays."""

from rest_framework.authentication import SessionAuthentication

from cvplatform.api.authentication import ApiKeyAuthentication, JWTAuthentication
from cvplatform.api.base import DETAIL_SCHEMA, Surface, SurfaceAPIView, SurfaceViewSet
from cvplatform.api.errors import Problem
from cvplatform.api.throttles import AnonThrottle, TierThrottle


class OptimizerSurface(Surface):
    name = "optimizer"
    authentication_classes = [ApiKeyAuthentication, JWTAuthentication, SessionAuthentication]
    throttle_classes = [AnonThrottle, TierThrottle]

    def error_body(self, problem: Problem):
        if problem.is_validation:
            detail = [
                {
                    "loc": ["body"] if name == "non_field_errors" else ["body", name],
                    "msg": message,
                    "type": "value_error",
                }
                for name, messages in problem.fields.items()
                for message in messages
            ]
            return {"detail": detail}, 422
        return {"detail": problem.message}, problem.status

    validation_status = 422

    def error_schema(self, status_code: int) -> dict:
        if status_code != 422:
            return DETAIL_SCHEMA
        item = {
            "type": "object",
            "properties": {
                "loc": {"type": "array", "items": {"type": "string"}},
                "msg": {"type": "string"},
                "type": {"type": "string"},
            },
        }
        return {"type": "object", "properties": {"detail": {"type": "array", "items": item}}}


OPTIMIZER = OptimizerSurface()


class OptimizerAPIView(SurfaceAPIView):
    surface = OPTIMIZER


class OptimizerViewSet(SurfaceViewSet):
    surface = OPTIMIZER
