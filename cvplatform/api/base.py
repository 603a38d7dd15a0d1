"""What every surface's views share: the surface decides auth, errors and pagination."""

from rest_framework import generics, mixins, status, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import Problem, problem_from_exception

DETAIL_SCHEMA = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
# DRF's validation body: each offending field with its messages.
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    # A field's messages, or a nested serializer's or list's own errors by field or index.
    "additionalProperties": {"anyOf": [{"type": "array", "items": {}}, {"type": "object"}]},
    "description": "Each invalid field with its messages (non_field_errors for the body as a whole).",
}


class Surface:
    """One published API contract. Subclasses say how its errors are written."""

    name = "default"
    authentication_classes: list = []
    pagination_class = None
    throttle_classes: list = []

    def error_body(self, problem: Problem) -> tuple[object, int]:
        raise NotImplementedError

    # The JSON schema of ``error_body``'s answers, for the OpenAPI document: the status a
    # validation failure answers, and the body of any error status.
    validation_status = 400

    def error_schema(self, status_code: int) -> dict:
        return DETAIL_SCHEMA

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

    def validated(self, data=None, *, serializer_class=None, **kwargs) -> dict:
        """The request body (or ``data``) validated by the view's serializer; 4xx if invalid."""
        serializer_class = serializer_class or self.get_serializer_class()
        context = {**self.get_serializer_context(), **kwargs.pop("context", {})}
        serializer = serializer_class(
            data=self.request.data if data is None else data, context=context, **kwargs
        )
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

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


# List/retrieve from the queryset; create, update and delete through services. Subclasses
# name the services: create_object(data), update_object(instance, data), delete_object(instance).
# Validation stays in the serializer, rules in the service. (A comment, not a docstring: the
# schema generator would show a docstring to API users as every operation's description.)
class ServiceCRUDMixin(mixins.ListModelMixin, mixins.RetrieveModelMixin):
    def create_object(self, data: dict):
        raise NotImplementedError

    def update_object(self, instance, data: dict):
        raise NotImplementedError

    def delete_object(self, instance) -> None:
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        instance = self.create_object(self.validated())
        return Response(self.get_serializer(instance).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial: bool = False, **kwargs):
        instance = self.get_object()
        data = self.validated(instance=instance, partial=partial)
        return Response(self.get_serializer(self.update_object(instance, data)).data)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        self.delete_object(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
