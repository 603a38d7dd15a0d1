"""Writes on plans and jobs (CV Genius pack). Staff only: the views check it."""

from django.db import IntegrityError, transaction

from cvplatform.exceptions import ConflictError

from .models import Job, Plan


def _save_unique(instance, fields: dict, what: str):
    for key, value in fields.items():
        setattr(instance, key, value)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise ConflictError(f"A {what} with this name already exists.") from exc
    return instance


def pack_job_save(*, job: Job | None = None, data: dict) -> Job:
    return _save_unique(job or Job(), data, "job")


def pack_plan_save(*, plan: Plan | None = None, data: dict) -> Plan:
    return _save_unique(plan or Plan(), data, "plan")


@transaction.atomic
def pack_delete(*, instance: Job | Plan) -> None:
    instance.delete()
