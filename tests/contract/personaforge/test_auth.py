"""PersonaForge (seed 004) — /pf/auth/signup, /pf/auth/login, /pf/users/me.

Every success is 200; errors are ``{"error": {"code": "ERR_…", "message"}}``."""

import pytest

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def assert_pf_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    return error


def test_signup_answers_200_with_a_token(api_client):
    response = api_client.post(
        "/pf/auth/signup", {"email": "p@example.com", "password": PASSWORD, "name": "Pat Doe"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    me = api_client.get("/pf/users/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200
    assert me.json()["name"] == "Pat Doe"
    assert me.json()["email"] == "p@example.com"
    assert me.json()["plan"] == "free"
    assert me.json()["team_id"] is None
    assert set(me.json()) == {"id", "name", "email", "plan", "team_id"}


def test_signup_missing_parameter_message(api_client):
    error = assert_pf_error(
        api_client.post("/pf/auth/signup", {"password": PASSWORD}, format="json"), 400, "ERR_INVALID_REQUEST"
    )
    assert error["message"].startswith("Invalid or missing parameter 'email'")


def test_login(api_client, owner):
    response = api_client.post("/pf/auth/login", {"email": owner.email, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    assert "token" in response.json()
    assert_pf_error(
        api_client.post("/pf/auth/login", {"email": owner.email, "password": "no"}, format="json"),
        401,
        "ERR_UNAUTHORIZED",
    )


def test_me_requires_auth(api_client):
    assert_pf_error(api_client.get("/pf/users/me"), 401, "ERR_UNAUTHORIZED")


def test_patch_me_updates_name_only_what_is_allowed(owner_client, owner):
    response = owner_client.patch(
        "/pf/users/me", {"name": "Grace Hopper", "plan": "enterprise", "id": 999, "team_id": 5}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Grace Hopper"
    assert response.json()["plan"] == "free"
    assert response.json()["id"] == owner.id
    owner.refresh_from_db()
    assert owner.first_name == "Grace" and owner.last_name == "Hopper"
    assert owner.subscription_tier == "free" and owner.team_id is None


def test_unknown_path_and_method(owner_client):
    assert_pf_error(owner_client.get("/pf/nothing"), 404, "ERR_NOT_FOUND")
    assert_pf_error(owner_client.delete("/pf/users/me"), 405, "ERR_METHOD_NOT_ALLOWED")
