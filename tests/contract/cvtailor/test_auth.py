"""CV Tailor (seed 001) — authentication endpoints, walked as documented.

Paths carry trailing slashes; errors are ``{error, detail, code, fields}``.
"""

import re

import pytest
from django.core import mail

from conftest import PASSWORD, bearer_client

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register/"
LOGIN = "/api/v1/auth/login/"
PROFILE_FIELDS = {
    "id",
    "email",
    "username",
    "first_name",
    "last_name",
    "profile_image",
    "phone",
    "linkedin_url",
    "github_url",
    "website_url",
    "bio",
    "location",
    "preferred_cv_template",
    "email_notifications",
    "created_at",
    "updated_at",
}


def assert_tailor_error(response, status: int, *, fields: set | None = None) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) >= {"error", "detail", "code", "fields"}, body
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["detail"], str) and body["detail"]
    if fields is None:
        assert body["fields"] is None
    else:
        assert fields <= set(body["fields"]), body
    return body


def register(api_client, **overrides):
    payload = {
        "email": "ada@example.com",
        "username": "ada",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        "first_name": "Ada",
        "last_name": "Lovelace",
    }
    payload.update(overrides)
    return api_client.post(REGISTER, payload, format="json")


def test_register_answers_tokens_and_profile(api_client):
    response = register(api_client)
    assert response.status_code == 201
    body = response.json()
    assert {"access", "refresh", "access_token", "token_type", "user_id", "subscription_tier", "user"} <= set(
        body
    )
    assert body["token_type"] == "bearer"
    assert body["subscription_tier"] == "free"
    assert PROFILE_FIELDS <= set(body["user"])
    assert body["user"]["email"] == "ada@example.com"
    assert body["user"]["first_name"] == "Ada"
    # the token works straight away
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert api_client.get("/api/v1/auth/profile/").json()["username"] == "ada"


def test_register_validation_errors_name_the_fields(api_client):
    body = assert_tailor_error(
        register(api_client, password_confirm="something-else-99"), 400, fields={"password_confirm"}
    )
    assert body["code"] == "validation_error"
    assert_tailor_error(register(api_client, email="not-an-email"), 400, fields={"email"})
    assert_tailor_error(
        register(api_client, password="12345678", password_confirm="12345678"), 400, fields={"password"}
    )


def test_register_refuses_taken_email_and_username(api_client, make_user):
    make_user(username="ada", email="ada@example.com")
    body = assert_tailor_error(register(api_client), 400, fields={"email", "username"})
    assert "already exists" in body["detail"]


def test_login_by_email_or_username(api_client, owner):
    for identifier in ({"email": owner.email}, {"username": owner.username}, {"email": owner.username}):
        response = api_client.post(LOGIN, {**identifier, "password": PASSWORD}, format="json")
        assert response.status_code == 200, identifier
        assert response.json()["user"]["id"] == owner.id


def test_login_wrong_password_is_401(api_client, owner):
    body = assert_tailor_error(
        api_client.post(LOGIN, {"email": owner.email, "password": "nope"}, format="json"), 401
    )
    assert body["code"] == "invalid_credentials"


def test_login_without_identifier_is_400(api_client):
    assert_tailor_error(api_client.post(LOGIN, {"password": "x"}, format="json"), 400, fields={"email"})


def test_refresh_rotates_and_logout_blacklists(api_client, owner):
    tokens = api_client.post(LOGIN, {"email": owner.email, "password": PASSWORD}, format="json").json()
    rotated = api_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
    assert rotated.status_code == 200
    assert {"access", "refresh"} <= set(rotated.json())
    assert rotated.json()["refresh"] != tokens["refresh"]
    # the rotated-out token is refused when reused
    assert_tailor_error(
        api_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json"), 401
    )

    new_refresh = rotated.json()["refresh"]
    client = bearer_client(owner)
    assert client.post("/api/v1/auth/logout/", {"refresh": new_refresh}, format="json").status_code == 200
    assert_tailor_error(
        api_client.post("/api/v1/auth/token/refresh/", {"refresh": new_refresh}, format="json"), 401
    )


def test_logout_needs_a_valid_refresh_token(owner_client):
    assert_tailor_error(owner_client.post("/api/v1/auth/logout/", {"refresh": "garbage"}, format="json"), 400)
    assert_tailor_error(owner_client.post("/api/v1/auth/logout/", {}, format="json"), 400, fields={"refresh"})


def test_logout_refuses_another_users_refresh_token(api_client, owner, other_user):
    other_refresh = api_client.post(
        LOGIN, {"email": other_user.email, "password": PASSWORD}, format="json"
    ).json()["refresh"]
    assert_tailor_error(
        bearer_client(owner).post("/api/v1/auth/logout/", {"refresh": other_refresh}, format="json"), 400
    )


