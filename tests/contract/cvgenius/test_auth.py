"""CV Genius (seed 000) — HTTP Basic authentication (and Bearer) on its routes."""

import base64

import pytest
from django.urls import path
from rest_framework.response import Response

from conftest import PASSWORD, bearer_client
from cvplatform.api.cvgenius.surface import CVGeniusAPIView

pytestmark = pytest.mark.django_db


class WhoAmI(CVGeniusAPIView):
    """A probe on the CV Genius surface: answers who the request authenticated as."""

    serializer_class = None

    def get(self, request):
        return Response({"id": request.user.id})


urlpatterns = [path("api/cv/whoami/", WhoAmI.as_view())]


def basic(identifier: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{identifier}:{password}".encode()).decode()


@pytest.fixture(autouse=True)
def _probe_urls(settings):
    import cvplatform.urls as root

    settings.ROOT_URLCONF = type(
        "URLConf", (), {"urlpatterns": urlpatterns + root.urlpatterns, "handler404": root.handler404}
    )


def test_basic_auth_by_username_or_email(api_client, owner):
    for identifier in (owner.username, owner.email):
        response = api_client.get("/api/cv/whoami/", HTTP_AUTHORIZATION=basic(identifier, PASSWORD))
        assert response.status_code == 200
        assert response.json() == {"id": owner.id}


def test_bearer_also_accepted(owner):
    assert bearer_client(owner).get("/api/cv/whoami/").json() == {"id": owner.id}


def test_anonymous_gets_401_with_basic_challenge(api_client):
    response = api_client.get("/api/cv/whoami/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert response["WWW-Authenticate"].startswith("Basic")


def test_wrong_password_401_detail(api_client, owner):
    response = api_client.get("/api/cv/whoami/", HTTP_AUTHORIZATION=basic(owner.username, "wrong"))
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid username/password."}


def test_unknown_cv_path_is_404_detail(api_client):
    response = api_client.get("/api/cv/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_basic_auth_shares_the_lockout(api_client, owner):
    for _ in range(5):
        api_client.get("/api/cv/whoami/", HTTP_AUTHORIZATION=basic(owner.username, "wrong"))
    response = api_client.get("/api/cv/whoami/", HTTP_AUTHORIZATION=basic(owner.username, PASSWORD))
    assert response.status_code == 401
    assert "locked" in response.json()["detail"]
    # and the lock holds on the other surfaces' sign-in too
    login = api_client.post(
        "/api/v1/auth/login/", {"email": owner.email, "password": PASSWORD}, format="json"
    )
    assert login.status_code == 403
