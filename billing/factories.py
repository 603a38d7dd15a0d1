"""Test data for billing: CV Genius pack plans and jobs, agency clients and their plans."""

import datetime
from decimal import Decimal

import factory

from accounts.factories import UserFactory
from billing.models import Client, ClientPlan, EnterpriseConfig, Job, Plan


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    name = factory.Sequence(lambda n: f"Plan {n}")
    price = Decimal("9.99")
    duration = 30


class JobFactory(factory.django.DjangoModelFactory):
    """A CV Genius pack job title (not a job row of slow work)."""

    class Meta:
        model = Job

    name = factory.Sequence(lambda n: f"Job title {n}")


class ClientFactory(factory.django.DjangoModelFactory):
    """An agency user's client."""

    class Meta:
        model = Client

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Client {n}")


class ClientPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClientPlan

    client = factory.SubFactory(ClientFactory)
    plan = factory.SubFactory(PlanFactory)
    start_date = datetime.date(2026, 1, 1)
    end_date = factory.LazyAttribute(lambda obj: obj.start_date + datetime.timedelta(days=obj.plan.duration))


class EnterpriseConfigFactory(factory.django.DjangoModelFactory):
    """An enterprise owner's organisation settings."""

    class Meta:
        model = EnterpriseConfig

    owner = factory.SubFactory(UserFactory, subscription_tier="enterprise")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    allowed_email_domains = factory.LazyFunction(list)
    default_optimization_types = factory.LazyFunction(lambda: ["ATS Keyword Optimizer"])
    data_retention_days = None
