"""Celery tasks of this app: thin, they load a row by id and call a service."""

from cvplatform.jobs import job_task

from . import services
from .models import AnalysisEnrichment


@job_task(model=AnalysisEnrichment)
def enrich_analysis(job_id: int) -> None:
    """Ask the configured AI model to rephrase and enrich one analysis."""
    services.analysis_enrichment_run(job_id=job_id)
