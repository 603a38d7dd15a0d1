"""`make run` loads demo data on every start: it must be idempotent and usable."""

import pytest
from django.core.management import call_command

from accounts.models import User
from applications.models import JobApplication
from billing.models import Plan
from cvplatform.management.commands.seed_demo import DEMO_USER, STAFF_USER
from llm.models import AIModel

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return (
        User.objects.count(),
        Plan.objects.count(),
        AIModel.objects.count(),
        JobApplication.objects.filter(is_example=True).count(),
    )


def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first[0] == 2 and first[1] >= 3 and first[2] >= 3 and first[3] == 5


def test_demo_credentials_from_the_readme_work(api_client, client):
    call_command("seed_demo")
    response = api_client.post(
        "/api/v1/auth/login/", {"email": DEMO_USER["email"], "password": DEMO_USER["password"]}, format="json"
    )
    assert response.status_code == 200
    assert client.login(username=STAFF_USER["username"], password=STAFF_USER["password"])
    assert client.get("/admin/").status_code == 200


def test_seed_demo_keeps_a_changed_password(api_client):
    call_command("seed_demo")
    demo = User.objects.get(email=DEMO_USER["email"])
    demo.set_password("Changed-By-Owner-1")
    demo.save()
    call_command("seed_demo")
    demo.refresh_from_db()
    assert demo.check_password("Changed-By-Owner-1")
