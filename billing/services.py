"""Writes on plans and jobs (CV Genius pack). Staff only: the views check it."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from cvplatform.exceptions import ConflictError
from cvplatform.services import model_update

from .models import Client, ClientPlan, Job, Plan


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
    try:
        instance.delete()
    except ProtectedError as exc:
        used = len(exc.protected_objects)
        raise ConflictError(
            f"This plan is used by {used} client plan{'s' if used != 1 else ''}; "
            "move those clients to another plan first."
        ) from exc


# --- agency clients and their plans ---------------------------------------------------------
CLIENT_FIELDS = ("name", "email", "phone", "job")


@transaction.atomic
def client_create(*, owner, data: dict) -> Client:
    return Client.objects.create(owner=owner, **{key: data[key] for key in CLIENT_FIELDS if key in data})


@transaction.atomic
def client_update(*, client: Client, data: dict) -> Client:
    model_update(instance=client, fields=CLIENT_FIELDS, data=data)
    return client


@transaction.atomic
def client_delete(*, client: Client) -> None:
    client.delete()


def _own_client(owner, client: Client) -> None:
    # Answer as if another agency's client did not exist.
    if client.owner_id != owner.pk:
        raise ValidationError({"client": [f'Invalid pk "{client.pk}" - object does not exist.']})


@transaction.atomic
def client_plan_create(*, owner, client: Client, plan: Plan, start_date: date | None = None) -> ClientPlan:
    _own_client(owner, client)
    start = start_date or timezone.localdate()
    return ClientPlan.objects.create(
        client=client, plan=plan, start_date=start, end_date=start + timedelta(days=plan.duration)
    )


@transaction.atomic
def client_plan_update(*, owner, client_plan: ClientPlan, data: dict) -> ClientPlan:
    if "client" in data:
        _own_client(owner, data["client"])
        client_plan.client = data["client"]
    if "plan" in data:
        client_plan.plan = data["plan"]
    if data.get("start_date"):
        client_plan.start_date = data["start_date"]
    # The end follows the plan's length from the start, whichever of them changed.
    client_plan.end_date = client_plan.start_date + timedelta(days=client_plan.plan.duration)
    client_plan.save()
    return client_plan


@transaction.atomic
def client_plan_delete(*, client_plan: ClientPlan) -> None:
    client_plan.delete()
