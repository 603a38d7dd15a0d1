"""The user a bearer token names is loaded with the columns requests read; the others load
together, in one query, the first time one of them is read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from accounts.selectors import REQUEST_USER_FIELDS, user_for_request
from conftest import bearer_client

pytestmark = pytest.mark.django_db


def test_a_request_user_leaves_the_profile_columns_in_the_database(make_user):
    user = make_user(bio="Writes CVs", phone="+44 20 7946 0000", subscription_tier="pro")
    loaded = user_for_request(user_id=user.pk)
    assert loaded.subscription_tier == "pro"
    assert {"password", "bio", "phone", "locked_until"} <= loaded.get_deferred_fields()
    assert not set(REQUEST_USER_FIELDS) & loaded.get_deferred_fields()


def test_reading_one_left_out_column_loads_all_of_them_in_one_query(make_user):
    user = make_user(bio="Writes CVs", phone="+44 20 7946 0000", location="Leeds")
    loaded = user_for_request(user_id=user.pk)
    with CaptureQueriesContext(connection) as queries:
        assert (loaded.bio, loaded.phone, loaded.location) == ("Writes CVs", "+44 20 7946 0000", "Leeds")
        assert loaded.check_password("wrong") is False
        assert loaded.failed_login_count == 0
    assert len(queries) == 1
    assert loaded.get_deferred_fields() == set()


def test_an_unknown_user_id_is_none():
    assert user_for_request(user_id=987654) is None


def test_saving_a_request_user_keeps_every_column(make_user):
    user = make_user(bio="Writes CVs")
    loaded = user_for_request(user_id=user.pk)
    loaded.first_name = "Renamed"
    loaded.save()
    fresh = User.objects.get(pk=user.pk)
    assert (fresh.first_name, fresh.bio, fresh.password) == ("Renamed", "Writes CVs", user.password)
    assert fresh.updated_at > user.updated_at


def test_a_bearer_token_of_a_deactivated_user_is_refused(make_user):
    user = make_user()
    client = bearer_client(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = client.get("/api/resumes/")
    assert response.status_code == 401
    assert response.json() == {"detail": "User is inactive"}


def test_a_bearer_token_of_a_deleted_user_is_refused(make_user):
    user = make_user()
    client = bearer_client(user)
    user.delete()
    response = client.get("/api/resumes/")
    assert response.status_code == 401
    assert response.json() == {"detail": "User not found"}


def test_a_user_id_that_is_no_id_is_none():
    assert user_for_request(user_id="not-a-number") is None


def test_the_request_user_is_one_query_of_the_request_columns(make_user):
    user = make_user()
    with CaptureQueriesContext(connection) as queries:
        loaded = user_for_request(user_id=user.pk)
    assert loaded == user and len(queries) == 1
    (statement,) = [query["sql"] for query in queries]
    assert "password" not in statement and "bio" not in statement


def test_the_request_user_has_the_columns_python_types(make_user):
    # On SQLite booleans and datetimes leave the cursor as integers and text: the loader
    # converts them as a queryset would.
    user = make_user(is_staff=True, subscription_tier="pro")
    loaded = user_for_request(user_id=user.pk)
    stored = User.objects.get(pk=user.pk)
    assert loaded.is_staff is True and loaded.is_active is True and loaded.is_superuser is False
    assert loaded.updated_at == stored.updated_at and loaded.updated_at.tzinfo is not None
    assert (loaded.pk, loaded.email, loaded.team_id) == (stored.pk, stored.email, stored.team_id)
    assert loaded._state.adding is False and loaded._state.db == "default"
