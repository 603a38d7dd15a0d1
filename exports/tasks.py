"""Thin Celery tasks: load the job by id and let the service do the work."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, soft_time_limit=90, time_limit=120)
def export_job_task(job_id: int) -> None:
    services.export_job_run(job_id=job_id)
