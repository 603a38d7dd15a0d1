"""Requests an ordinary client or browser may send must never end in a 500."""

import pytest
from django.test import override_settings

from billing.factories import ClientFactory, ClientPlanFactory, PlanFactory
from billing.models import Plan
from conftest import bearer_client

pytestmark = pytest.mark.django_db

HTML = {"HTTP_ACCEPT": "text/html"}
BROWSABLE_LISTS = [
    "/api/ai/models/",
    "/api/v1/resumes",
    "/api/v1/resumes/",
    "/api/v1/resumes/optimization-types",
    "/api/users/cvs/",
    "/pf/cv/list",
    "/pf/personas",
    "/pf/templates",
    "/pf/team/members",
    "/pf/team/personas",
    "/api/pack/plans/",
    "/api/job-applications/",
]


@pytest.mark.parametrize("path", BROWSABLE_LISTS)
def test_browsers_get_the_browsable_page(owner_client, path):
    response = owner_client.get(path, **HTML)
    assert response.status_code == 200, (path, response.status_code)
    assert b"<html" in response.content.lower()


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize(
    "path", ["/api/v1/auth/logout", "/api/resumes", "/api/cv/score-cv", "/api/auth/token"]
)
def test_post_without_the_documented_slash_is_a_clear_404_not_a_crash(owner_client, path, debug):
    with override_settings(DEBUG=debug):
        response = owner_client.post(path, {"refresh": "x"}, format="json")
    assert response.status_code == 404
    if not debug:  # with DEBUG on, Django shows its own 404 page to the developer
        assert response["Content-Type"].startswith("application/json")


def test_huge_numbers_are_validation_errors(owner_client, make_user):
    response = owner_client.patch("/pf/users/me", {"preferred_cv_template": 10**23}, format="json")
    assert response.status_code == 400
    staff = bearer_client(make_user(is_staff=True))
    plan = staff.post("/api/pack/plans/", {"name": "P", "price": 1, "duration": 30}, format="json").json()
    response = staff.patch(f"/api/pack/plans/{plan['id']}/", {"duration": 10**20}, format="json")
    assert response.status_code == 400 and "duration" in response.json()


def test_deleting_a_plan_in_use_is_a_conflict(make_user, owner):
    staff = bearer_client(make_user(is_staff=True))
    plan = PlanFactory(name="Used", price=5, duration=30)
    client = ClientFactory(owner=owner, name="C")
    ClientPlanFactory(client=client, plan=plan, start_date="2026-01-01", end_date="2026-01-31")
    response = staff.delete(f"/api/pack/plans/{plan.id}/")
    assert response.status_code == 409
    assert "client plan" in response.json()["detail"]
    assert Plan.objects.filter(pk=plan.id).exists()


@pytest.mark.parametrize("method", ["get", "options"])
def test_unlink_with_other_methods_is_not_a_crash(owner_client, method):
    response = getattr(owner_client, method)("/api/v1/auth/google/unlink/")
    assert response.status_code in (200, 405)


@pytest.mark.parametrize("method", ["options", "post"])
def test_swagger_ui_other_methods(client, method):
    response = getattr(client, method)("/api/docs/")
    assert response.status_code in (200, 405)


def test_invalid_token_message_is_readable(api_client):
    response = api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION="Bearer not.a.token")
    assert response.status_code == 401
    assert response.json() == {"detail": "Given token not valid for any token type"}
    tailor = api_client.get("/api/v1/auth/profile/", HTTP_AUTHORIZATION="Bearer not.a.token").json()
    assert (
        tailor["detail"] == "Given token not valid for any token type" and tailor["code"] == "token_not_valid"
    )


def test_form_encoded_pf_patch_changes_only_what_it_names(owner):
    owner.email_notifications = True
    owner.save()
    response = bearer_client(owner).patch("/pf/users/me", {"name": "Form Person"}, format="multipart")
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.email_notifications is True and owner.first_name == "Form"


def test_api_key_stops_working_when_the_tier_is_downgraded(api_client, make_user):
    from accounts.services import api_key_create

    boss = make_user(subscription_tier="enterprise")
    _, key = api_key_create(user=boss)
    assert api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    boss.subscription_tier = "free"
    boss.save()
    response = api_client.get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert "enterprise" in response.json()["detail"]


def test_preferred_template_must_exist(owner_client):
    from exports.models import CVTemplate

    template = CVTemplate.objects.filter(kind="cv").first()
    assert (
        owner_client.patch(
            "/api/v1/auth/profile/", {"preferred_cv_template": 99999}, format="json"
        ).status_code
        == 400
    )
    if template is not None:
        ok = owner_client.patch(
            "/api/v1/auth/profile/", {"preferred_cv_template": template.id}, format="json"
        )
        assert ok.status_code == 200 and ok.json()["preferred_cv_template"] == template.id


@pytest.mark.parametrize(
    "languages, expected",
    [(5, []), ("English, French", ["English", "French"]), ({"language": "German"}, ["German"])],
)
def test_cvgenius_languages_of_any_shape(owner_client, languages, expected):
    from cvplatform.api.cvgenius.mappings import cvgenius_to_structured

    payload = {"personal_info": {"name": "Ana Lima"}, "languages": languages}
    assert [lang.language for lang in cvgenius_to_structured(payload).languages] == expected
    response = owner_client.post("/api/cv/generate-latex-cv/", payload, format="json")
    assert response.status_code == 200
    assert "Ana Lima" in response.json()["latex_content"]
