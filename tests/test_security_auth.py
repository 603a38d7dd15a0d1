"""Security properties of sign-in, shared by every surface."""

import base64
import json
import time
from datetime import timedelta

import jwt
import pytest
from django.utils import timezone
from rest_framework_simplejwt.tokens import AccessToken

from accounts.models import User
from conftest import PASSWORD, bearer_client

pytestmark = pytest.mark.django_db

PROFILE = "/api/v1/auth/profile/"


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def claims_for(user) -> dict:
    now = int(time.time())
    return {"token_type": "access", "user_id": user.id, "jti": "x" * 32, "iat": now, "exp": now + 600}


def test_access_token_lives_15_minutes_and_refresh_7_days(api_client, owner):
    tokens = api_client.post(
        "/api/v1/auth/login/", {"email": owner.email, "password": PASSWORD}, format="json"
    ).json()
    access = jwt.decode(tokens["access"], options={"verify_signature": False})
    refresh = jwt.decode(tokens["refresh"], options={"verify_signature": False})
    assert access["exp"] - access["iat"] == 15 * 60
    assert refresh["exp"] - refresh["iat"] == 7 * 24 * 3600


def test_alg_none_token_is_refused(api_client, owner):
    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims_for(owner))}."
    response = api_client.get(PROFILE, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401


def test_token_signed_with_another_key_is_refused(api_client, owner):
    token = jwt.encode(claims_for(owner), "not-our-signing-key-but-long-enough-for-hs256", algorithm="HS256")
    for path in (PROFILE, "/api/v1/auth/me", "/pf/users/me"):
        assert api_client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401, path


def test_expired_token_is_refused(api_client, owner):
    token = AccessToken.for_user(owner)
    token.set_exp(from_time=timezone.now() - timedelta(hours=1), lifetime=timedelta(minutes=15))
    response = api_client.get(PROFILE, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_tokens_are_never_read_from_the_url(api_client, owner):
    token = str(AccessToken.for_user(owner))
    for param in ("token", "access_token", "jwt", "access"):
        assert api_client.get(f"{PROFILE}?{param}={token}").status_code == 401
        assert api_client.get(f"/pf/users/me?{param}={token}").status_code == 401


def test_a_token_from_one_surface_works_on_every_surface(api_client, owner):
    token = api_client.post(
        "/pf/auth/login", {"email": owner.email, "password": PASSWORD}, format="json"
    ).json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert api_client.get(PROFILE, **auth).json()["id"] == owner.id
    assert api_client.get("/api/v1/auth/me", **auth).json()["id"] == owner.id
    assert api_client.get("/pf/users/me", **auth).json()["id"] == owner.id


def test_reused_rotated_refresh_token_is_refused_on_resumate_too(api_client, owner):
    refresh = api_client.post(
        "/api/auth/token/", {"username": owner.username, "password": PASSWORD}, format="json"
    ).json()["refresh"]
    assert api_client.post("/api/auth/token/refresh/", {"refresh": refresh}, format="json").status_code == 200
    again = api_client.post("/api/auth/token/refresh/", {"refresh": refresh}, format="json")
    assert again.status_code == 401
    assert "blacklisted" in again.json()["detail"].lower()


def test_password_validators_apply(api_client):
    response = api_client.post(
        "/api/v1/auth/register/",
        {"email": "a@example.com", "username": "a", "password": "password"},
        format="json",
    )
    assert response.status_code == 400
    assert any("too common" in message for message in response.json()["fields"]["password"])


class TestLockout:
    def fail(self, api_client, user, times: int = 5):
        for _ in range(times):
            response = api_client.post(
                "/api/auth/token/", {"username": user.username, "password": "wrong"}, format="json"
            )
            assert response.status_code in (401, 403)

    def test_five_failures_lock_the_account_on_every_surface(self, api_client, owner):
        self.fail(api_client, owner)
        right = {"email": owner.email, "password": PASSWORD}
        tailor = api_client.post("/api/v1/auth/login/", right, format="json")
        assert tailor.status_code == 403
        assert tailor.json()["code"] == "account_locked"
        assert "locked" in tailor.json()["detail"] and "15 minutes" in tailor.json()["detail"]
        assert api_client.post("/api/v1/auth/login", right, format="json").status_code == 403
        assert (
            api_client.post("/pf/auth/login", right, format="json").json()["error"]["code"]
            == "ERR_ACCOUNT_LOCKED"
        )
        resumate = api_client.post(
            "/api/auth/token/", {"username": owner.username, "password": PASSWORD}, format="json"
        )
        assert resumate.status_code == 403 and "locked" in resumate.json()["detail"]

    def test_lock_expires_after_15_minutes(self, api_client, owner):
        self.fail(api_client, owner)
        owner.refresh_from_db()
        assert owner.locked_until - timezone.now() > timedelta(minutes=14)
        User.objects.filter(pk=owner.pk).update(locked_until=timezone.now() - timedelta(seconds=1))
        response = api_client.post(
            "/api/v1/auth/login/", {"email": owner.email, "password": PASSWORD}, format="json"
        )
        assert response.status_code == 200

    def test_success_resets_the_failure_count(self, api_client, owner):
        self.fail(api_client, owner, times=4)
        assert (
            api_client.post(
                "/api/v1/auth/login/", {"email": owner.email, "password": PASSWORD}, format="json"
            ).status_code
            == 200
        )
        self.fail(api_client, owner, times=4)
        assert (
            api_client.post(
                "/api/v1/auth/login/", {"email": owner.email, "password": PASSWORD}, format="json"
            ).status_code
            == 200
        )

    def test_admin_login_shares_the_lockout(self, client, make_user):
        staff = make_user(is_staff=True, is_superuser=True)
        for _ in range(5):
            client.post("/admin/login/", {"username": staff.username, "password": "wrong"})
        client.post("/admin/login/", {"username": staff.username, "password": PASSWORD})
        assert client.get("/admin/").status_code == 302  # still not signed in


def test_mass_assignment_is_impossible(owner_client, owner, other_user):
    response = owner_client.patch(
        PROFILE,
        {
            "is_staff": True,
            "is_superuser": True,
            "subscription_tier": "enterprise",
            "id": other_user.id,
            "username": "hijack",
            "user_id": other_user.id,
            "first_name": "Still Me",
        },
        format="json",
    )
    assert response.status_code == 200
    owner.refresh_from_db()
    other_user.refresh_from_db()
    assert (owner.is_staff, owner.is_superuser, owner.subscription_tier, owner.username) == (
        False,
        False,
        "free",
        "owner",
    )
    assert owner.first_name == "Still Me"
    assert other_user.first_name != "Still Me"
    # nothing addresses another user's profile: the profile is always the caller's own
    assert bearer_client(other_user).get(PROFILE).json()["id"] == other_user.id
