"""Authentication classes the surfaces combine (see cvplatform/api/)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework_simplejwt.authentication import JWTAuthentication as _JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts import selectors, services


class JWTAuthentication(_JWTAuthentication):
    """Bearer JWT from the Authorization header only — never from the URL."""

    www_authenticate_realm = "api"

    def get_user(self, validated_token):
        # simplejwt's own checks and messages, but the user is loaded with the columns requests
        # read rather than all 28 of them.
        try:
            user_id = validated_token[api_settings.USER_ID_CLAIM]
        except KeyError as exc:
            raise InvalidToken(_("Token contained no recognizable user identification")) from exc
        user = selectors.user_for_request(user_id=user_id)
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(_("The user's password has been changed."), code="password_changed")
        return user


class LockoutBasicAuthentication(authentication.BasicAuthentication):
    """HTTP Basic that shares the sign-in lockout with every other way in."""

    def authenticate_credentials(self, userid, password, request=None):
        try:
            user = services.user_sign_in(identifier=userid, password=password)
        except services.AccountLocked as exc:
            raise exceptions.AuthenticationFailed(exc.message, code=exc.code) from exc
        except services.InvalidCredentials as exc:
            raise exceptions.AuthenticationFailed("Invalid username/password.") from exc
        return (user, None)


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer cvp_…``: an API key stands in for a JWT (Resume Optimizer)."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if len(header) != 2 or header[0].decode(errors="replace") != self.keyword:
            return None
        key = header[1].decode(errors="replace")
        if not key.startswith(services.API_KEY_PREFIX):
            return None  # a JWT: the next authenticator handles it
        user = services.api_key_authenticate(key=key)
        if user is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked API key.")
        if user.subscription_tier != "enterprise":
            # Keys are an enterprise feature: a downgrade suspends them (they work again on upgrade).
            raise exceptions.AuthenticationFailed(
                f"API keys work only on the enterprise tier; this account is on {user.subscription_tier}."
            )
        return (user, None)

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
