"""Test data for exports: template rows and export jobs."""

import copy

import factory

from accounts.factories import UserFactory
from exports.models import CVTemplate, ExportJob, ExportKind, TemplateKind
from resumes.factories import STRUCTURED_CV


class CVTemplateFactory(factory.django.DjangoModelFactory):
    """A template row with no folder under ``templates/`` (``template_sync`` deactivates it)."""

    class Meta:
        model = CVTemplate

    slug = factory.Sequence(lambda n: f"factory-template-{n}")
    name = factory.Sequence(lambda n: f"Factory template {n}")
    kind = TemplateKind.CV
    formats = factory.LazyFunction(lambda: ["pdf", "md"])


class ExportJobFactory(factory.django.DjangoModelFactory):
    """A pending Markdown render of the default CV."""

    class Meta:
        model = ExportJob

    user = factory.SubFactory(UserFactory)
    kind = ExportKind.RENDER
    template = factory.SubFactory(CVTemplateFactory)
    format = "md"
    cv = factory.LazyFunction(lambda: copy.deepcopy(STRUCTURED_CV))
