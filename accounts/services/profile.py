"""Profile updates: only the fields a user may change."""

from django.core.exceptions import ValidationError
from django.db import transaction

from cvplatform.services import model_update

from ..models import User
from .registration import _split_name

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
