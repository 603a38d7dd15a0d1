"""Thin Celery tasks: load by id, call a service."""

from celery import shared_task

from .models import Embedding
from .services import embedding_refresh


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def embedding_refresh_task(embedding_id: int) -> None:
    embedding = Embedding.objects.filter(pk=embedding_id).first()
    if embedding is not None:  # deleted since it was queued: nothing to do
        embedding_refresh(embedding=embedding)
