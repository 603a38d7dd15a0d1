"""WebSocket authentication: who a socket belongs to, set as ``scope["user"]``.

Browsers cannot set headers on a WebSocket, so the Resume Optimizer accepts the credential as
``?token=`` (a JWT access token or an enterprise API key) as well as an
``Authorization: Bearer`` header, with the same rules as HTTP: an API key works only on the
enterprise tier, an expired or revoked credential is nobody. When a credential was sent but
refused, ``scope["auth_error"]`` says why (the consumer's close reason).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

from accounts import services


def _credential(scope) -> str:
    for name, value in scope.get("headers") or []:
        if name == b"authorization":
            kind, _, token = value.decode("latin-1").partition(" ")
            if kind.lower() == "bearer" and token.strip():
                return token.strip()
    query = parse_qs((scope.get("query_string") or b"").decode("latin-1"))
    return (query.get("token") or [""])[0].strip()


def user_for_token(token: str):
    """(user, refusal reason): an anonymous user and why, when the credential is refused."""
    if token.startswith(services.API_KEY_PREFIX):
        user = services.api_key_authenticate(key=token)
        if user is None:
            return AnonymousUser(), "Invalid or revoked API key."
        if user.subscription_tier != "enterprise":
            return (
                AnonymousUser(),
                f"API keys work only on the enterprise tier; this account is on {user.subscription_tier}.",
            )
        return user, ""
    authenticator = JWTAuthentication()
    try:
        return authenticator.get_user(authenticator.get_validated_token(token.encode())), ""
    except (InvalidToken, TokenError, AuthenticationFailed):
        return AnonymousUser(), "Token is invalid or expired."


class TokenAuthMiddleware:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        token = _credential(scope)
        user, reason = (
            (await database_sync_to_async(user_for_token)(token)) if token else (AnonymousUser(), "")
        )
        scope = {**scope, "user": user, "auth_error": reason or ("" if token else "Authentication required.")}
        return await self.app(scope, receive, send)
