"""The one signed-link scheme for a user's stored files: uploaded CVs, saved client CVs, exports.

A token names the kind of file, its row and its owner, is signed with one salt and expires
after CV_DOWNLOAD_LINK_SECONDS. It is not a bearer credential: the download view requires a
signed-in caller (anonymous → 401) and the token must have been minted for that very user.
A tampered, expired, foreign or mismatched token reads as a missing file (404), like a
foreign id, so a link never tells another user that the file exists.

With S3 the bucket presigns its own links (``presigned_url``), expiring after
AWS_QUERYSTRING_EXPIRE, which defaults to the same lifetime.
"""

from django.core import signing
from django.db.models.fields.files import FieldFile

from .conf import setting
from .exceptions import NotFoundError

SALT = "cvplatform.downloads"


def link_seconds() -> int:
    """How long a signed download link stays valid."""
    return setting("CV_DOWNLOAD_LINK_SECONDS", 600)


def download_token(*, kind: str, pk: int, owner_id: int) -> str:
    return signing.dumps([kind, pk, owner_id], salt=SALT)


def download_token_read(*, token: str, kind: str, user, what: str = "File") -> int:
    """The row id an unexpired token of this ``kind`` was minted for, for this very user.

    Anything else is ``NotFoundError`` (``"<what> not found."``, or ``link_expired``)."""
    try:
        found = signing.loads(token, salt=SALT, max_age=link_seconds())
    except signing.SignatureExpired:
        raise NotFoundError("This download link has expired.", code="link_expired") from None
    except signing.BadSignature:
        raise NotFoundError(f"{what} not found.") from None
    if not (isinstance(found, list) and len(found) == 3):
        raise NotFoundError(f"{what} not found.")
    found_kind, pk, owner_id = found
    if found_kind != kind or owner_id is None or owner_id != user.pk or not isinstance(pk, int):
        raise NotFoundError(f"{what} not found.")
    return pk


def download_token_check(*, token: str, kind: str, pk: int, user, what: str = "File") -> None:
    """Accept only an unexpired token minted for this very file and this very user."""
    if download_token_read(token=token, kind=kind, user=user, what=what) != pk:
        raise NotFoundError(f"{what} not found.")


def presigned_url(file: FieldFile) -> str | None:
    """The storage's own expiring link (S3 with querystring auth), or None: we sign and serve."""
    if file and getattr(file.storage, "querystring_auth", False):
        return file.storage.url(file.name)
    return None
