"""Thin Celery tasks: load by id, call a service."""

from cvplatform.jobs import job_task

from .models import Embedding
from .services import embedding_refresh


@job_task
def embedding_refresh_task(embedding_id: int) -> None:
    embedding = Embedding.objects.filter(pk=embedding_id).first()
    if embedding is not None:  # deleted since it was queued: nothing to do
        embedding_refresh(embedding=embedding)
