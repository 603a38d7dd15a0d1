"""What every surface's views share: the surface decides auth, errors and pagination."""

from rest_framework import generics, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import Problem, problem_from_exception


class Surface:
    """One published API contract. Subclasses say how its errors are written."""

    name = "default"
    authentication_classes: list = []
    pagination_class = None
    throttle_classes: list = []

    def error_body(self, problem: Problem) -> tuple[object, int]:
        raise NotImplementedError

    def handle_exception(self, exc, context):
        problem = problem_from_exception(exc)
        if problem is None:
            return drf_exception_handler(exc, context)
        body, status_code = self.error_body(problem)
        return Response(body, status=status_code, headers=problem.headers)


class SurfaceMixin:
    """Mixed into a view to put it on a surface; attributes come from ``surface``."""

    surface: Surface

    def get_exception_handler(self):
        return self.surface.handle_exception

    def get_authenticators(self):
        return [auth() for auth in self.surface.authentication_classes]

    def get_throttles(self):
        return [throttle() for throttle in self.surface.throttle_classes + list(self.throttle_classes)]

    @property
    def paginator(self):
        if not hasattr(self, "_paginator"):
            pagination_class = self.surface.pagination_class
            self._paginator = pagination_class() if pagination_class else None
        return self._paginator


class SurfaceAPIView(SurfaceMixin, generics.GenericAPIView):
    throttle_classes: list = []


class SurfaceViewSet(SurfaceMixin, viewsets.GenericViewSet):
    throttle_classes: list = []
