"""Celery tasks of this app: thin, they load a row by id and call a service."""

from cvplatform.jobs import job_task

from . import services
from .models import CVDocument


@job_task(model=CVDocument)
def parse_cv_document(document_id: int) -> None:
    """Parse a large uploaded CV; the sandbox bounds the parse itself far below the task limits."""
    services.cv_document_parse(document_id=document_id)
