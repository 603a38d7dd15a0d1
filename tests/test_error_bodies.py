"""Every surface answers 401, 403, 404, 405, 429 and validation errors in its own documented
body (API-CONTRACTS.md), whichever part of the stack raised them."""

import base64

import pytest

from conftest import PASSWORD, bearer_client

pytestmark = pytest.mark.django_db


def tailor(body):
    return set(body) >= {"error", "detail", "code", "fields"}


def detail_only(body):
    return isinstance(body, dict) and set(body) == {"detail"} and isinstance(body["detail"], str)


def personaforge(body):
    return set(body) == {"error"} and body["error"]["code"].startswith("ERR_") and body["error"]["message"]


SURFACES = {
    # name: (a protected GET, a path nobody serves, a POST-only sign-in path, its body check)
    "cvtailor": ("/api/v1/auth/profile/", "/api/v1/nothing/", "/api/v1/auth/login/", tailor),
    "optimizer": ("/api/v1/auth/me", "/api/v1/nothing", "/api/v1/auth/login", detail_only),
    "resumate": ("/api/job-applications/", "/api/nothing/", "/api/auth/token/", detail_only),
    "cvgenius": ("/api/pack/plans/", "/api/pack/nothing/", None, detail_only),
    "personaforge": ("/pf/users/me", "/pf/nothing", "/pf/auth/login", personaforge),
}


@pytest.mark.parametrize("surface", SURFACES)
def test_401_anonymous(api_client, surface):
    protected, _, _, check = SURFACES[surface]
    response = api_client.get(protected)
    assert response.status_code == 401
    assert check(response.json()), response.json()


@pytest.mark.parametrize("surface", SURFACES)
def test_404_unknown_path(owner_client, surface):
    _, missing, _, check = SURFACES[surface]
    response = owner_client.get(missing)
    assert response.status_code == 404
    assert check(response.json()), response.json()


@pytest.mark.parametrize("surface", SURFACES)
def test_405_wrong_method(owner, owner_client, surface):
    protected, _, _, check = SURFACES[surface]
    owner.is_staff = True  # CV Genius checks write permission before the method
    owner.save()
    response = owner_client.put(protected, {}, format="json")
    assert response.status_code == 405
    assert check(response.json()), response.json()


@pytest.mark.parametrize("surface", SURFACES)
def test_429_rate_limited(owner_client, settings, surface):
    protected, _, _, check = SURFACES[surface]
    rates = {key: "1/hour" for key in ("user", "tier_free")}
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, **rates}
    owner_client.get(protected)
    response = owner_client.get(protected)
    assert response.status_code == 429
    assert check(response.json()), response.json()
    assert "Retry-After" in response


@pytest.mark.parametrize("surface", [s for s in SURFACES if SURFACES[s][2]])
def test_403_locked_account(api_client, owner, surface):
    _, _, login, check = SURFACES[surface]
    for _ in range(5):
        api_client.post("/api/v1/auth/login/", {"email": owner.email, "password": "wrong"}, format="json")
    body = {"email": owner.email, "username": owner.username, "password": PASSWORD}
    response = api_client.post(login, body, format="json")
    assert response.status_code == 403
    assert check(response.json()), response.json()


def test_403_cvgenius_non_staff_write(owner_client):
    response = owner_client.post("/api/pack/plans/", {"name": "x", "price": 1, "duration": 1}, format="json")
    assert response.status_code == 403
    assert detail_only(response.json())


def test_validation_bodies_per_surface(api_client, owner):
    tailor_body = api_client.post("/api/v1/auth/login/", {}, format="json").json()
    assert tailor(tailor_body) and tailor_body["fields"]
    optimizer = api_client.post("/api/v1/auth/login", {}, format="json")
    assert optimizer.status_code == 422 and isinstance(optimizer.json()["detail"], list)
    resumate = api_client.post("/api/auth/token/", {}, format="json")
    assert resumate.status_code == 400 and resumate.json()["username"] == ["This field is required."]
    pf = api_client.post("/pf/auth/login", {}, format="json")
    assert pf.status_code == 400 and pf.json()["error"]["code"] == "ERR_INVALID_REQUEST"
    token = base64.b64encode(f"{owner.username}:{PASSWORD}".encode()).decode()
    owner.is_staff = True
    owner.save()
    genius = api_client.post("/api/pack/plans/", {}, format="json", HTTP_AUTHORIZATION=f"Basic {token}")
    assert genius.status_code == 400 and genius.json()["name"] == ["This field is required."]


def test_malformed_json_is_a_clear_400(owner):
    client = bearer_client(owner)
    response = client.generic(
        "POST", "/api/v1/auth/change-password/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]
    response = client.generic("POST", "/pf/auth/login", "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "ERR_INVALID_REQUEST"


def test_unsupported_media_type_is_415(owner_client):
    response = owner_client.generic("POST", "/api/v1/auth/change-password/", "a=b", content_type="text/csv")
    assert response.status_code == 415
    assert tailor(response.json())


@pytest.mark.parametrize(
    ("path", "surface_keys"),
    [
        ("/api/v1/nothing-here/", {"error", "detail", "code", "fields"}),
        ("/api/v1/resumes/not-a-number", {"detail"}),
        ("/api/cv/nothing-here/", {"detail"}),
        ("/api/nothing-here/", {"detail"}),
        ("/pf/nothing-here", {"error"}),
        ("/api", {"detail"}),
    ],
)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_api_paths_answer_json_even_in_debug(client, settings, path, surface_keys, method):
    settings.DEBUG = True  # Django's own 404 page would be HTML
    response = getattr(client, method)(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == surface_keys
