"""Signed download links for stored CV files work for their owner only (API-CONTRACTS.md).

Both surfaces hand out a signed, expiring link: CV Genius in a saved CV's ``cv`` field,
PersonaForge in ``GET /pf/cv/{id}`` → ``file_url``. The link is not a bearer credential: the
caller must be signed in as the user it was minted for, who must own the file.
"""

import time
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from billing.factories import ClientFactory
from resumes import selectors
from resumes.tests.hostile import builders


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, builders.pdf_text(["Jane Doe", "jane@example.com"]), "application/pdf")


def _path(link: str) -> str:
    return link.split("testserver", 1)[1]


@pytest.fixture
def saved_link(owner, owner_client) -> tuple[int, str]:
    client_row = ClientFactory(owner=owner, name="Jane Doe")
    response = owner_client.post(
        "/api/users/cvs/upload_cv/", {"client": client_row.pk, "cv": _pdf("jane.pdf")}, format="multipart"
    )
    assert response.status_code == 201, response.content
    return response.json()["id"], _path(response.json()["cv"])


@pytest.fixture
def pf_link(owner_client) -> tuple[int, str]:
    response = owner_client.post("/pf/cv/upload", {"file": _pdf("cv.pdf")}, format="multipart")
    assert response.status_code == 200, response.content
    cv_id = response.json()["cv_id"]
    return cv_id, _path(owner_client.get(f"/pf/cv/{cv_id}").json()["file_url"])


@pytest.fixture(params=["saved", "pf"])
def link(request) -> tuple[str, int, str]:
    pk, path = request.getfixturevalue(f"{request.param}_link")
    return request.param, pk, path


def test_the_owner_downloads_the_file_through_the_link(owner_client, link):
    _kind, _pk, path = link
    assert "signature=" in path
    response = owner_client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_another_users_token_gets_404(other_client, link):
    _kind, _pk, path = link
    assert other_client.get(path).status_code == 404


def test_an_anonymous_caller_gets_401_even_with_the_link(api_client, link):
    _kind, _pk, path = link
    assert api_client.get(path).status_code == 401


def test_a_tampered_signature_gets_404(owner_client, link):
    _kind, _pk, path = link
    bare = path.split("?", 1)[0]
    assert owner_client.get(f"{bare}?signature=forged").status_code == 404
    assert owner_client.get(path[:-2] + ("xx" if not path.endswith("xx") else "yy")).status_code == 404


def test_an_expired_link_gets_404(owner, owner_client, link):
    kind, pk, path = link
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 3600):
        token = selectors.download_token(kind="saved" if kind == "saved" else "cv", pk=pk, user_id=owner.pk)
    bare = path.split("?", 1)[0]
    response = owner_client.get(bare, {"signature": token})
    assert response.status_code == 404


def test_a_link_minted_for_another_file_gets_404(owner, owner_client, link):
    kind, pk, path = link
    token = selectors.download_token(kind="saved" if kind == "saved" else "cv", pk=pk + 1, user_id=owner.pk)
    bare = path.split("?", 1)[0]
    assert owner_client.get(bare, {"signature": token}).status_code == 404


def test_a_link_minted_for_another_user_gets_404_even_for_that_user(other_user, other_client, link):
    # A token naming the other user does not open a file they do not own.
    kind, pk, path = link
    token = selectors.download_token(kind="saved" if kind == "saved" else "cv", pk=pk, user_id=other_user.pk)
    bare = path.split("?", 1)[0]
    assert other_client.get(bare, {"signature": token}).status_code == 404
