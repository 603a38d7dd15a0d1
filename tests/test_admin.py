"""Every model of ours is in the admin, with a useful list page."""

import pytest
from django.apps import apps
from django.contrib import admin

from conftest import PASSWORD

OUR_APPS = {"accounts", "resumes", "artifacts", "generation", "exports", "billing", "llm", "applications"}


def our_models():
    return [m for m in apps.get_models() if m._meta.app_label in OUR_APPS and not m._meta.abstract]


def test_every_model_is_registered_with_columns_and_search():
    missing = [m.__name__ for m in our_models() if not admin.site.is_registered(m)]
    assert not missing, f"not in the admin: {missing}"
    bare = [
        m.__name__
        for m in our_models()
        if admin.site._registry[m].list_display == ("__str__",) or not admin.site._registry[m].search_fields
    ]
    assert not bare, f"admin without list columns or search: {bare}"


@pytest.mark.django_db
def test_every_changelist_renders_for_staff(client, make_user):
    staff = make_user(is_staff=True, is_superuser=True)
    assert client.login(username=staff.username, password=PASSWORD)
    for model in our_models():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        response = client.get(url, {"q": "x"})
        assert response.status_code == 200, url


def test_the_admin_names_the_site(client, django_user_model):
    staff = django_user_model.objects.create_superuser(
        username="root", email="root@example.com", password="x-Pass-123456"
    )
    client.force_login(staff)
    page = client.get("/admin/").content.decode()
    assert "CV Platform administration" in page
    assert "Django administration" not in page
