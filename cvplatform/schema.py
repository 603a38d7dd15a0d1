"""OpenAPI descriptions of our own authentication classes."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions, serializers

from cvplatform.api.errors import status_title


class LockoutBasicScheme(OpenApiAuthenticationExtension):
    target_class = "cvplatform.api.authentication.LockoutBasicAuthentication"
    name = "basicAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "basic"}


class JWTScheme(OpenApiAuthenticationExtension):
    target_class = "cvplatform.api.authentication.JWTAuthentication"
    name = "jwtAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "cvplatform.api.authentication.ApiKeyAuthentication"
    name = "apiKeyBearer"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An enterprise API key (cvp_…) in place of a JWT (Resume Optimizer).",
        }


class SurfaceAutoSchema(AutoSchema):
    """Group operations by published API in Swagger UI, and keep operation ids unique when
    two surfaces share a path that differs only by its trailing slash."""

    SURFACE_TITLES = {
        "cvgenius": "CV Genius",
        "cvtailor": "CV Tailor",
        "resumate": "ResuMate",
        "optimizer": "Resume Optimizer",
        "personaforge": "PersonaForge",
    }

    def _surface_name(self) -> str | None:
        surface = getattr(self.view, "surface", None)
        return getattr(surface, "name", None)

    def get_tags(self) -> list[str]:
        name = self._surface_name()
        if name is None:
            return super().get_tags()
        return [f"{self.SURFACE_TITLES[name]}: {super().get_tags()[0]}"]

    def get_operation_id(self) -> str:
        name = self._surface_name()
        operation_id = super().get_operation_id()
        return f"{name}_{operation_id}" if name else operation_id

    def _get_paginator(self):
        # Views paginate with their surface's class (SurfaceMixin.paginator), not their own.
        surface = getattr(self.view, "surface", None)
        pagination_class = getattr(surface, "pagination_class", None) if surface else None
        return pagination_class() if pagination_class else super()._get_paginator()

    def _get_response_bodies(self, direction="response"):
        """The documented success bodies, plus the errors this operation can answer, each in
        its surface's error body (an explicit ``@extend_schema`` response wins)."""
        responses = super()._get_response_bodies(direction)
        surface = getattr(self.view, "surface", None)
        if surface is None or direction != "response":
            return responses
        for status_code in sorted(self._error_statuses(surface)):
            responses.setdefault(
                str(status_code),
                {
                    "description": status_title(status_code),
                    "content": {"application/json": {"schema": surface.error_schema(status_code)}},
                },
            )
        return responses

    def _error_statuses(self, surface) -> set[int]:
        """Which error statuses the operation answers, from what the view does: it reads a
        body or parameters (validation), requires a signed-in user, looks objects up by id,
        is throttled; and any the view names itself in ``error_statuses`` (a tuple for every
        method, or a dict of tuples by method)."""
        named = getattr(self.view, "error_statuses", ())
        if isinstance(named, dict):
            named = named.get(self.method, ())
        statuses = {429} | set(named)
        has_body = self.method in ("POST", "PUT", "PATCH")
        has_path_id = "{" in self.path
        if has_body:
            statuses |= {400, 413, 415, surface.validation_status}
        if has_path_id or self._query_parameters():
            statuses.add(surface.validation_status)
        if not all(isinstance(p, permissions.AllowAny) for p in self.view.get_permissions()):
            statuses |= {401, 403}
        if has_path_id or self._query_names_an_object() or (has_body and self._body_names_an_object()):
            statuses.add(404)
        if self._get_paginator() is not None and self._is_list_view():
            statuses.add(404)  # a page past the last one
        return statuses

    def _query_parameters(self) -> bool:
        return any(parameter.get("in") == "query" for parameter in self._get_parameters())

    def _query_names_an_object(self) -> bool:
        return any(
            parameter.get("in") == "query" and parameter["name"].endswith("_id")
            for parameter in self._get_parameters()
        )

    def _body_names_an_object(self) -> bool:
        serializer = self.get_request_serializer()
        fields = (
            getattr(serializer, "fields", {}) if isinstance(serializer, serializers.BaseSerializer) else {}
        )
        return any(name == "id" or name.endswith(("_id", "_ids")) for name in fields)


def personaforge_paths_as_documented(result, generator, request, public):
    """PersonaForge routes accept an optional trailing slash; its document spells them
    without one, so the schema does too."""
    paths = result.get("paths", {})
    for path in [p for p in paths if p.startswith("/pf/") and p.endswith("/") and len(p) > 4]:
        paths.setdefault(path.rstrip("/"), paths.pop(path))
    return result