def test_profile_get_and_patch(owner_client, owner):
    response = owner_client.get("/api/v1/auth/profile/")
    assert response.status_code == 200
    assert PROFILE_FIELDS <= set(response.json())
    assert response.json()["phone"] is None  # documented string|null
    patch = {
        "first_name": "Grace",
        "bio": "Compiler pioneer",
        "location": "Arlington, VA",
        "linkedin_url": "https://www.linkedin.com/in/grace",
        "email_notifications": False,
        "preferred_cv_template": 2,
        "phone": "+1 555 0100",
    }
    response = owner_client.patch("/api/v1/auth/profile/", patch, format="json")
    assert response.status_code == 200
    for key, value in patch.items():
        assert response.json()[key] == value
    owner.refresh_from_db()
    assert owner.bio == "Compiler pioneer" and owner.email_notifications is False


def test_profile_patch_validates(owner_client):
    assert_tailor_error(
        owner_client.patch("/api/v1/auth/profile/", {"linkedin_url": "not a url"}, format="json"),
        400,
        fields={"linkedin_url"},
    )


def test_profile_patch_cannot_take_another_users_email(owner_client, other_user):
    assert_tailor_error(
        owner_client.patch("/api/v1/auth/profile/", {"email": other_user.email}, format="json"),
        400,
        fields={"email"},
    )


def test_profile_anonymous_is_401(api_client):
    body = assert_tailor_error(api_client.get("/api/v1/auth/profile/"), 401)
    assert body["code"] == "not_authenticated"


def test_change_password(owner_client, owner, api_client):
    assert_tailor_error(
        owner_client.post(
            "/api/v1/auth/change-password/",
            {"current_password": "wrong", "new_password": "N3w-Secret-Pass"},
            format="json",
        ),
        400,
        fields={"current_password"},
    )
    assert_tailor_error(
        owner_client.post(
            "/api/v1/auth/change-password/",
            {"old_password": PASSWORD, "new_password": "N3w-Secret-Pass", "new_password_confirm": "other"},
            format="json",
        ),
        400,
        fields={"new_password_confirm"},
    )
    response = owner_client.post(
        "/api/v1/auth/change-password/",
        {
            "old_password": PASSWORD,
            "new_password": "N3w-Secret-Pass",
            "new_password_confirm": "N3w-Secret-Pass",
        },
        format="json",
    )
    assert response.status_code == 200
    assert (
        api_client.post(
            LOGIN, {"email": owner.email, "password": "N3w-Secret-Pass"}, format="json"
        ).status_code
        == 200
    )
    assert (
        api_client.post(LOGIN, {"email": owner.email, "password": PASSWORD}, format="json").status_code == 401
    )


def test_password_reset_request_and_confirm(api_client, owner):
    response = api_client.post("/api/v1/auth/password-reset/", {"email": owner.email}, format="json")
    assert response.status_code == 200
    # same answer for an unknown address: no account enumeration
    unknown = api_client.post("/api/v1/auth/password-reset/", {"email": "nobody@example.com"}, format="json")
    assert unknown.status_code == 200 and unknown.json() == response.json()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [owner.email]
    uid = re.search(r"uid=([\w-]+)", mail.outbox[0].body).group(1)
    token = re.search(r"token=([\w-]+)", mail.outbox[0].body).group(1)

    bad = api_client.post(
        "/api/v1/auth/password-reset/confirm/",
        {"uid": uid, "token": "1-bad", "new_password": "Brand-New-Pass-7"},
        format="json",
    )
    assert_tailor_error(bad, 400)
    ok = api_client.post(
        "/api/v1/auth/password-reset/confirm/",
        {"uid": uid, "token": token, "new_password": "Brand-New-Pass-7"},
        format="json",
    )
    assert ok.status_code == 200
    assert (
        api_client.post(
            LOGIN, {"email": owner.email, "password": "Brand-New-Pass-7"}, format="json"
        ).status_code
        == 200
    )
    # a reset token works once
    again = api_client.post(
        "/api/v1/auth/password-reset/confirm/",
        {"uid": uid, "token": token, "new_password": "Another-Pass-8"},
        format="json",
    )
    assert_tailor_error(again, 400)


def test_unknown_path_and_wrong_method_use_the_tailor_error_body(owner_client):
    assert_tailor_error(owner_client.get("/api/v1/auth/nothing-here/"), 404)
    body = assert_tailor_error(owner_client.delete("/api/v1/auth/profile/"), 405)
    assert "DELETE" in body["detail"]


def test_sign_in_throttle_answers_429(api_client, settings, owner):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "3/minute"}
    for _ in range(3):
        api_client.post(LOGIN, {"email": owner.email, "password": "wrong"}, format="json")
    response = api_client.post(LOGIN, {"email": owner.email, "password": PASSWORD}, format="json")
    body = assert_tailor_error(response, 429)
    assert body["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_logout_without_credentials_is_a_401(api_client, owner):
    tokens = api_client.post(LOGIN, {"email": owner.email, "password": PASSWORD}, format="json").json()
    response = api_client.post("/api/v1/auth/logout/", {"refresh": tokens["refresh"]}, format="json")
    assert_tailor_error(response, 401)
    # the token still works: an anonymous call changed nothing
    assert (
        api_client.post(
            "/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json"
        ).status_code
        == 200
    )
