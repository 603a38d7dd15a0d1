"""JWT access/refresh tokens: issue, rotate, blacklist, revoke."""

from django.utils import timezone
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from cvplatform.exceptions import ApplicationError

from ..models import User
from .signin import InvalidCredentials


def user_tokens(*, user: User) -> dict[str, str]:
    refresh = RefreshToken.for_user(user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


def token_refresh(*, refresh: str) -> dict[str, str]:
    """Rotate a refresh token: the old one is blacklisted, a reused one is refused."""
    serializer = TokenRefreshSerializer(data={"refresh": refresh})
    try:
        serializer.is_valid(raise_exception=True)
    except TokenError as exc:
        raise InvalidCredentials(str(exc), code="token_not_valid") from exc
    return serializer.validated_data


def token_blacklist(*, refresh: str, user: User | None = None) -> None:
    try:
        token = RefreshToken(refresh)
    except TokenError as exc:
        raise ApplicationError(str(exc), code="token_not_valid") from exc
    if user is not None and str(token.get("user_id")) != str(user.pk):
        raise ApplicationError("This refresh token belongs to another session.", code="token_not_valid")
    token.blacklist()


def user_tokens_revoke_all(*, user: User) -> None:
    """Blacklist every outstanding refresh token (after a password change or reset)."""
    for outstanding in OutstandingToken.objects.filter(user=user, expires_at__gt=timezone.now()):
        BlacklistedToken.objects.get_or_create(token=outstanding)
