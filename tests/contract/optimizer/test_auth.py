"""Resume Optimizer (seed 003) — /api/v1/auth/{register,login,me} without trailing slashes,
``{"detail"}`` errors, 422 on validation, API keys as Bearer."""

import pytest

from accounts.models import SubscriptionTier
from conftest import PASSWORD, bearer_client

pytestmark = pytest.mark.django_db


def test_register_answers_the_union_body(api_client):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": "user@example.com", "username": "username", "password": PASSWORD, "full_name": "Full Name"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["subscription_tier"] == "free"
    assert isinstance(body["user_id"], int)
    assert body["access_token"] == body["access"]
    me = api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {body['access_token']}")
    assert me.status_code == 200
    assert me.json() == {
        "id": body["user_id"],
        "email": "user@example.com",
        "username": "username",
        "full_name": "Full Name",
        "subscription_tier": "free",
        "is_active": True,
    }


def test_register_validation_is_422_fastapi_style(api_client):
    response = api_client.post(
        "/api/v1/auth/register", {"username": "u", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, list)
    assert {"loc": ["body", "email"], "msg": "This field is required.", "type": "value_error"} in detail


def test_login_by_email(api_client, owner):
    response = api_client.post(
        "/api/v1/auth/login", {"email": owner.email, "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"
    assert response.json()["user_id"] == owner.id


def test_login_wrong_password_is_401_detail(api_client, owner):
    response = api_client.post(
        "/api/v1/auth/login", {"email": owner.email, "password": "wrong"}, format="json"
    )
    assert response.status_code == 401
    assert response.json() == {"detail": "No active account found with the given credentials."}


def test_me_anonymous_is_401_detail(api_client):
    response = api_client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert set(response.json()) == {"detail"}
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_path_is_404_detail(api_client):
    response = api_client.get("/api/v1/nothing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_tokens_from_either_spelling_work_on_both(api_client, owner):
    tailor = api_client.post(
        "/api/v1/auth/login/", {"email": owner.email, "password": PASSWORD}, format="json"
    ).json()
    assert (
        api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {tailor['access']}").status_code == 200
    )


def test_enterprise_api_key_is_shown_once_and_authenticates(make_user, api_client):
    boss = make_user(subscription_tier=SubscriptionTier.ENTERPRISE)
    client = bearer_client(boss)
    first = client.get("/api/v1/enterprise/api-key")
    assert first.status_code == 200
    key = first.json()["api_key"]
    assert key.startswith("cvp_")
    # shown once: afterwards only the prefix
    second = client.get("/api/v1/enterprise/api-key").json()
    assert second["api_key"] is None and key.startswith(second["prefix"])
    # the key stands in for a JWT on this surface
    me = api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert me.status_code == 200 and me.json()["id"] == boss.id
    # regenerating revokes the old key
    new_key = client.post("/api/v1/enterprise/api-key/regenerate").json()["api_key"]
    assert new_key != key
    assert api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {new_key}").status_code == 200


def test_api_key_is_stored_hashed(make_user):
    from accounts.models import ApiKey
    from accounts.services import api_key_create

    user = make_user()
    api_key, plaintext = api_key_create(user=user)
    stored = ApiKey.objects.get(pk=api_key.pk)
    assert plaintext not in (stored.key_hash, stored.prefix)
    assert len(stored.key_hash) == 64


def test_api_key_needs_enterprise_tier(owner_client):
    response = owner_client.get("/api/v1/enterprise/api-key")
    assert response.status_code == 403
    assert "enterprise" in response.json()["detail"]


def test_bogus_api_key_is_401(api_client):
    response = api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION="Bearer cvp_not-a-real-key")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid or revoked API key."}


def test_tier_rate_limit_is_429(owner_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "tier_free": "2/hour"}
    assert owner_client.get("/api/v1/auth/me").status_code == 200
    assert owner_client.get("/api/v1/auth/me").status_code == 200
    response = owner_client.get("/api/v1/auth/me")
    assert response.status_code == 429
    assert set(response.json()) == {"detail"}
