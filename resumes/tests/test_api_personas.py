"""PersonaForge /pf/personas: created from scratch or from a parsed CV, with overrides."""

import pytest

from cvplatform.exceptions import NotFoundError
from cvplatform.jobs import JobStatus
from resumes import selectors
from resumes.factories import CVDocumentFactory
from resumes.models import CVDocument, Persona

URL = "/pf/personas"


@pytest.fixture
def parsed_cv(owner):
    """A CV document as the parser leaves it (the upload path is tested in test_api_uploads)."""
    return CVDocumentFactory(
        user=owner,
        original_filename="jane.pdf",
        file="cvs/fixture.pdf",
        format="pdf",
        status=JobStatus.SUCCESS,
        structured={
            "basics": {"name": "Jane Doe", "email": "jane@example.com", "summary": "Backend engineer."},
            "work": [
                {"name": "Acme", "position": "Engineer", "startDate": "2019-01", "highlights": ["Built APIs"]}
            ],
            "skills": [{"name": "Languages", "keywords": ["Python", "Go"]}],
            "education": [{"institution": "MIT", "studyType": "BSc", "area": "CS"}],
            "raw_text": "Jane Doe ...",
        },
    )


@pytest.fixture
def persona(owner_client):
    response = owner_client.post(
        URL,
        {"title": "Data engineer", "overrides": {"summary": "Pipelines at scale.", "tags": ["data"]}},
        format="json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_create_from_scratch_answers_200_with_the_full_persona(persona):
    assert persona["title"] == "Data engineer"
    assert persona["summary"] == "Pipelines at scale."
    assert persona["tags"] == ["data"]
    assert persona["work_history"] == []
    assert persona["base_cv_id"] is None
    assert set(persona["sections"]) >= {"education", "projects", "certificates"}


def test_create_from_a_parsed_cv_copies_it_then_applies_overrides(owner_client, parsed_cv):
    response = owner_client.post(
        URL,
        {
            "title": "Go backend",
            "base_cv_id": str(parsed_cv.pk),
            "overrides": {"skills": ["Go", "Kubernetes"]},
        },
        format="json",
    )
    body = response.json()
    assert response.status_code == 200
    assert body["base_cv_id"] == parsed_cv.pk
    assert body["summary"] == "Backend engineer."
    assert body["skills"] == ["Go", "Kubernetes"]
    assert body["work_history"][0] == {
        "title": "Engineer",
        "company": "Acme",
        "location": "",
        "start_date": "2019-01",
        "end_date": "",
        "summary": "",
        "highlights": ["Built APIs"],
    }
    assert body["sections"]["education"][0]["institution"] == "MIT"


def test_a_cv_still_processing_cannot_seed_a_persona(owner_client, parsed_cv):
    CVDocument.objects.filter(pk=parsed_cv.pk).update(status=JobStatus.PENDING)
    response = owner_client.post(URL, {"title": "x", "base_cv_id": parsed_cv.pk}, format="json")
    assert response.status_code == 400
    assert "processing" in response.json()["error"]["message"]


def test_list_get_patch_delete(owner_client, persona):
    listed = owner_client.get(URL).json()
    assert listed == [
        {"id": persona["id"], "title": "Data engineer", "summary": "Pipelines at scale.", "tags": ["data"]}
    ]

    detail = f"{URL}/{persona['id']}"
    patched = owner_client.patch(
        detail,
        {
            "summary": "Streaming data.",
            "work_history": [
                {"title": "Lead", "company": "Initech", "start_date": "2020", "highlights": ["Kafka"]}
            ],
            "sections": {"education": [{"degree": "MSc", "institution": "ETH"}]},
        },
        format="json",
    )
    assert patched.status_code == 200
    body = owner_client.get(detail).json()
    assert body["title"] == "Data engineer"
    assert body["summary"] == "Streaming data."
    assert body["work_history"][0]["company"] == "Initech"
    assert body["sections"]["education"][0]["institution"] == "ETH"
    assert owner_client.get(f"{detail}/").status_code == 200  # optional trailing slash

    deleted = owner_client.delete(detail)
    assert deleted.status_code == 200
    assert deleted.json() == {"id": persona["id"], "deleted": True}
    assert owner_client.get(detail).status_code == 404


def test_title_is_required_in_personaforge_error_shape(owner_client):
    response = owner_client.post(URL, {"overrides": {}}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ERR_INVALID_REQUEST"
    assert "title" in response.json()["error"]["message"]


def test_persona_structured_cv_is_the_export_interface(owner, other_user, persona):
    cv = selectors.persona_structured_cv(user=owner, persona_id=str(persona["id"]))
    assert cv.basics.summary == "Pipelines at scale."
    with pytest.raises(NotFoundError):
        selectors.persona_structured_cv(user=other_user, persona_id=persona["id"])
    with pytest.raises(NotFoundError):
        selectors.persona_get(user=owner, persona_id="not-a-number")


def test_other_user_gets_404(other_client, persona, parsed_cv):
    detail = f"{URL}/{persona['id']}"
    assert other_client.get(URL).json() == []
    assert other_client.get(detail).status_code == 404
    assert other_client.get(detail).json()["error"]["code"] == "ERR_NOT_FOUND"
    assert other_client.patch(detail, {"title": "mine"}, format="json").status_code == 404
    assert other_client.delete(detail).status_code == 404
    assert Persona.objects.filter(pk=persona["id"]).exists()
    # Nor can another user seed a persona with someone else's CV.
    response = other_client.post(URL, {"title": "x", "base_cv_id": parsed_cv.pk}, format="json")
    assert response.status_code == 404


def test_anonymous_gets_401(api_client, persona):
    assert api_client.get(URL).status_code == 401
    assert api_client.get(f"{URL}/{persona['id']}").status_code == 401
