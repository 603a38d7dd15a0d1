"""Celery tasks of this app: thin, they load a row by id and call a service."""

from cvplatform.jobs import job_task

from . import services
from .models import AnalysisEnrichment, GeneratedDocument


@job_task(model=AnalysisEnrichment)
def enrich_analysis(job_id: int) -> None:
    """Ask the configured AI model to rephrase and enrich one analysis."""
    services.analysis_enrichment_run(job_id=job_id)


@job_task
def chat_history_retention() -> int:
    """Delete chat history past each enterprise organisation's retention period."""
    from .chat.services import chat_history_purge

    return chat_history_purge()


@job_task(model=GeneratedDocument)
def generate_document(job_id) -> None:
    """Write one CV Tailor CV or cover letter (``generation.tailor.services.generation_run``)."""
    from .tailor.services import generation_run

    generation_run(job_id=job_id)
