from django.contrib.auth.backends import ModelBackend

from . import selectors, services


class EmailOrUsernameBackend(ModelBackend):
    """Email or username; the admin login shares the lockout with every other way in."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        identifier = username or kwargs.get("email")
        if not identifier or password is None:
            return None
        user = selectors.user_by_identifier(identifier=identifier)
        if user is not None and selectors.user_is_locked(user=user):
            return None
        return user if services.user_password_verify(user=user, password=password) else None
