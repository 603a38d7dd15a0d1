"""ResuMate (seed 002) — /api/auth/ register, token, token/refresh; DRF error bodies."""

import pytest

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_register_answers_201_with_id_username_email(api_client):
    response = api_client.post(
        "/api/auth/register/",
        {
            "username": "john_doe",
            "email": "john@example.com",
            "password": "SecurePass123!",
            "password2": "SecurePass123!",
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "username", "email"}
    assert body["username"] == "john_doe" and body["email"] == "john@example.com"


def test_register_password_mismatch_is_the_documented_400(api_client):
    response = api_client.post(
        "/api/auth/register/",
        {
            "username": "john_doe",
            "email": "john@example.com",
            "password": "SecurePass123!",
            "password2": "Other123!",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"password": ["Password fields didn't match."]}


def test_register_missing_fields_are_listed(api_client):
    response = api_client.post("/api/auth/register/", {"username": "x"}, format="json")
    assert response.status_code == 400
    assert {"email", "password", "password2"} <= set(response.json())
    assert response.json()["email"] == ["This field is required."]


def test_token_and_refresh(api_client, owner):
    response = api_client.post(
        "/api/auth/token/", {"username": owner.username, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    tokens = response.json()
    assert set(tokens) == {"access", "refresh"}
    refreshed = api_client.post("/api/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
    assert refreshed.status_code == 200
    assert "access" in refreshed.json()


def test_token_wrong_password_is_401_detail(api_client, owner):
    response = api_client.post(
        "/api/auth/token/", {"username": owner.username, "password": "bad"}, format="json"
    )
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found with the given credentials."}


def test_invalid_refresh_is_401_detail(api_client):
    response = api_client.post("/api/auth/token/refresh/", {"refresh": "not-a-token"}, format="json")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_unknown_path_is_404_detail(api_client):
    response = api_client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_wrong_method_is_405_detail(api_client):
    response = api_client.get("/api/auth/token/")
    assert response.status_code == 405
    assert "detail" in response.json()


def test_api_root_is_browsable_and_lists_surfaces(api_client):
    response = api_client.get("/api/")
    assert response.status_code == 200
    assert {"cv_genius", "cv_tailor", "resumate", "resume_optimizer", "personaforge"} <= set(
        response.json()["surfaces"]
    )
    html = api_client.get("/api/", HTTP_ACCEPT="text/html")
    assert html.status_code == 200 and b"<html" in html.content.lower()
