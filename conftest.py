"""Fixtures every test shares: API clients, the owner / other-user / anonymous personas."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.factories import PASSWORD, UserFactory
from accounts.services import user_tokens

__all__ = ["PASSWORD", "bearer_client"]


@pytest.fixture(autouse=True)
def _clean_cache():
    # Throttle counters and circuit breakers live in the cache: each test starts afresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _clean_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def make_user(db):
    def make(**kwargs):
        return UserFactory(**kwargs)

    return make


@pytest.fixture
def owner(db):
    return UserFactory(username="owner", email="owner@example.com")


@pytest.fixture
def other_user(db):
    return UserFactory(username="other", email="other@example.com")


def bearer_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {user_tokens(user=user)['access']}")
    return client


@pytest.fixture
def owner_client(owner) -> APIClient:
    return bearer_client(owner)


@pytest.fixture
def other_client(other_user) -> APIClient:
    return bearer_client(other_user)
