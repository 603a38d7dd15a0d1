from django.db.models import QuerySet

from cvplatform.exceptions import NotFoundError

from .models import Client, ClientPlan, Job, Plan


def pack_jobs() -> QuerySet[Job]:
    return Job.objects.all()


def pack_plans() -> QuerySet[Plan]:
    return Plan.objects.all()


def clients_of(*, user) -> QuerySet[Client]:
    """An agency user's clients; nobody else's are ever visible."""
    return Client.objects.filter(owner=user).select_related("job")


def client_get(*, user, client_id) -> Client:
    client = clients_of(user=user).filter(pk=client_id).first()
    if client is None:
        raise NotFoundError("Client not found.")
    return client


def client_plans_of(*, user) -> QuerySet[ClientPlan]:
    return ClientPlan.objects.filter(client__owner=user).select_related("client", "plan")
