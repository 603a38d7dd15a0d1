"""PersonaForge persona fields are validated: a wrong shape is a clear 400, never stored or
silently dropped."""

import pytest

from resumes.models import Persona

URL = "/pf/personas"


@pytest.fixture
def persona(owner_client) -> dict:
    response = owner_client.post(
        URL,
        {"title": "Backend", "overrides": {"skills": ["Python"], "work_history": [{"title": "Dev"}]}},
        format="json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def patch(client, persona: dict, body: dict):
    return client.patch(f"{URL}/{persona['id']}", body, format="json")


def assert_refused(response, field: str, *words: str) -> None:
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "ERR_INVALID_REQUEST"
    assert field in error["message"]
    for word in words:
        assert word in error["message"]


@pytest.mark.parametrize(
    "skills, words",
    [
        ("notalist", ["list"]),
        ([1, None, {}], ["skills[0]"]),
        ([None], ["skills[0]"]),
        ([{}], ["skills[0]", "name or keywords"]),
        ([{"name": "Languages", "keywords": "Python"}], ["skills[0].keywords", "list of strings"]),
        ([{"name": "Languages", "keywords": ["Python", 3]}], ["skills[0].keywords"]),
        ([{"name": 5, "keywords": ["Go"]}], ["skills[0].name"]),
        ({"Languages": ["Python"]}, ["list"]),
    ],
)
def test_malformed_skills_are_refused(owner_client, persona, skills, words):
    response = patch(owner_client, persona, {"skills": skills})
    assert_refused(response, "skills", *words)
    assert owner_client.get(f"{URL}/{persona['id']}").json()["skills"] == ["Python"]


def test_skills_as_strings_or_groups_are_accepted(owner_client, persona):
    response = patch(
        owner_client,
        persona,
        {"skills": ["Go", {"name": "Data", "keywords": ["SQL", "Kafka"]}, {"name": "Kubernetes"}]},
    )
    assert response.status_code == 200, response.content
    body = owner_client.get(f"{URL}/{persona['id']}").json()
    assert body["skills"] == ["Go", "SQL", "Kafka", "Kubernetes"]


@pytest.mark.parametrize(
    "work_history, words",
    [
        ("Dev at Acme", ["list"]),
        ([1], ["work_history[0]", "object"]),
        ([{"title": 5}], ["work_history[0].title", "string"]),
        ([{"title": "Dev", "highlights": [1, 2]}], ["work_history[0].highlights"]),
        ([{"title": "Dev", "colour": "blue"}], ["work_history[0]", "colour"]),
    ],
)
def test_malformed_work_history_is_refused(owner_client, persona, work_history, words):
    response = patch(owner_client, persona, {"work_history": work_history})
    assert_refused(response, "work_history", *words)
    assert owner_client.get(f"{URL}/{persona['id']}").json()["work_history"][0]["title"] == "Dev"


def test_work_history_round_trips_what_get_returns(owner_client, persona):
    item = {
        "title": "Lead",
        "company": "Initech",
        "location": "Berlin",
        "start_date": "2020-01",
        "end_date": "",
        "summary": "Platform team.",
        "highlights": ["Kafka"],
    }
    assert patch(owner_client, persona, {"work_history": [item]}).status_code == 200
    body = owner_client.get(f"{URL}/{persona['id']}").json()
    assert body["work_history"] == [item]
    # What GET returns can be sent back unchanged.
    assert patch(owner_client, persona, {"work_history": body["work_history"]}).status_code == 200


@pytest.mark.parametrize(
    "sections, words",
    [
        ({"a": [1]}, ["'a'", "education"]),
        ({"hobbies": []}, ["'hobbies'"]),
        ({"education": [1]}, ["sections.education[0]", "object"]),
        ({"projects": "Compiler"}, ["sections.projects"]),
    ],
)
def test_malformed_sections_are_refused(owner_client, persona, sections, words):
    response = patch(owner_client, persona, {"sections": sections})
    assert_refused(response, "sections", *words)


def test_known_sections_are_saved(owner_client, persona):
    response = patch(
        owner_client,
        persona,
        {"sections": {"projects": [{"name": "Compiler"}], "languages": [{"language": "German"}]}},
    )
    assert response.status_code == 200, response.content
    sections = owner_client.get(f"{URL}/{persona['id']}").json()["sections"]
    assert sections["projects"][0]["name"] == "Compiler"
    assert sections["languages"][0]["language"] == "German"


def test_create_validates_overrides_too(owner_client):
    response = owner_client.post(URL, {"title": "x", "overrides": {"skills": "notalist"}}, format="json")
    assert_refused(response, "skills")
    assert not Persona.objects.exists()
