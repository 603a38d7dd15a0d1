"""Ids read from a request are bounded: a huge or non-numeric id is a 404/400, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from billing.factories import ClientFactory
from resumes.models import SavedCV
from resumes.tests.hostile import builders

HUGE = "99999999999999999999999"  # past a 64-bit integer: the database driver overflows
BY_CLIENT = "/api/users/cvs/by_client/"


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "jane.pdf", builders.pdf_text(["Jane Doe", "jane@example.com"]), "application/pdf"
    )


@pytest.fixture
def client_row(owner):
    return ClientFactory(owner=owner, name="Jane Doe")


@pytest.fixture
def saved_id(owner_client, client_row) -> int:
    response = owner_client.post(
        "/api/users/cvs/upload_cv/", {"client": client_row.pk, "cv": _pdf()}, format="multipart"
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


def test_by_client_with_a_huge_id_is_404(owner_client, saved_id):
    response = owner_client.get(BY_CLIENT, {"client_id": HUGE})
    assert response.status_code == 404
    assert response.json() == {"detail": "Client not found."}


def test_by_client_with_a_non_numeric_id_is_400(owner_client):
    response = owner_client.get(BY_CLIENT, {"client_id": "abc"})
    assert response.status_code == 400
    assert response.json() == {"client_id": ["client_id must be an integer"]}


def test_by_client_without_an_id_is_400(owner_client):
    response = owner_client.get(BY_CLIENT)
    assert response.status_code == 400
    assert response.json() == {"client_id": ["client_id is required"]}


def test_by_client_errors_match_client_plans(owner_client):
    # The same query parameter gets the same error body on both CV Genius endpoints.
    for query in ({}, {"client_id": "abc"}):
        plans = owner_client.get("/api/users/client-plans/by_client/", query)
        cvs = owner_client.get(BY_CLIENT, query)
        assert (cvs.status_code, cvs.json()) == (plans.status_code, plans.json())


def test_by_client_for_another_users_client_is_404(other_client, client_row, saved_id):
    response = other_client.get(BY_CLIENT, {"client_id": client_row.pk})
    assert response.status_code == 404
    assert response.json() == {"detail": "Client not found."}


def test_by_client_for_an_own_client_lists_its_cvs(owner, owner_client, client_row, saved_id):
    assert [item["id"] for item in owner_client.get(BY_CLIENT, {"client_id": client_row.pk}).json()] == [
        saved_id
    ]
    empty = ClientFactory(owner=owner, name="No CVs")
    assert owner_client.get(BY_CLIENT, {"client_id": empty.pk}).json() == []


@pytest.mark.parametrize(
    "path",
    [
        f"/api/users/cvs/{HUGE}/",
        f"/api/users/cvs/{HUGE}/download/",
        f"/api/users/cvs/-{HUGE}/",
        "/api/users/cvs/abc/download/",
        f"/pf/cv/{HUGE}",
        f"/pf/cv/{HUGE}/file",
        f"/pf/cv/-{HUGE}/file",
        f"/pf/personas/{HUGE}",
        "/pf/personas/1e400",
        f"/api/v1/resumes/{HUGE}",
        f"/api/resumes/{HUGE}/",
    ],
)
def test_huge_or_odd_ids_in_paths_are_404(owner_client, saved_id, path):
    assert owner_client.get(path).status_code == 404


def test_updating_with_a_huge_id_is_404(owner_client):
    assert owner_client.patch(f"/pf/personas/{HUGE}", {"name": "x"}, format="json").status_code == 404
    assert owner_client.delete(f"/api/users/cvs/{HUGE}/").status_code == 404


def test_saving_a_cv_for_a_huge_client_id_is_400(owner_client):
    response = owner_client.post(
        "/api/users/cvs/upload_cv/", {"client": HUGE, "cv": _pdf()}, format="multipart"
    )
    assert response.status_code == 400
    assert "client" in response.json()
    assert not SavedCV.objects.exists()
