"""Celery tasks of this app: thin, they load a row by id and call a service."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, soft_time_limit=150, time_limit=180)
def enrich_analysis(job_id: int) -> None:
    """Ask the configured AI model to rephrase and enrich one analysis."""
    services.analysis_enrichment_run(job_id=job_id)
