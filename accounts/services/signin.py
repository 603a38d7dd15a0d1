"""Sign-in with lockout: every way in (token endpoints, HTTP Basic, the admin) checks a
password through here."""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cvplatform.exceptions import ApplicationError

from .. import selectors
from ..models import User


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
