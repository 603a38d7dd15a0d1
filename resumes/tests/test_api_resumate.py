"""ResuMate /api/resumes/: Markdown resumes, owner only, plain arrays."""

import pytest

from resumes.factories import ResumeFactory

URL = "/api/resumes/"


@pytest.fixture
def resume(owner):
    return ResumeFactory(user=owner, title="Backend CV", content="# Jane\n\n## Experience")


def test_owner_creates_lists_reads_updates_and_deletes(owner_client):
    created = owner_client.post(URL, {"title": "My CV", "content": "# Jane Doe"}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["user"] == "owner"
    assert body["title"] == "My CV"
    assert body["content"] == "# Jane Doe"
    assert {"id", "created_at", "updated_at"} <= set(body)

    listed = owner_client.get(URL).json()
    assert [item["id"] for item in listed] == [body["id"]]

    detail = f"{URL}{body['id']}/"
    assert owner_client.get(detail).json()["content"] == "# Jane Doe"
    patched = owner_client.patch(detail, {"content": "# Jane Doe\n\nPython"}, format="json")
    assert patched.status_code == 200
    assert patched.json()["title"] == "My CV"
    put = owner_client.put(detail, {"title": "Renamed", "content": "x"}, format="json")
    assert put.json()["title"] == "Renamed"
    assert owner_client.delete(detail).status_code == 204
    assert owner_client.get(detail).status_code == 404


def test_title_is_required(owner_client):
    response = owner_client.post(URL, {"content": "# Jane"}, format="json")
    assert response.status_code == 400
    assert "title" in response.json()


def test_other_user_never_sees_or_changes_it(other_client, resume):
    assert other_client.get(URL).json() == []
    detail = f"{URL}{resume.pk}/"
    assert other_client.get(detail).status_code == 404
    assert other_client.patch(detail, {"title": "hijack"}, format="json").status_code == 404
    assert other_client.delete(detail).status_code == 404
    resume.refresh_from_db()
    assert resume.title == "Backend CV"


def test_anonymous_gets_401(api_client, resume):
    assert api_client.get(URL).status_code == 401
    assert api_client.get(f"{URL}{resume.pk}/").status_code == 401
    assert api_client.post(URL, {"title": "x"}, format="json").status_code == 401


def test_the_list_reads_the_signed_in_user_once_and_never_joins_it(owner, owner_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ResumeFactory.create_batch(3, user=owner)
    with CaptureQueriesContext(connection) as queries:
        response = owner_client.get(URL)
    assert [row["user"] for row in response.json()] == ["owner"] * 3
    # The bearer token's user, then the rows: each row's user is that same object.
    assert len(queries) == 2, [q["sql"] for q in queries]
    assert "accounts_user" not in queries[1]["sql"]
