"""Test data for applications: tracked job applications."""

import factory

from accounts.factories import UserFactory
from applications.models import ApplicationStatus, JobApplication


class JobApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobApplication

    user = factory.SubFactory(UserFactory)
    job_title = factory.Sequence(lambda n: f"Role {n}")
    company_name = "Acme"
    status = ApplicationStatus.APPLIED
