"""Every factory builds valid, saved rows of its model, and every model has a factory.

A model that gains a required field or a constraint its factory does not meet fails here,
not in some unrelated test that happens to build that row.
"""

import importlib
import inspect

import factory
import pytest
from django.apps import apps
from pydantic import BaseModel

from resumes.factories import STRUCTURED_CV
from resumes.schema import StructuredCV

# The domain apps; one with models has a factories.py with a factory per model.
APPS = ["accounts", "resumes", "artifacts", "generation", "exports", "billing", "llm", "applications"]


def factories_of(app_label: str) -> list[type[factory.django.DjangoModelFactory]]:
    try:
        module = importlib.import_module(f"{app_label}.factories")
    except ModuleNotFoundError:
        return []
    return [
        value
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, factory.django.DjangoModelFactory)
        and value.__module__ == module.__name__
    ]


FACTORIES = [model_factory for label in APPS for model_factory in factories_of(label)]


@pytest.mark.django_db
@pytest.mark.parametrize("model_factory", FACTORIES, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_factory_builds_valid_saved_rows(model_factory):
    # Two rows: unique fields must come from sequences, not constants.
    rows = model_factory.create_batch(2)
    model = model_factory._meta.model
    for row in rows:
        assert isinstance(row, model)
        assert model.objects.filter(pk=row.pk).exists()
        row.full_clean()
        assert str(row)


@pytest.mark.parametrize("app_label", APPS)
def test_every_model_has_a_factory(app_label):
    models = {model for model in apps.get_app_config(app_label).get_models()}
    covered = {model_factory._meta.model for model_factory in factories_of(app_label)}
    missing = sorted(model.__name__ for model in models - covered)
    assert not missing, f"{app_label}/factories.py has no factory for {', '.join(missing)}"


def unknown_keys(item: BaseModel, path: str = "cv") -> list[str]:
    """Keys the schema does not define (it keeps them, so a misspelt field would pass silently)."""
    found = [f"{path}.{key}" for key in item.model_extra or {}]
    for name in type(item).model_fields:
        value = getattr(item, name)
        children = value if isinstance(value, list) else [value]
        for index, child in enumerate(children):
            if isinstance(child, BaseModel):
                found += unknown_keys(child, f"{path}.{name}[{index}]")
    return found


def test_the_factories_cv_uses_only_structured_cv_fields():
    cv = StructuredCV.model_validate(STRUCTURED_CV)
    assert unknown_keys(cv) == []
    assert cv.basics.name == "Jane Doe" and cv.work[0].name == "Acme"
    assert "Python" in cv.skill_names()
