"""Profile updates: only the fields a user may change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from cvplatform.conf import setting
from cvplatform.exceptions import ApplicationError
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
    if data.get("profile_image") is not None:
        data["profile_image"] = profile_image_check(data["profile_image"])
    model_update(instance=user, fields=PROFILE_FIELDS, data=data)
    return user


# The formats a browser shows as an <img>, by what the bytes are (never the name): Pillow
# opens many more (EPS, FITS, PSD, ICNS...) that no profile needs, some through outside tools.
PROFILE_IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


def profile_image_check(upload):
    """A profile image as it will be stored: at most ``PROFILE_IMAGE_MAX_BYTES``, one of the
    web formats, at most ``PROFILE_IMAGE_MAX_SIDE`` pixels a side (a small file can declare
    a 144-megapixel image that whoever decodes it pays for), named by its real format. Only
    the header is read: nothing is decoded here."""
    max_side = setting("PROFILE_IMAGE_MAX_SIDE", 4096)
    max_bytes = setting("PROFILE_IMAGE_MAX_BYTES", 5 * 1024 * 1024)
    if upload.size is None or upload.size > max_bytes:
        raise ApplicationError(
            f"The profile image is larger than the {max_bytes / (1024 * 1024):g} MB limit.",
            code="file_too_large",
            status_code=413,
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            fmt, (width, height) = image.format, image.size
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        raise _image_error("Upload a valid image: the file is not one, or it is damaged.") from None
    if fmt not in PROFILE_IMAGE_FORMATS:
        raise _image_error(f"The profile image must be a PNG, JPEG, GIF or WebP image, not {fmt}.")
    if width > max_side or height > max_side:
        raise _image_error(
            f"The profile image is {width}x{height} pixels; at most {max_side}x{max_side} are accepted."
        )
    upload.seek(0)
    upload.name = f"profile.{PROFILE_IMAGE_FORMATS[fmt]}"
    return upload


def _image_error(message: str) -> ValidationError:
    return ValidationError({"profile_image": [message]})
