"""The one signed-link scheme (cvplatform.downloads): kind, row and owner, one salt, one lifetime.

The endpoints' owner / other-user / anonymous behaviour is walked in
resumes/tests/test_download_links.py and exports/tests/test_export_api.py.
"""

import time
from unittest import mock

import pytest
from django.core import signing

from cvplatform import downloads
from cvplatform.exceptions import NotFoundError


def _read(token, user, kind="export"):
    return downloads.download_token_read(token=token, kind=kind, user=user, what="Export")


def test_a_token_opens_its_row_for_its_owner(owner):
    token = downloads.download_token(kind="export", pk=41, owner_id=owner.pk)
    assert _read(token, owner) == 41
    downloads.download_token_check(token=token, kind="export", pk=41, user=owner)


@pytest.mark.parametrize(
    "minted",
    [
        {"kind": "export", "pk": 41, "owner": "other"},  # another user's link
        {"kind": "cv", "pk": 41, "owner": "owner"},  # another kind of file, same id
    ],
)
def test_anything_but_the_minted_kind_and_owner_is_not_found(owner, other_user, minted):
    owner_id = (owner if minted["owner"] == "owner" else other_user).pk
    token = downloads.download_token(kind=minted["kind"], pk=minted["pk"], owner_id=owner_id)
    with pytest.raises(NotFoundError, match="Export not found."):
        _read(token, owner)


def test_another_row_is_not_found(owner):
    token = downloads.download_token(kind="cv", pk=41, owner_id=owner.pk)
    with pytest.raises(NotFoundError):
        downloads.download_token_check(token=token, kind="cv", pk=42, user=owner)


def test_tampered_or_foreign_salted_tokens_are_not_found(owner):
    token = downloads.download_token(kind="export", pk=41, owner_id=owner.pk)
    for forged in (
        token[:-2] + ("aa" if not token.endswith("aa") else "bb"),
        signing.dumps(["export", 41, owner.pk], salt="exports.download"),
        signing.dumps({"job": 41, "user": owner.pk}, salt=downloads.SALT),
        "not-a-token",
    ):
        with pytest.raises(NotFoundError) as refused:
            _read(forged, owner)
        assert refused.value.code == "not_found"


def test_the_one_lifetime_setting_expires_every_link(owner, settings):
    assert downloads.link_seconds() == settings.CV_DOWNLOAD_LINK_SECONDS == 600
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 601):
        old = downloads.download_token(kind="saved", pk=3, owner_id=owner.pk)
    with pytest.raises(NotFoundError) as expired:
        downloads.download_token_read(token=old, kind="saved", user=owner)
    assert expired.value.code == "link_expired"
    settings.CV_DOWNLOAD_LINK_SECONDS = 3600
    assert downloads.download_token_read(token=old, kind="saved", user=owner) == 3


def test_an_anonymous_user_never_matches_an_owner(owner):
    from django.contrib.auth.models import AnonymousUser

    token = downloads.download_token(kind="export", pk=41, owner_id=owner.pk)
    with pytest.raises(NotFoundError):
        _read(token, AnonymousUser())
