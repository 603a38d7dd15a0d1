"""Embedding helpers other apps call, and the re-embedding task."""

import pytest

from llm.models import Embedding, EmbeddingKind
from llm.selectors import texts_rank
from llm.services import embedding_store
from llm.tasks import embedding_refresh_task

pytestmark = pytest.mark.django_db


def test_texts_rank_orders_candidates_by_similarity():
    ranking = texts_rank(
        query="Kubernetes and Terraform platform work",
        texts=["Baked sourdough bread daily", "Ran Kubernetes clusters provisioned with Terraform"],
    )
    assert [index for index, _ in ranking] == [1, 0]
    assert texts_rank(query="x", texts=[]) == []


def test_refresh_task_re_embeds_with_the_current_embedder(settings, owner, openai_row, fake_openai):
    row = embedding_store(text="Kafka pipelines", user=owner, kind=EmbeddingKind.ARTIFACT)
    assert row.model_label == "builtin:hash-v2" and row.dims == 256
    settings.LLM_EMBEDDING_MODEL = "Fake GPT"
    embedding_refresh_task.delay(row.pk)
    row.refresh_from_db()
    assert row.model_label == "openai:embed-fake" and row.dims == 8
    embedding_refresh_task.delay(row.pk + 999)  # a deleted row is skipped, not an error
    assert Embedding.objects.count() == 1
