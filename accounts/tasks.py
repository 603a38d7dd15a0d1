from celery import shared_task

from . import services


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def accounts_housekeeping() -> dict:
    return services.accounts_housekeeping()
