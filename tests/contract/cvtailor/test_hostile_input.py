"""CV Tailor's artifact, generation and export endpoints under hostile input: a value of the
wrong kind, a number past any id, a digit that is not ASCII, JSON nested thousands deep in a
form field. Each answers 4xx in the surface's error body, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from artifacts.factories import ArtifactFactory, LabelFactory
from artifacts.models import Artifact
from tests.contract.cvtailor.test_auth import assert_tailor_error

pytestmark = pytest.mark.django_db

PAST_ANY_ID = 2**70
DEEP_JSON = "[" * 5000 + "]" * 5000


def test_a_label_filter_with_a_non_ascii_digit_is_400(owner_client, owner):
    ArtifactFactory(user=owner)
    for value in ("²", "1,³"):
        response = owner_client.get("/api/v1/artifacts/", {"labels": value})
        assert_tailor_error(response, 400, fields={"labels"})


@pytest.mark.parametrize("action", ["add_labels", "remove_labels"])
def test_bulk_label_ids_that_cannot_be_ids_change_nothing(owner_client, owner, action):
    artifact = ArtifactFactory(user=owner)
    label = LabelFactory(user=owner)
    artifact.labels.add(label)
    for values, status in (
        ({"labels": ["²"]}, 400),
        (["¹"], 400),
        ({"labels": [label.pk, PAST_ANY_ID]}, 404),  # no label of anyone's has it
        ([str(PAST_ANY_ID)], 404),
    ):
        body = {"artifact_ids": [artifact.pk], "action": action, "values": values}
        response = owner_client.patch("/api/v1/artifacts/bulk/", body, format="json")
        assert_tailor_error(response, status, fields={"values"} if status == 400 else None)
    assert list(artifact.labels.all()) == [label]


@pytest.mark.parametrize("path", ["/api/v1/generate/cv/", "/api/v1/generate/cover-letter/"])
@pytest.mark.parametrize(
    "overrides, field",
    [({"labelIds": [PAST_ANY_ID]}, "labelIds"), ({"templateId": PAST_ANY_ID}, "templateId")],
)
def test_generation_ids_past_any_id_are_400(owner_client, owner, path, overrides, field):
    ArtifactFactory(user=owner)
    body = {"jobDescription": "Backend engineer: Python and Django.", **overrides}
    assert_tailor_error(owner_client.post(path, body, format="json"), 400, fields={field})


def test_json_nested_thousands_deep_in_a_form_field_is_400(owner_client, owner):
    # A multipart field's JSON is decoded by the view, not by the JSON parser that bounds
    # the depth of a JSON body: the same bound holds for it.
    artifact = ArtifactFactory(user=owner)
    upload = SimpleUploadedFile("notes.txt", b"Built in Python.", content_type="text/plain")
    response = owner_client.post(
        "/api/v1/artifacts/upload/", {"metadata": DEEP_JSON, "files": [upload]}, format="multipart"
    )
    assert_tailor_error(response, 400, fields={"metadata"})
    assert Artifact.objects.filter(user=owner).count() == 1
    body = {"artifact_ids": [artifact.pk], "action": "add_labels", "values": DEEP_JSON}
    response = owner_client.patch("/api/v1/artifacts/bulk/", body, format="multipart")
    assert_tailor_error(response, 400, fields={"values"})
    body = {"jobDescription": "Backend engineer: Python.", "customSections": DEEP_JSON}
    response = owner_client.post("/api/v1/generate/cv/", body, format="multipart")
    assert_tailor_error(response, 400, fields={"customSections"})


@pytest.mark.parametrize("action", ["add_technologies", "remove_technologies"])
def test_bulk_technologies_that_are_not_strings_change_nothing(owner_client, owner, action):
    artifact = ArtifactFactory(user=owner, technologies=["Python"])
    for values in ({"technologies": [1]}, [{"name": "Go"}], ["Go", True], [["Rust"]]):
        body = {"artifact_ids": [artifact.pk], "action": action, "values": values}
        response = owner_client.patch("/api/v1/artifacts/bulk/", body, format="json")
        assert_tailor_error(response, 400, fields={"values"})
    artifact.refresh_from_db()
    assert artifact.technologies == ["Python"]
