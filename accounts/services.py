"""Account writes: registration, sign-in with lockout, tokens, passwords, Google, API keys."""

import hashlib
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from cvplatform.exceptions import ApplicationError, ConflictError
from cvplatform.services import model_update

from . import selectors
from .models import ApiKey, Invite, Team, User

API_KEY_PREFIX = "cvp_"


class AccountLocked(ApplicationError):
    status_code = 403
    default_code = "account_locked"


class InvalidCredentials(ApplicationError):
    status_code = 401
    default_code = "invalid_credentials"


# --- sign-in and lockout -------------------------------------------------------------------
def user_sign_in_failed(*, user: User) -> None:
    User.objects.filter(pk=user.pk).update(failed_login_count=F("failed_login_count") + 1)
    user.refresh_from_db(fields=["failed_login_count"])
    if user.failed_login_count >= settings.LOGIN_MAX_FAILURES:
        user.locked_until = timezone.now() + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        user.failed_login_count = 0
        user.save(update_fields=["locked_until", "failed_login_count"])


def user_sign_in_succeeded(*, user: User) -> None:
    if user.failed_login_count or user.locked_until:
        User.objects.filter(pk=user.pk).update(failed_login_count=0, locked_until=None)
        user.failed_login_count, user.locked_until = 0, None


def _locked_error(user: User) -> AccountLocked:
    minutes = selectors.user_lock_minutes_left(user=user)
    return AccountLocked(
        f"This account is locked after {settings.LOGIN_MAX_FAILURES} failed sign-in attempts. "
        f"Try again in {minutes} minute{'s' if minutes != 1 else ''}, or reset your password."
    )


def user_password_verify(*, user: User | None, password: str) -> bool:
    """Check a password and count the result toward the lockout. Every way in (token
    endpoints, HTTP Basic, the admin through the auth backend) goes through here."""
    if user is None:
        # Hash anyway so a missing account takes as long as a wrong password.
        User().set_password(password)
        return False
    if user.check_password(password) and user.is_active:
        user_sign_in_succeeded(user=user)
        return True
    user_sign_in_failed(user=user)
    return False


def user_sign_in(*, identifier: str, password: str) -> User:
    """The user for these credentials; a clear error when locked or wrong."""
    user = selectors.user_by_identifier(identifier=identifier)
    if user is not None and selectors.user_is_locked(user=user):
        raise _locked_error(user)
    if not user_password_verify(user=user, password=password):
        # This failure may have been the one that locked the account: say so.
        if user is not None and selectors.user_is_locked(user=user):
            raise _locked_error(user)
        raise InvalidCredentials("No active account found with the given credentials.")
    return user


# --- registration ----------------------------------------------------------------------
def _unique_username(seed: str) -> str:
    base = re.sub(r"[^\w.@+-]", "", seed)[:140] or "user"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _split_name(full_name: str) -> tuple[str, str]:
    parts = full_name.strip().split(None, 1)
    if not parts:
        return "", ""
    return parts[0][:150], (parts[1] if len(parts) > 1 else "")[:150]


@transaction.atomic
def user_register(
    *,
    email: str,
    password: str,
    username: str = "",
    first_name: str = "",
    last_name: str = "",
    full_name: str = "",
) -> User:
    email = User.objects.normalize_email(email).strip()
    errors: dict[str, list[str]] = {}
    if User.objects.filter(email__iexact=email).exists():
        errors["email"] = ["A user with this email already exists."]
    if username and User.objects.filter(username__iexact=username).exists():
        errors["username"] = ["A user with that username already exists."]
    if full_name and not (first_name or last_name):
        first_name, last_name = _split_name(full_name)
    user = User(
        email=email,
        username=username or _unique_username(email.split("@")[0]),
        first_name=first_name,
        last_name=last_name,
    )
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        user.save()
    except IntegrityError as exc:  # a concurrent registration took the email or username
        raise ConflictError("A user with this email or username already exists.") from exc
    return user


# --- tokens ------------------------------------------------------------------------------
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


# --- profile and passwords ---------------------------------------------------------------
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "linkedin_url",
    "github_url",
    "website_url",
    "bio",
    "location",
    "profile_image",
    "preferred_cv_template",
    "email_notifications",
    "email",
)


@transaction.atomic
def user_profile_update(*, user: User, data: dict) -> User:
    """Update only the profile fields; anything else in ``data`` is ignored, never assigned."""
    data = {**data}
    if "name" in data and not ({"first_name", "last_name"} & data.keys()):
        data["first_name"], data["last_name"] = _split_name(data.pop("name") or "")
    if "email" in data:
        data["email"] = User.objects.normalize_email(data["email"]).strip()
        if User.objects.filter(email__iexact=data["email"]).exclude(pk=user.pk).exists():
            raise ValidationError({"email": ["A user with this email already exists."]})
    model_update(instance=user, fields=PROFILE_FIELDS, data=data)
    return user


