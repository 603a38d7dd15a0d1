"""CV Genius (seed 000) — Pack endpoints: /api/pack/jobs/ and /api/pack/plans/.

Readable by every signed-in user, writable by staff only (API-CONTRACTS.md); plain arrays."""

import base64

import pytest

from billing.models import Plan
from conftest import PASSWORD, bearer_client

pytestmark = pytest.mark.django_db


def basic(user) -> dict:
    token = base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


@pytest.fixture
def staff(make_user):
    return make_user(is_staff=True)


def test_jobs_crud_as_documented(api_client, staff, owner):
    created = api_client.post("/api/pack/jobs/", {"name": "Software Engineer"}, format="json", **basic(staff))
    assert created.status_code == 201
    job_id = created.json()["id"]
    assert created.json()["name"] == "Software Engineer"

    listing = api_client.get("/api/pack/jobs/", **basic(owner))
    assert listing.status_code == 200
    assert isinstance(listing.json(), list) and listing.json()[0]["id"] == job_id
    assert api_client.get(f"/api/pack/jobs/{job_id}/", **basic(owner)).json()["name"] == "Software Engineer"

    put = api_client.put(
        f"/api/pack/jobs/{job_id}/", {"name": "Senior Software Engineer"}, format="json", **basic(staff)
    )
    assert put.status_code == 200 and put.json()["name"] == "Senior Software Engineer"
    patch = api_client.patch(
        f"/api/pack/jobs/{job_id}/", {"name": "Staff Engineer"}, format="json", **basic(staff)
    )
    assert patch.status_code == 200 and patch.json()["name"] == "Staff Engineer"
    assert api_client.delete(f"/api/pack/jobs/{job_id}/", **basic(staff)).status_code == 204
    assert api_client.get(f"/api/pack/jobs/{job_id}/", **basic(owner)).status_code == 404


def test_plans_crud_as_documented(staff, owner):
    client = bearer_client(staff)
    body = {
        "name": "Basic Plan",
        "price": 9.99,
        "duration": 30,
        "description": "Basic plan with limited features",
    }
    created = client.post("/api/pack/plans/", body, format="json")
    assert created.status_code == 201
    plan = created.json()
    assert {"id", "name", "price", "duration", "description"} <= set(plan)
    assert plan["price"] == 9.99 and plan["duration"] == 30
    patched = client.patch(f"/api/pack/plans/{plan['id']}/", {"price": 24.99}, format="json")
    assert patched.status_code == 200 and patched.json()["price"] == 24.99
    put = client.put(
        f"/api/pack/plans/{plan['id']}/",
        {
            "name": "Premium Plan",
            "price": 19.99,
            "duration": 30,
            "description": "Premium plan with all features",
        },
        format="json",
    )
    assert put.json()["name"] == "Premium Plan"
    assert bearer_client(owner).get("/api/pack/plans/").json()[0]["name"] == "Premium Plan"
    assert client.delete(f"/api/pack/plans/{plan['id']}/").status_code == 204
    assert not Plan.objects.exists()


def test_non_staff_cannot_write(owner_client):
    response = owner_client.post("/api/pack/jobs/", {"name": "Hacker"}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only staff can change jobs and plans."}


def test_anonymous_is_401(api_client):
    assert api_client.get("/api/pack/plans/").status_code == 401


@pytest.mark.parametrize(
    "body, field",
    [
        ({"name": "P", "price": "cheap", "duration": 30}, "price"),
        ({"name": "P", "price": 1, "duration": 0}, "duration"),
        ({"price": 1, "duration": 3}, "name"),
    ],
)
def test_plan_validation_is_drf_field_errors(staff, body, field):
    response = bearer_client(staff).post("/api/pack/plans/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_duplicate_name_is_a_clear_error(staff):
    client = bearer_client(staff)
    client.post("/api/pack/jobs/", {"name": "Designer"}, format="json")
    response = client.post("/api/pack/jobs/", {"name": "Designer"}, format="json")
    assert response.status_code == 400
    assert "name" in response.json()
