"""Celery tasks of this app: thin, they load a row by id and call a service."""

from celery import shared_task

from . import conf, services


@shared_task(
    acks_late=True,
    soft_time_limit=int(conf.parse_timeout_seconds()) + 30,
    time_limit=int(conf.parse_timeout_seconds()) + 60,
)
def parse_cv_document(document_id: int) -> None:
    """Parse a large uploaded CV; the sandbox bounds the parse itself far below these limits."""
    services.cv_document_parse(document_id=document_id)
