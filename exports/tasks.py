"""Thin Celery tasks: load the job by id and let the service do the work."""

from cvplatform.jobs import job_task

from . import services
from .models import ExportJob


@job_task(model=ExportJob)
def export_job_task(job_id: int) -> None:
    services.export_job_run(job_id=job_id)
