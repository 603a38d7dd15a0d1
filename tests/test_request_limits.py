"""Hostile request bodies and headers: nested and oversized JSON, forged X-Forwarded-For."""

import random

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import PASSWORD
from cvplatform.api.parsers import json_depth_exceeds

NESTED = '{"a":' * 10_000 + "1" + "}" * 10_000

# One sign-in per surface, with the surface's error body for a 400.
SIGN_INS = [
    ("/api/v1/auth/login/", lambda body: set(body) >= {"error", "detail", "code", "fields"}),
    ("/api/v1/auth/login", lambda body: "detail" in body),
    ("/api/auth/token/", lambda body: "detail" in body),
    ("/pf/auth/login", lambda body: body["error"]["code"].startswith("ERR_")),
]


@pytest.mark.parametrize(("path", "has_surface_body"), SIGN_INS)
def test_deeply_nested_json_is_a_400_in_the_surface_body(api_client, db, path, has_surface_body):
    response = api_client.post(path, NESTED, content_type="application/json")
    assert response.status_code == 400
    assert has_surface_body(response.json())
    assert "nested" in response.content.decode()


def _write_routes():
    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    for route in walk(get_resolver()):
        if route.startswith(("api/", "pf/")) and "<" not in route and "(?P" not in route:
            yield "/" + route.replace("^", "").replace("$", "").replace("/?", "")


def test_no_json_endpoint_crashes_on_deep_nesting(owner_client):
    crashed = []
    for path in _write_routes():
        for method in ("post", "put", "patch"):
            response = getattr(owner_client, method)(path, NESTED, content_type="application/json")
            if response.status_code >= 500:
                crashed.append(f"{method.upper()} {path}: {response.status_code}")
    assert crashed == []


def test_an_oversized_json_body_is_refused_before_decoding(api_client, db, settings):
    settings.API_JSON_MAX_BYTES = 1000
    body = '{"email": "x@example.com", "password": "' + "p" * 2000 + '"}'
    response = api_client.post("/api/v1/auth/login/", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["code"] == "body_too_large"


def test_ordinary_nesting_still_parses(owner_client):
    persona = owner_client.post(
        "/pf/personas",
        {"title": "Data", "overrides": {"sections": {"education": [{"institution": "MIT", "area": "CS"}]}}},
        format="json",
    )
    assert persona.status_code == 200
    assert persona.json()["sections"]["education"][0]["institution"] == "MIT"


def test_depth_is_measured_outside_strings():
    assert json_depth_exceeds(b'{"a": [[[1]]]}', 3)
    assert not json_depth_exceeds(b'{"a": [[1]]}', 3)
    assert not json_depth_exceeds(b'{"text": "[[[[[[[[[[{{{{{{{{ \\" [[[["}', 3)


def test_forged_forwarded_for_headers_do_not_dodge_the_sign_in_throttle(api_client, make_user, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "5/minute"}
    user = make_user(email="spray@example.com", username="spray")
    statuses = []
    for _ in range(12):
        forged = ".".join(str(random.randint(1, 254)) for _ in range(4))
        response = api_client.post(
            "/api/v1/auth/login/",
            {"email": user.email, "password": PASSWORD},
            format="json",
            HTTP_X_FORWARDED_FOR=forged,
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}


def test_a_configured_proxy_passes_the_client_address_on(api_client, make_user, settings):
    """Behind one trusted proxy, clients are told apart by the address the proxy appends."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    from rest_framework.settings import api_settings

    api_settings.reload()
    try:
        settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "2/minute"}
        user = make_user(email="proxy@example.com", username="proxy")
        body = {"email": user.email, "password": PASSWORD}
        first = [
            api_client.post("/api/v1/auth/login/", body, format="json", HTTP_X_FORWARDED_FOR="203.0.113.7")
            for _ in range(3)
        ]
        other = api_client.post(
            "/api/v1/auth/login/", body, format="json", HTTP_X_FORWARDED_FOR="203.0.113.8"
        )
        assert [r.status_code for r in first] == [200, 200, 429]
        assert other.status_code == 200
    finally:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
        api_settings.reload()


def _every_route_with_sample_ids():
    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    import re

    for route in walk(get_resolver()):
        if route.startswith(("api/", "pf/")):
            path = re.sub(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)", "1", route)
            yield "/" + path.replace("^", "").replace("$", "").replace("/?", "")


def test_options_on_every_api_route_is_never_a_server_error(owner_client):
    crashed = [
        f"OPTIONS {path}: {response.status_code}"
        for path in _every_route_with_sample_ids()
        if (response := owner_client.options(path)).status_code >= 500
    ]
    assert crashed == []


def test_options_describes_what_a_put_accepts_on_a_saved_cv(owner_client):
    response = owner_client.options("/api/users/cvs/1/")
    assert response.status_code == 200
    assert {"client", "cv"} <= set(response.json()["actions"]["PUT"])


def test_no_api_serializer_decodes_form_json_with_the_unbounded_stock_field():
    """Every JSON field of the surfaces decodes a form value with the body's depth limit (a
    multipart field holding JSON nested thousands deep recursed into a 500)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "cvplatform" / "api"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "parsers.py" and "serializers.JSONField" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_deep_json_in_a_form_field_is_a_400_on_every_surface(owner_client):
    deep = "[" * 5000 + "]" * 5000
    cases = [
        ("/api/cv/generate-latex-cv/", {"name": "Jane Doe", "skills": deep}),
        ("/pf/personas", {"name": "Mine", "skills": deep}),
    ]
    for path, form in cases:
        response = owner_client.post(path, form, format="multipart")
        assert 400 <= response.status_code < 500, (path, response.status_code, response.content[:300])
