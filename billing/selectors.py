from django.db.models import QuerySet

from .models import Job, Plan


def pack_jobs() -> QuerySet[Job]:
    return Job.objects.all()


def pack_plans() -> QuerySet[Plan]:
    return Plan.objects.all()
