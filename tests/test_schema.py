"""The OpenAPI schema gate: it generates without a warning and lists every API route."""

import re

import pytest
import yaml
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver


def api_routes(patterns=None, prefix="") -> set[str]:
    routes = set()
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes |= api_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith(("api/", "pf/")):
            routes.add(route)
    return routes


def normalise(route: str) -> set[str]:
    """The spellings a Django route may have in the schema (an optional slash gives two)."""
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", route)
    route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    route = "/" + route.replace("\\.", ".").replace("{pk}", "{id}")  # spectacular calls pk "id"
    if route.endswith("/?"):
        return {route[:-2], route[:-2] + "/"}
    return {route}


@pytest.mark.django_db
def test_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    schema = yaml.safe_load(out.read_text())
    documented = set(schema["paths"])
    skipped = {"/api/schema/", "/api/docs/", "/api/"}
    missing = [
        route
        for route in api_routes()
        if "format" not in route and not (normalise(route) & (documented | skipped))
    ]
    assert not missing, f"routes missing from the schema: {sorted(missing)}"
    assert {"jwtAuth", "basicAuth", "apiKeyBearer"} <= set(schema["components"]["securitySchemes"])


def test_swagger_ui_and_schema_are_served(client, db):
    assert client.get("/api/docs/").status_code == 200
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert "/api/v1/auth/login/" in response.json()["paths"]
