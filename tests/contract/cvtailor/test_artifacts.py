"""CV Tailor (seed 001) — the Artifact Management System, walked endpoint by endpoint with
the owner, another user and anonymous, and bad input for every write."""

import json
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from artifacts.factories import ArtifactFactory, ArtifactFileFactory, EvidenceLinkFactory, LabelFactory
from artifacts.models import Artifact, ArtifactFile, EvidenceLink, Label
from resumes.factories import CVDocumentFactory
from tests.contract.cvtailor.test_auth import assert_tailor_error

pytestmark = pytest.mark.django_db

BASE = "/api/v1/artifacts/"
ARTIFACT_FIELDS = {
    "id",
    "title",
    "description",
    "artifact_type",
    "start_date",
    "end_date",
    "technologies",
    "collaborators",
    "evidence_links",
    "labels",
    "status",
    "extracted_metadata",
    "created_at",
    "updated_at",
}
LINK_FIELDS = {
    "id",
    "url",
    "link_type",
    "description",
    "file_path",
    "mime_type",
    "is_accessible",
    "last_validated",
}
NOTES = b"Payments platform notes\nBuilt in Python with Django and Kubernetes, 2019-03 to 2021-06.\nhttps://github.com/acme/payments\n"


def text_file(name="notes.txt", data=NOTES):
    return SimpleUploadedFile(name, data, content_type="text/plain")


@pytest.fixture
def artifact(owner):
    return ArtifactFactory(user=owner, title="Payments platform", technologies=["Python", "Django"])


