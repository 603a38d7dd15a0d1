"""Google sign-in: verify the ID token, then sign in, link or unlink the Google account."""

from django.conf import settings
from django.db import transaction

from cvplatform.exceptions import ApplicationError, ConflictError

from ..models import User
from .registration import _unique_username
from .signin import InvalidCredentials


def google_id_token_verify(*, credential: str) -> dict:
    """Check a Google ID token's signature, audience, issuer and expiry; return its claims."""
    from google.auth.transport import requests as google_requests
    from google.oauth2 import id_token

    if not settings.GOOGLE_OAUTH_CLIENT_IDS:
        raise ApplicationError(
            "Google sign-in is not configured on this server.",
            code="google_not_configured",
            status_code=503,
        )
    try:
        claims = id_token.verify_token(
            credential,
            google_requests.Request(),
            audience=settings.GOOGLE_OAUTH_CLIENT_IDS,
            certs_url=settings.GOOGLE_OAUTH_CERTS_URL,
        )
    except ValueError as exc:
        raise InvalidCredentials(f"Invalid Google credential: {exc}", code="invalid_google_token") from exc
    except Exception as exc:  # the certificate fetch failed: not the caller's fault
        raise ApplicationError(
            "Could not reach Google to verify the credential; try again.",
            code="google_unavailable",
            status_code=503,
        ) from exc
    if claims.get("iss") not in ("accounts.google.com", "https://accounts.google.com"):
        raise InvalidCredentials("Invalid Google credential: wrong issuer.", code="invalid_google_token")
    if not claims.get("sub"):
        raise InvalidCredentials("Invalid Google credential: no subject.", code="invalid_google_token")
    return claims


@transaction.atomic
def user_google_sign_in(*, credential: str) -> tuple[User, bool]:
    """The user linked to this Google account, linking or creating one by verified email."""
    claims = google_id_token_verify(credential=credential)
    user = User.objects.filter(google_sub=claims["sub"]).first()
    if user is not None:
        return user, False
    email = claims.get("email")
    if not email or not claims.get("email_verified"):
        raise InvalidCredentials("The Google account has no verified email.", code="invalid_google_token")
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(
            email=email,
            username=_unique_username(email.split("@")[0]),
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        user.set_unusable_password()
    user.google_sub = claims["sub"]
    user.save()
    return user, created


@transaction.atomic
def user_google_link(*, user: User, credential: str) -> User:
    claims = google_id_token_verify(credential=credential)
    other = User.objects.filter(google_sub=claims["sub"]).exclude(pk=user.pk).exists()
    if other:
        raise ConflictError("This Google account is linked to another user.")
    user.google_sub = claims["sub"]
    user.save(update_fields=["google_sub", "updated_at"])
    return user


@transaction.atomic
def user_google_unlink(*, user: User) -> User:
    if not user.google_sub:
        raise ApplicationError("No Google account is linked.", code="not_linked")
    if not user.has_usable_password():
        raise ApplicationError(
            "Set a password before unlinking Google, or you could not sign in again.",
            code="password_required",
        )
    user.google_sub = None
    user.save(update_fields=["google_sub", "updated_at"])
    return user
