from django.contrib.auth.backends import ModelBackend

from . import selectors, services


class EmailOrUsernameBackend(ModelBackend):
    """Email or username, with the lockout counted here so every way in shares it
    (token endpoints, HTTP Basic, the admin login)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        identifier = username or kwargs.get("email")
        if not identifier or password is None:
            return None
        user = selectors.user_by_identifier(identifier=identifier)
        if user is None:
            # Hash anyway so a missing account takes as long as a wrong password.
            self.user_model().set_password(password)
            return None
        if selectors.user_is_locked(user=user):
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            services.user_sign_in_succeeded(user=user)
            return user
        services.user_sign_in_failed(user=user)
        return None

    @staticmethod
    def user_model():
        from .models import User

        return User()