# --- GET/POST artifacts/ ---------------------------------------------------------------------
def test_create_answers_the_artifact_structure(owner_client, owner):
    label = LabelFactory(user=owner)
    body = {
        "title": "Payments platform",
        "description": "Led the rebuild of the payments API.",
        "artifact_type": "experience",
        "start_date": "2020-01-01",
        "end_date": "2022-06-30",
        "technologies": ["Python", "python", " Django "],
        "collaborators": ["Grace"],
        "labels": [label.pk],
        "evidence_links": [{"url": "https://github.com/acme/payments"}],
    }
    response = owner_client.post(BASE, body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert ARTIFACT_FIELDS <= set(data)
    assert data["technologies"] == ["Python", "Django"]  # trimmed, one per name in any case
    assert data["labels"][0] == {
        "id": label.pk,
        "name": label.name,
        "color": label.color,
        "description": label.description,
    }
    assert LINK_FIELDS <= set(data["evidence_links"][0])
    assert data["evidence_links"][0]["link_type"] == "github"
    assert data["status"] == "active" and data["extracted_metadata"] == {}
    assert owner_client.get(f"{BASE}{data['id']}/").json()["title"] == "Payments platform"


def test_create_refuses_bad_input_naming_the_fields(owner_client, other_user):
    assert_tailor_error(owner_client.post(BASE, {}, format="json"), 400, fields={"title"})
    response = owner_client.post(
        BASE, {"title": "X", "start_date": "2022-01-01", "end_date": "2021-01-01"}, format="json"
    )
    assert_tailor_error(response, 400, fields={"start_date", "end_date"})
    assert_tailor_error(
        owner_client.post(BASE, {"title": "X", "artifact_type": "poem"}, format="json"),
        400,
        fields={"artifact_type"},
    )
    foreign = LabelFactory(user=other_user)
    assert_tailor_error(
        owner_client.post(BASE, {"title": "X", "labels": [foreign.pk]}, format="json"), 400, fields={"labels"}
    )
    response = owner_client.post(
        BASE, {"title": "X", "evidence_links": [{"url": "ftp://example.com/x"}]}, format="json"
    )
    assert_tailor_error(response, 400, fields={"evidence_links"})
    assert not Artifact.objects.exists()


def test_list_is_paginated_and_owner_only(owner_client, other_client, api_client, artifact):
    ArtifactFactory(user=artifact.user, title="Second")
    body = owner_client.get(BASE).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2
    assert other_client.get(BASE).json()["count"] == 0
    assert_tailor_error(api_client.get(BASE), 401)
    assert_tailor_error(api_client.post(BASE, {"title": "X"}, format="json"), 401)


def test_list_filters_search_and_ordering(owner_client, owner):
    backend = LabelFactory(user=owner, name="Backend")
    a = ArtifactFactory(
        user=owner,
        title="Billing service",
        technologies=["Go"],
        start_date="2018-01-01",
        end_date="2019-01-01",
    )
    b = ArtifactFactory(
        user=owner,
        title="Analytics dashboard",
        description="React and billing charts",
        technologies=["React"],
        artifact_type="education",
        start_date="2021-01-01",
        end_date=None,
    )
    c = ArtifactFactory(
        user=owner, title="Zebra archive", technologies=["python"], status="archived", labels=[backend]
    )

    def ids(**params):
        response = owner_client.get(BASE, params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids(technologies="PYTHON") == [c.pk]
    assert ids(technologies="go,react") == [b.pk, a.pk]
    assert ids(labels=str(backend.pk)) == [c.pk]
    assert ids(status="archived") == [c.pk]
    assert ids(artifact_type="education") == [b.pk]
    assert ids(start_after="2020-01-01") == [b.pk]
    assert ids(end_before="2019-06-01") == [a.pk]
    assert ids(ordering="alphabetical") == [b.pk, a.pk, c.pk]
    assert ids(ordering="oldest") == [a.pk, b.pk, c.pk]
    assert ids() == [c.pk, b.pk, a.pk]
    # the title hit ranks above the description hit
    assert ids(search="billing") == [a.pk, b.pk]
    assert ids(search="dashboard") == [b.pk]
    for bad in ({"ordering": "random"}, {"status": "deleted"}, {"start_after": "yesterday"}, {"labels": "x"}):
        assert_tailor_error(owner_client.get(BASE, bad), 400, fields=set(bad))


# --- GET/PATCH/DELETE artifacts/{id}/ --------------------------------------------------------
def test_patch_updates_and_assigns_labels(owner_client, owner, artifact):
    label = LabelFactory(user=owner, name="Leadership")
    response = owner_client.patch(
        f"{BASE}{artifact.pk}/", {"labels": [label.pk], "status": "archived"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert [item["name"] for item in response.json()["labels"]] == ["Leadership"]
    assert response.json()["status"] == "archived"
    response = owner_client.patch(f"{BASE}{artifact.pk}/", {"end_date": "2010-01-01"}, format="json")
    assert_tailor_error(response, 400, fields={"start_date", "end_date"})
    assert_tailor_error(
        owner_client.patch(f"{BASE}{artifact.pk}/", {"title": ""}, format="json"), 400, fields={"title"}
    )
    assert_tailor_error(
        owner_client.patch(f"{BASE}{artifact.pk}/", {"technologies": "Python"}, format="json"),
        400,
        fields={"technologies"},
    )


def test_other_user_and_anonymous_get_404_and_401(other_client, api_client, artifact):
    url = f"{BASE}{artifact.pk}/"
    for method in ("get", "patch", "delete"):
        assert_tailor_error(getattr(other_client, method)(url, {}, format="json"), 404)
        assert_tailor_error(getattr(api_client, method)(url, {}, format="json"), 401)
    assert_tailor_error(other_client.get(f"{BASE}99999999999999999999/"), 404)
    assert Artifact.objects.filter(pk=artifact.pk, status="active").exists()


def test_delete_removes_the_artifact_and_its_stored_files(
    owner_client, artifact, django_capture_on_commit_callbacks
):
    row = ArtifactFileFactory(artifact=artifact)
    name = row.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        assert owner_client.delete(f"{BASE}{artifact.pk}/").status_code == 204
    assert not Artifact.objects.filter(pk=artifact.pk).exists()
    assert not default_storage.exists(name)


# --- uploads and status ------------------------------------------------------------------------
def test_upload_reads_documents_and_offers_their_technologies(
    owner_client, artifact, django_capture_on_commit_callbacks
):
    png = (
        b"\x89PNG\r\n\x1a\n"
        + b"\x00\x00\x00\rIHDR"
        + (640).to_bytes(4, "big")
        + (480).to_bytes(4, "big")
        + b"\x08\x02"
    )
    files = [text_file(), SimpleUploadedFile("diagram.png", png, content_type="image/png")]
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(f"{BASE}{artifact.pk}/upload/", {"files": files}, format="multipart")
    assert response.status_code == 201, response.content
    status = owner_client.get(f"{BASE}{artifact.pk}/status/").json()
    assert status["status"] == "completed" and status["progress"] == 100
    assert [f["status"] for f in status["files"]] == ["completed", "completed"]
    assert status["errors"] == []
    metadata = owner_client.get(f"{BASE}{artifact.pk}/").json()["extracted_metadata"]
    assert metadata["text_length"] > 50
    assert "Kubernetes" in metadata["detected_technologies"]
    # offered, not added: Python and Django are listed already, Kubernetes is suggested
    assert (
        "Kubernetes" in metadata["suggested_technologies"]
        and "Python" not in metadata["suggested_technologies"]
    )
    assert owner_client.get(f"{BASE}{artifact.pk}/").json()["technologies"] == ["Python", "Django"]
    assert "2019-03" in metadata["dates"]
    offered = owner_client.get(BASE + "suggestions/", {"q": "kube"}).json()["results"]
    assert {"name": "Kubernetes", "source": "detected", "category": "cloud_devops", "count": 0} in offered
    assert "https://github.com/acme/payments" in metadata["links"]
    image = ArtifactFile.objects.get(name="diagram.png")
    assert image.kind == "image" and image.metadata["width"] == 640 and image.mime_type == "image/png"
    assert image.file.name.startswith("artifacts/") and "diagram" not in image.file.name


def test_upload_status_shows_pending_then_a_per_file_error(
    owner_client, artifact, django_capture_on_commit_callbacks
):
    broken = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"garbage" * 50, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = owner_client.post(f"{BASE}{artifact.pk}/upload/", {"files": [broken]}, format="multipart")
    assert response.status_code == 201
    assert response.json()["status"] == "pending" and response.json()["progress"] == 0
    for callback in callbacks:
        callback()
    status = owner_client.get(f"{BASE}{artifact.pk}/status/").json()
    assert status["status"] == "failed" and status["failed_files"] == 1
    assert status["errors"][0]["name"] == "report.pdf" and status["errors"][0]["error"]


def test_upload_refuses_bad_files_by_name_and_stores_nothing(owner_client, artifact, settings):
    lying = SimpleUploadedFile("cv.pdf", b"just text", content_type="application/pdf")
    empty = SimpleUploadedFile("empty.txt", b"", content_type="text/plain")
    response = owner_client.post(
        f"{BASE}{artifact.pk}/upload/", {"files": [text_file(), lying, empty]}, format="multipart"
    )
    body = assert_tailor_error(response, 400, fields={"files"})
    assert any("cv.pdf" in message for message in body["fields"]["files"])
    assert any("empty.txt" in message for message in body["fields"]["files"])
    assert not ArtifactFile.objects.exists()
    assert_tailor_error(
        owner_client.post(f"{BASE}{artifact.pk}/upload/", {}, format="multipart"), 400, fields={"files"}
    )
    settings.ARTIFACT_FILE_MAX_BYTES = 20
    assert_tailor_error(
        owner_client.post(f"{BASE}{artifact.pk}/upload/", {"files": [text_file()]}, format="multipart"),
        413,
        fields={"files"},
    )
    settings.ARTIFACT_FILE_MAX_BYTES = 10_000
    settings.ARTIFACT_MAX_FILES = 1
    response = owner_client.post(
        f"{BASE}{artifact.pk}/upload/", {"files": [text_file(), text_file("b.txt")]}, format="multipart"
    )
    assert_tailor_error(response, 400, fields={"files"})
    assert not ArtifactFile.objects.exists()


def test_upload_and_status_are_owner_only(other_client, api_client, artifact):
    for client, code in ((other_client, 404), (api_client, 401)):
        assert_tailor_error(
            client.post(f"{BASE}{artifact.pk}/upload/", {"files": [text_file()]}, format="multipart"), code
        )
        assert_tailor_error(client.get(f"{BASE}{artifact.pk}/status/"), code)
    assert not ArtifactFile.objects.exists()


def test_bulk_upload_creates_artifacts_with_their_files(owner_client, django_capture_on_commit_callbacks):
    metadata = [
        {"title": "Thesis", "artifact_type": "publication", "files": ["thesis.txt"]},
        {"title": "Side project", "technologies": ["Rust"], "files": ["notes.txt"]},
    ]
    files = [text_file("notes.txt"), text_file("thesis.txt", b"A thesis on Kubernetes scheduling, 2020-09.")]
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            BASE + "upload/", {"files": files, "metadata": json.dumps(metadata)}, format="multipart"
        )
    assert response.status_code == 201, response.content
    created = {row["title"]: row for row in response.json()}
    assert set(created) == {"Thesis", "Side project"}
    assert [f["name"] for f in created["Thesis"]["files"]] == ["thesis.txt"]
    assert ArtifactFile.objects.get(name="notes.txt").artifact.title == "Side project"


def test_bulk_upload_is_all_or_nothing(owner_client, api_client):
    files = lambda: [text_file("a.txt"), text_file("b.txt")]  # noqa: E731
    cases = [
        ("{not json", {"metadata"}),
        (json.dumps([{"title": "A", "files": ["a.txt"]}]), {"files"}),  # b.txt has no entry
        (json.dumps([{"title": "A", "files": ["a.txt", "b.txt", "c.txt"]}]), {"metadata"}),
        (json.dumps([{"title": "A", "files": ["a.txt"]}, {"title": "", "files": ["b.txt"]}]), {"metadata"}),
        (
            json.dumps(
                [
                    {
                        "title": "A",
                        "end_date": "2001-01-01",
                        "start_date": "2002-01-01",
                        "files": ["a.txt", "b.txt"],
                    }
                ]
            ),
            {"start_date"},
        ),
    ]
    for metadata, fields in cases:
        response = owner_client.post(
            BASE + "upload/", {"files": files(), "metadata": metadata}, format="multipart"
        )
        assert_tailor_error(response, 400, fields=fields)
    assert_tailor_error(
        owner_client.post(BASE + "upload/", {"files": files()}, format="multipart"), 400, fields={"metadata"}
    )
    assert not Artifact.objects.exists() and not ArtifactFile.objects.exists()
    assert_tailor_error(
        api_client.post(BASE + "upload/", {"files": files(), "metadata": "{}"}, format="multipart"), 401
    )


# --- evidence links ----------------------------------------------------------------------------
def test_evidence_link_create_update_delete(owner_client, artifact):
    url = f"{BASE}{artifact.pk}/evidence-links/"
    response = owner_client.post(
        url,
        {"url": "https://example.com/demo", "link_type": "live_app", "description": "Demo"},
        format="json",
    )
    assert response.status_code == 201, response.content
    link = response.json()
    assert LINK_FIELDS <= set(link) and link["is_accessible"] is False and link["last_validated"] is None
    response = owner_client.put(
        f"{BASE}evidence-links/{link['id']}/",
        {"url": "https://example.org/new", "link_type": "website"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["url"] == "https://example.org/new"
    assert owner_client.delete(f"{BASE}evidence-links/{link['id']}/").status_code == 204
    assert not EvidenceLink.objects.exists()


def test_evidence_link_bad_input(owner_client, artifact):
    url = f"{BASE}{artifact.pk}/evidence-links/"
    for body, field in (
        ({}, "url"),
        ({"url": "not a url"}, "url"),
        ({"url": "ftp://example.com/file"}, "url"),
        ({"url": "https://user:secret@example.com/"}, "url"),
        ({"url": "https://example.com", "link_type": "blog"}, "link_type"),
    ):
        assert_tailor_error(owner_client.post(url, body, format="json"), 400, fields={field})
    link = EvidenceLinkFactory(artifact=artifact)
    assert_tailor_error(
        owner_client.put(f"{BASE}evidence-links/{link.pk}/", {"link_type": "github"}, format="json"),
        400,
        fields={"url"},
    )


def test_evidence_links_are_owner_only(other_client, api_client, artifact):
    link = EvidenceLinkFactory(artifact=artifact)
    for client, code in ((other_client, 404), (api_client, 401)):
        assert_tailor_error(
            client.post(
                f"{BASE}{artifact.pk}/evidence-links/", {"url": "https://example.com"}, format="json"
            ),
            code,
        )
        assert_tailor_error(
            client.put(f"{BASE}evidence-links/{link.pk}/", {"url": "https://evil.example"}, format="json"),
            code,
        )
        assert_tailor_error(client.delete(f"{BASE}evidence-links/{link.pk}/"), code)
    link.refresh_from_db()
    assert link.url.startswith("https://example.com/")


# --- files/{uuid}/ -------------------------------------------------------------------------------
def test_file_delete_removes_it_from_storage(
    owner_client, other_client, api_client, artifact, django_capture_on_commit_callbacks
):
    row = ArtifactFileFactory(artifact=artifact)
    url = f"{BASE}files/{row.uuid}/"
    assert_tailor_error(other_client.delete(url), 404)
    assert_tailor_error(api_client.delete(url), 401)
    assert_tailor_error(owner_client.delete(f"{BASE}files/{uuid.uuid4()}/"), 404)
    assert_tailor_error(owner_client.delete(f"{BASE}files/not-a-uuid/"), 404)
    assert default_storage.exists(row.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        assert owner_client.delete(url).status_code == 204
    assert not ArtifactFile.objects.exists()
    assert not default_storage.exists(row.file.name)


# --- bulk/ ---------------------------------------------------------------------------------------
def test_bulk_actions(owner_client, owner):
    first, second = (
        ArtifactFactory(user=owner, technologies=["Python"]),
        ArtifactFactory(user=owner, technologies=[]),
    )
    label = LabelFactory(user=owner)
    ids = [first.pk, second.pk]

    def bulk(action, values=None):
        body = {"artifact_ids": ids, "action": action}
        if values is not None:
            body["values"] = values
        response = owner_client.patch(BASE + "bulk/", body, format="json")
        assert response.status_code == 200, response.content
        assert response.json()["updated"] == 2
        first.refresh_from_db(), second.refresh_from_db()

    bulk("add_technologies", {"technologies": ["Go", "python"]})
    assert first.technologies == ["Python", "Go"] and second.technologies == ["Go", "python"]
    bulk("remove_technologies", ["PYTHON"])
    assert first.technologies == ["Go"] and second.technologies == ["Go"]
    bulk("archive")
    assert first.status == second.status == "archived"
    bulk("activate")
    assert first.status == "active"
    bulk("add_labels", {"labels": [label.pk]})
    assert list(second.labels.all()) == [label]
    bulk("remove_labels", {"labels": [label.pk]})
    assert not second.labels.exists()


def test_bulk_with_someone_elses_ids_changes_nothing(owner_client, api_client, owner, other_user):
    mine, theirs = ArtifactFactory(user=owner), ArtifactFactory(user=other_user)
    body = {"artifact_ids": [mine.pk, theirs.pk], "action": "archive"}
    assert_tailor_error(owner_client.patch(BASE + "bulk/", body, format="json"), 404)
    foreign_label = LabelFactory(user=other_user)
    body = {"artifact_ids": [mine.pk], "action": "add_labels", "values": {"labels": [foreign_label.pk]}}
    assert_tailor_error(owner_client.patch(BASE + "bulk/", body, format="json"), 404)
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.status == theirs.status == "active" and not mine.labels.exists()
    for bad, field in (
        ({"artifact_ids": [], "action": "archive"}, "artifact_ids"),
        ({"artifact_ids": [mine.pk], "action": "explode"}, "action"),
        ({"artifact_ids": ["x"], "action": "archive"}, "artifact_ids"),
        ({"artifact_ids": [mine.pk], "action": "add_technologies", "values": "Go"}, "values"),
        ({"artifact_ids": [mine.pk], "action": "add_labels", "values": ["a"]}, "values"),
    ):
        assert_tailor_error(owner_client.patch(BASE + "bulk/", bad, format="json"), 400, fields={field})
    assert_tailor_error(
        api_client.patch(BASE + "bulk/", {"artifact_ids": [mine.pk], "action": "archive"}, format="json"), 401
    )


# --- suggestions/ --------------------------------------------------------------------------------
def test_suggestions_own_technologies_first_then_the_vocabulary(owner_client, api_client, owner, other_user):
    ArtifactFactory(user=owner, technologies=["Kubeflow pipelines", "JSON-RPC"])
    ArtifactFactory(user=other_user, technologies=["Jsecret-tool"])

    def names(q, **extra):
        response = owner_client.get(BASE + "suggestions/", {"q": q, **extra})
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"count", "next", "previous", "results"}
        return [(row["name"], row["source"]) for row in body["results"]]

    js = names("js")
    assert js[0] == ("JSON-RPC", "artifacts")
    assert ("JavaScript", "vocabulary") in js and ("Jsecret-tool", "artifacts") not in js
    assert names("k8s")[0] == ("Kubernetes", "vocabulary")
    kube = names("kube")
    assert kube[0] == ("Kubeflow pipelines", "artifacts") and ("Kubernetes", "vocabulary") in kube
    assert len(names("a", limit=3)) == 3
    assert_tailor_error(owner_client.get(BASE + "suggestions/", {"limit": 0}), 400, fields={"limit"})
    assert_tailor_error(api_client.get(BASE + "suggestions/", {"q": "js"}), 401)


# --- labels/ -------------------------------------------------------------------------------------
def test_label_crud_and_unique_names(owner_client, other_client, api_client):
    response = owner_client.post(
        BASE + "labels/", {"name": "Backend", "color": "#FF0000", "description": "APIs"}, format="json"
    )
    assert response.status_code == 201, response.content
    label = response.json()
    assert label == {"id": label["id"], "name": "Backend", "color": "#ff0000", "description": "APIs"}
    assert_tailor_error(
        owner_client.post(BASE + "labels/", {"name": "backend"}, format="json"), 409, fields={"name"}
    )
    # another user may use the same name
    assert other_client.post(BASE + "labels/", {"name": "Backend"}, format="json").status_code == 201
    assert_tailor_error(
        owner_client.post(BASE + "labels/", {"name": "X", "color": "red"}, format="json"),
        400,
        fields={"color"},
    )
    assert_tailor_error(
        owner_client.post(BASE + "labels/", {"name": ""}, format="json"), 400, fields={"name"}
    )
    listed = owner_client.get(BASE + "labels/").json()
    assert listed["count"] == 1 and listed["results"][0]["name"] == "Backend"
    url = f"{BASE}labels/{label['id']}/"
    assert owner_client.patch(url, {"color": "#00ff00"}, format="json").json()["color"] == "#00ff00"
    owner_client.post(BASE + "labels/", {"name": "Frontend"}, format="json")
    assert_tailor_error(owner_client.patch(url, {"name": "FRONTEND"}, format="json"), 409, fields={"name"})
    for client, code in ((other_client, 404), (api_client, 401)):
        assert_tailor_error(client.get(url), code)
        assert_tailor_error(client.patch(url, {"name": "Mine"}, format="json"), code)
        assert_tailor_error(client.delete(url), code)
    assert owner_client.get(url).json()["name"] == "Backend"
    assert owner_client.delete(url).status_code == 204
    assert not Label.objects.filter(pk=label["id"]).exists()
    assert_tailor_error(api_client.get(BASE + "labels/"), 401)


# --- import-cv/ (ours) ---------------------------------------------------------------------------
CV_TEXT = """Jane Doe
jane@example.com

Experience
Backend Engineer, Acme, 2019-01 - present
- Built payment APIs in Python and Kubernetes

Education
BSc Computer Science, MIT, 2014 - 2018

Skills
Python, Go, PostgreSQL
"""


def test_import_cv_from_a_stored_cv_does_not_duplicate(owner_client, other_client, api_client, owner):
    document = CVDocumentFactory(user=owner)
    response = owner_client.post(BASE + "import-cv/", {"cv_id": document.pk}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    kinds = {row["artifact_type"]: row for row in body["artifacts"]}
    assert body["created"] == 2 and set(kinds) == {"experience", "education"}
    assert (
        kinds["experience"]["title"] == "Backend Engineer" and kinds["experience"]["organisation"] == "Acme"
    )
    assert kinds["experience"]["start_date"] == "2019-01-01" and kinds["experience"]["end_date"] is None
    assert "Python" in kinds["experience"]["technologies"]
    again = owner_client.post(BASE + "import-cv/", {"cv_id": document.pk}, format="json")
    assert again.status_code == 200 and again.json()["created"] == 0 and again.json()["existing"] == 2
    assert Artifact.objects.filter(user=owner).count() == 2
    assert_tailor_error(other_client.post(BASE + "import-cv/", {"cv_id": document.pk}, format="json"), 404)
    assert_tailor_error(api_client.post(BASE + "import-cv/", {"cv_id": document.pk}, format="json"), 401)


def test_import_cv_from_a_file_and_bad_input(owner_client, owner):
    upload = SimpleUploadedFile("cv.txt", CV_TEXT.encode(), content_type="text/plain")
    response = owner_client.post(BASE + "import-cv/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.content
    assert {row["artifact_type"] for row in response.json()["artifacts"]} == {"experience", "education"}
    assert_tailor_error(owner_client.post(BASE + "import-cv/", {}, format="json"), 400, fields={"cv_id"})
    assert_tailor_error(
        owner_client.post(BASE + "import-cv/", {"cv_id": "x"}, format="json"), 400, fields={"cv_id"}
    )
    binary = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    assert_tailor_error(owner_client.post(BASE + "import-cv/", {"file": binary}, format="multipart"), 400)
    assert_tailor_error(owner_client.post(BASE + "import-cv/", {"cv_id": 99999}, format="json"), 404)


def test_a_hostile_docx_fails_its_own_job_with_a_reason(
    owner_client, artifact, django_capture_on_commit_callbacks
):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><w:document>&lol;</w:document>',
        )
    hostile = SimpleUploadedFile("evil.docx", buffer.getvalue(), content_type="application/octet-stream")
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(
            f"{BASE}{artifact.pk}/upload/", {"files": [hostile, text_file()]}, format="multipart"
        )
    assert response.status_code == 201, response.content
    status = owner_client.get(f"{BASE}{artifact.pk}/status/").json()
    assert status["status"] == "completed" and status["failed_files"] == 1 and status["processed_files"] == 1
    assert status["errors"][0]["name"] == "evil.docx" and "DOCTYPE" in status["errors"][0]["error"]
