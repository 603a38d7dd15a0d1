"""OpenAPI descriptions of our own authentication classes."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


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


def personaforge_paths_as_documented(result, generator, request, public):
    """PersonaForge routes accept an optional trailing slash; its document spells them
    without one, so the schema does too."""
    paths = result.get("paths", {})
    for path in [p for p in paths if p.startswith("/pf/") and p.endswith("/") and len(p) > 4]:
        paths.setdefault(path.rstrip("/"), paths.pop(path))
    return result