@transaction.atomic
def user_change_password(*, user: User, current_password: str, new_password: str) -> None:
    if not user.check_password(current_password):
        raise ValidationError({"current_password": ["The current password is not correct."]})
    try:
        validate_password(new_password, user=user)
    except ValidationError as exc:
        raise ValidationError({"new_password": list(exc.messages)}) from exc
    user.set_password(new_password)
    user.save(update_fields=["password", "updated_at"])
    user_tokens_revoke_all(user=user)


def password_reset_request(*, email: str) -> None:
    """Mail a reset link when the account exists; the caller answers the same either way."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = f"{settings.PASSWORD_RESET_URL}?uid={uid}&token={token}"
    send_mail(
        subject="Reset your CV Platform password",
        message=(
            "Someone asked to reset the password of your CV Platform account.\n\n"
            f"To choose a new password, open: {link}\n\n"
            f"Or send uid={uid} and token={token} to the password-reset confirm endpoint.\n"
            "If this was not you, ignore this message: your password stays as it is."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uid)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        raise ApplicationError("The reset link is invalid or has expired.", code="invalid_token")
    try:
        validate_password(new_password, user=user)
    except ValidationError as exc:
        raise ValidationError({"new_password": list(exc.messages)}) from exc
    user.set_password(new_password)
    user.failed_login_count, user.locked_until = 0, None
    user.save(update_fields=["password", "failed_login_count", "locked_until", "updated_at"])
    user_tokens_revoke_all(user=user)
    return user


# --- Google sign-in ------------------------------------------------------------------------
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


# --- API keys -----------------------------------------------------------------------------
def api_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_key_create(*, user: User, name: str = "default") -> tuple[ApiKey, str]:
    """A new key; the plaintext is returned here once and never stored."""
    key = API_KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey.objects.create(
        user=user, name=name, prefix=key[: len(API_KEY_PREFIX) + 6], key_hash=api_key_hash(key)
    )
    return api_key, key


@transaction.atomic
def api_key_regenerate(*, user: User, name: str = "default") -> tuple[ApiKey, str]:
    ApiKey.objects.filter(user=user, name=name, revoked_at__isnull=True).update(revoked_at=timezone.now())
    return api_key_create(user=user, name=name)


def api_key_authenticate(*, key: str) -> User | None:
    api_key = selectors.api_key_lookup(key_hash=api_key_hash(key))
    if api_key is None or not api_key.user.is_active:
        return None
    ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
    return api_key.user


# --- housekeeping ---------------------------------------------------------------------------
@transaction.atomic
def accounts_housekeeping() -> dict[str, int]:
    """Drop expired refresh-token records (their blacklist rows go with them) and clear
    lockouts that have run out, so the tables do not grow without bound."""
    now = timezone.now()
    tokens, _ = OutstandingToken.objects.filter(expires_at__lt=now).delete()
    unlocked = User.objects.filter(locked_until__lt=now).update(locked_until=None, failed_login_count=0)
    return {"expired_tokens_deleted": tokens, "locks_cleared": unlocked}


# --- teams ---------------------------------------------------------------------------------
@transaction.atomic
def team_invite(*, inviter: User, email: str) -> Invite:
    """Invite ``email`` to the inviter's team, creating the team on the first invite.

    The invitee joins only by accepting (with the token mailed to them): an invite never moves
    someone into a team without their consent.
    """
    email = User.objects.normalize_email(email).strip()
    if email.lower() == inviter.email.lower():
        raise ValidationError({"email": ["You cannot invite yourself."]})
    if inviter.team_id is None:
        team = Team.objects.create(
            name=f"{inviter.get_full_name() or inviter.username}'s team", owner=inviter
        )
        User.objects.filter(pk=inviter.pk).update(team=team)
        inviter.team = team
    if User.objects.filter(email__iexact=email, team_id=inviter.team_id).exists():
        raise ValidationError({"email": ["This person is already in your team."]})
    invite, created = Invite.objects.get_or_create(
        team_id=inviter.team_id,
        email=email.lower(),
        defaults={"invited_by": inviter, "token": secrets.token_urlsafe(32)},
    )
    if not created and invite.accepted_at is not None:
        invite.accepted_at, invite.token, invite.invited_by = None, secrets.token_urlsafe(32), inviter
        invite.save(update_fields=["accepted_at", "token", "invited_by"])
    send_mail(
        subject=f"{inviter.get_full_name() or inviter.username} invited you to a team on CV Platform",
        message=(
            f"You were invited to join {invite.team.name} and share personas with its members.\n\n"
            f"To accept, sign in and send this token to the team invite accept endpoint: {invite.token}\n"
            "If you do not know the sender, ignore this message."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[email],
    )
    return invite


@transaction.atomic
def team_invite_accept(*, user: User, token: str) -> Team:
    invite = Invite.objects.select_related("team").filter(token=token, accepted_at__isnull=True).first()
    # Only the address that was invited may use the token.
    if invite is None or invite.email.lower() != user.email.lower():
        raise ApplicationError(
            "This invitation is not valid for your account.", code="invalid_invite", status_code=404
        )
    user.team = invite.team
    user.save(update_fields=["team", "updated_at"])
    invite.accepted_at = timezone.now()
    invite.save(update_fields=["accepted_at"])
    return invite.team
