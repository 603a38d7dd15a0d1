"""CV Genius /api/users/cvs/: an agency's client CV files, private to the agency user."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from billing.factories import ClientFactory
from resumes.models import SavedCV
from resumes.tests.hostile import builders

URL = "/api/users/cvs/"


def pdf_file(name="jane.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, builders.pdf_text(["Jane Doe", "jane@example.com"]), "application/pdf")


@pytest.fixture
def client_row(owner):
    return ClientFactory(owner=owner, name="Jane Doe", email="jane@example.com")


@pytest.fixture
def other_client_row(other_user):
    return ClientFactory(owner=other_user, name="Someone Else")


@pytest.fixture
def saved(owner_client, client_row):
    response = owner_client.post(
        f"{URL}upload_cv/", {"client": client_row.pk, "cv": pdf_file()}, format="multipart"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_upload_cv_stores_under_a_generated_name(owner, saved, client_row):
    assert saved["client"] == client_row.pk
    assert saved["filename"] == "jane.pdf"
    row = SavedCV.objects.get(pk=saved["id"])
    assert "jane" not in row.file.name
    assert row.file.name.startswith("cvs/") and row.file.name.endswith(".pdf")
    assert default_storage.exists(row.file.name)


def test_download_link_works_for_the_owner_only(owner_client, other_client, saved):
    link = saved["cv"]
    assert "signature=" in link
    path = link.split("testserver", 1)[1]
    # The signed link opens the file for its owner only: never without a session, never for
    # another user (test_download_links.py covers tampered and expired links).
    response = owner_client.get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert APIClient().get(path).status_code == 401
    assert other_client.get(path).status_code == 404
    bare = path.split("?", 1)[0]
    assert other_client.get(bare).status_code == 404
    assert owner_client.get(bare).status_code == 200


def test_upload_cv_requires_client_and_file(owner_client, client_row):
    response = owner_client.post(f"{URL}upload_cv/", {"client": client_row.pk}, format="multipart")
    assert response.status_code == 400
    assert response.json() == {"detail": "Client ID and CV file are required"}


def test_create_list_by_client_update_delete(owner_client, client_row, owner):
    second = ClientFactory(owner=owner, name="John Roe")
    created = owner_client.post(URL, {"client": client_row.pk, "cv": pdf_file()}, format="multipart")
    assert created.status_code == 201
    cv_id = created.json()["id"]
    assert [item["id"] for item in owner_client.get(URL).json()] == [cv_id]

    assert owner_client.get(f"{URL}by_client/").status_code == 400
    assert len(owner_client.get(f"{URL}by_client/", {"client_id": client_row.pk}).json()) == 1
    assert owner_client.get(f"{URL}by_client/", {"client_id": second.pk}).json() == []

    old_name = SavedCV.objects.get(pk=cv_id).file.name
    patched = owner_client.patch(
        f"{URL}{cv_id}/", {"client": second.pk, "cv": pdf_file("new.pdf")}, format="multipart"
    )
    assert patched.status_code == 200
    assert patched.json()["client"] == second.pk
    assert patched.json()["filename"] == "new.pdf"
    assert not default_storage.exists(old_name)

    assert owner_client.delete(f"{URL}{cv_id}/").status_code == 204
    assert owner_client.get(f"{URL}{cv_id}/").status_code == 404


def test_create_requires_both_fields(owner_client):
    response = owner_client.post(URL, {}, format="multipart")
    assert response.status_code == 400
    assert set(response.json()) == {"client", "cv"}


def test_another_agencys_client_cannot_be_used(owner_client, other_client_row):
    response = owner_client.post(
        f"{URL}upload_cv/", {"client": other_client_row.pk, "cv": pdf_file()}, format="multipart"
    )
    assert response.status_code == 400
    assert "client" in response.json()
    assert not SavedCV.objects.exists()


def test_other_user_gets_404_and_never_the_data(other_client, saved):
    assert other_client.get(URL).json() == []
    detail = f"{URL}{saved['id']}/"
    assert other_client.get(detail).status_code == 404
    assert other_client.delete(detail).status_code == 404
    assert SavedCV.objects.filter(pk=saved["id"]).exists()


def test_anonymous_gets_401(api_client, saved):
    assert api_client.get(URL).status_code == 401
    assert api_client.get(f"{URL}{saved['id']}/").status_code == 401


def test_hostile_file_is_refused(owner_client, client_row):
    from django.core.files.uploadedfile import SimpleUploadedFile

    exe = SimpleUploadedFile("cv.pdf", builders.windows_exe(), "application/pdf")
    response = owner_client.post(f"{URL}upload_cv/", {"client": client_row.pk, "cv": exe}, format="multipart")
    assert response.status_code == 400
    assert "executable" in response.json()["detail"]
    assert not SavedCV.objects.exists()


# --- the upload gate -------------------------------------------------------------------------
HOSTILE_PDFS = [
    (lambda: builders.pdf_page_tree(300_000), "300000 pages"),
    (lambda: builders.pdf_flate_bomb(200), "too much memory"),
]


@pytest.fixture
def small_parse_allowance(settings):
    # 200 MB once the stream bomb's content stream is inflated: over a 96 MB allowance.
    settings.CV_PARSE_MEMORY_BYTES = 96 * 1024 * 1024


@pytest.mark.parametrize(("build", "message"), HOSTILE_PDFS, ids=["300k-page-tree", "stream-bomb"])
@pytest.mark.parametrize("path", ["upload_cv/", ""], ids=["upload_cv", "create"])
def test_hostile_pdfs_are_refused_like_any_upload(
    owner_client, client_row, small_parse_allowance, build, message, path
):
    # The issue: "CV Genius saved-CV uploads accept hostile PDFs (300,000-page tree, stream
    # bomb) with 201 - every upload path goes through the same gate".
    upload = SimpleUploadedFile("cv.pdf", build(), "application/pdf")
    response = owner_client.post(f"{URL}{path}", {"client": client_row.pk, "cv": upload}, format="multipart")
    assert response.status_code == 400, response.content
    assert message in response.json()["detail"]
    assert not SavedCV.objects.exists()


@pytest.mark.parametrize(("build", "message"), HOSTILE_PDFS, ids=["300k-page-tree", "stream-bomb"])
@pytest.mark.parametrize("method", ["put", "patch"])
def test_replacing_the_file_passes_the_same_gate(
    owner_client, saved, client_row, small_parse_allowance, build, message, method
):
    before = SavedCV.objects.get(pk=saved["id"]).file.name
    upload = SimpleUploadedFile("cv.pdf", build(), "application/pdf")
    response = getattr(owner_client, method)(
        f"{URL}{saved['id']}/", {"client": client_row.pk, "cv": upload}, format="multipart"
    )
    assert response.status_code == 400, response.content
    assert message in response.json()["detail"]
    row = SavedCV.objects.get(pk=saved["id"])
    assert row.file.name == before and default_storage.exists(before)
