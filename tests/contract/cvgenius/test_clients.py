"""CV Genius (seed 000) — /api/users/clients/ and /api/users/client-plans/: an agency user's
own clients; another user never sees them (404), anonymous gets 401."""

import datetime

import pytest

from billing.factories import JobFactory, PlanFactory
from billing.models import ClientPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def job():
    return JobFactory(name="Software Engineer")


@pytest.fixture
def plans():
    return (
        PlanFactory(name="Basic", price=9.99, duration=30),
        PlanFactory(name="Premium", price=19.99, duration=90),
    )


def make_client(api, job, **extra):
    body = {"name": "John Doe", "email": "john@example.com", "phone": "1234567890", "job": job.id, **extra}
    response = api.post("/api/users/clients/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_clients_crud_as_documented(owner_client, job):
    client = make_client(owner_client, job)
    assert {"id", "name", "email", "phone", "job"} <= set(client)
    assert owner_client.get("/api/users/clients/").json()[0]["id"] == client["id"]
    put = owner_client.put(
        f"/api/users/clients/{client['id']}/",
        {"name": "John Smith", "email": "john.smith@example.com", "phone": "9876543210", "job": job.id},
        format="json",
    )
    assert put.status_code == 200 and put.json()["name"] == "John Smith"
    patch = owner_client.patch(
        f"/api/users/clients/{client['id']}/", {"email": "updated.email@example.com"}, format="json"
    )
    assert patch.json()["email"] == "updated.email@example.com"
    assert owner_client.delete(f"/api/users/clients/{client['id']}/").status_code == 204
    assert owner_client.get(f"/api/users/clients/{client['id']}/").status_code == 404


def test_clients_are_private_to_their_agency_user(owner_client, other_client, api_client, job):
    client = make_client(owner_client, job)
    assert other_client.get("/api/users/clients/").json() == []
    for method in ("get", "delete"):
        assert getattr(other_client, method)(f"/api/users/clients/{client['id']}/").status_code == 404
    assert (
        other_client.patch(
            f"/api/users/clients/{client['id']}/", {"name": "Stolen"}, format="json"
        ).status_code
        == 404
    )
    assert api_client.get("/api/users/clients/").status_code == 401
    assert owner_client.get(f"/api/users/clients/{client['id']}/").json()["name"] == "John Doe"


def test_client_validation(owner_client):
    response = owner_client.post("/api/users/clients/", {"email": "not-an-email", "job": 999}, format="json")
    assert response.status_code == 400
    assert {"name", "email", "job"} <= set(response.json())


def test_client_plans_crud_and_by_client(owner_client, job, plans):
    basic, premium = plans
    client = make_client(owner_client, job)
    created = owner_client.post(
        "/api/users/client-plans/", {"client": client["id"], "plan": basic.id}, format="json"
    )
    assert created.status_code == 201
    cp = created.json()
    assert cp["client"] == client["id"] and cp["plan"] == basic.id and cp["is_active"] is True
    start = datetime.date.fromisoformat(cp["start_date"])
    assert datetime.date.fromisoformat(cp["end_date"]) - start == datetime.timedelta(days=30)

    patched = owner_client.patch(f"/api/users/client-plans/{cp['id']}/", {"plan": premium.id}, format="json")
    assert patched.status_code == 200
    assert datetime.date.fromisoformat(patched.json()["end_date"]) - start == datetime.timedelta(days=90)
    put = owner_client.put(
        f"/api/users/client-plans/{cp['id']}/", {"client": client["id"], "plan": basic.id}, format="json"
    )
    assert put.status_code == 200 and put.json()["plan"] == basic.id

    by_client = owner_client.get(f"/api/users/client-plans/by_client/?client_id={client['id']}")
    assert by_client.status_code == 200 and [p["id"] for p in by_client.json()] == [cp["id"]]
    assert owner_client.get("/api/users/client-plans/").json()[0]["id"] == cp["id"]
    assert owner_client.delete(f"/api/users/client-plans/{cp['id']}/").status_code == 204
    assert not ClientPlan.objects.exists()


def test_by_client_needs_client_id(owner_client):
    response = owner_client.get("/api/users/client-plans/by_client/")
    assert response.status_code == 400
    assert response.json() == {"client_id": ["client_id is required"]}
    assert owner_client.get("/api/users/client-plans/by_client/?client_id=abc").status_code == 400


def test_client_plans_are_private(owner_client, other_client, job, plans):
    client = make_client(owner_client, job)
    cp = owner_client.post(
        "/api/users/client-plans/", {"client": client["id"], "plan": plans[0].id}, format="json"
    ).json()
    assert other_client.get("/api/users/client-plans/").json() == []
    assert other_client.get(f"/api/users/client-plans/{cp['id']}/").status_code == 404
    assert other_client.get(f"/api/users/client-plans/by_client/?client_id={client['id']}").status_code == 404
    # another agency cannot attach a plan to this client
    response = other_client.post(
        "/api/users/client-plans/", {"client": client["id"], "plan": plans[0].id}, format="json"
    )
    assert response.status_code == 400 and "client" in response.json()


def test_by_client_with_a_huge_id_is_a_clear_400(owner_client):
    response = owner_client.get("/api/users/client-plans/by_client/?client_id=99999999999999999999999")
    assert response.status_code == 400
    assert "client_id" in response.json()


def test_client_email_is_optional_but_checked(owner_client):
    blank = owner_client.post("/api/users/clients/", {"name": "No mail"}, format="json")
    assert blank.status_code == 201 and blank.json()["email"] == ""
    bad = owner_client.post("/api/users/clients/", {"name": "Bad", "email": "not-an-address"}, format="json")
    assert bad.status_code == 400 and "email" in bad.json()
