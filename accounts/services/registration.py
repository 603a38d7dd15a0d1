"""Registration: a new account, with a unique username when none is given."""

import re

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cvplatform.exceptions import ConflictError

from ..models import User


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
