"""The artifact list runs a fixed number of queries whatever the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from artifacts.factories import ArtifactFactory, ArtifactFileFactory, EvidenceLinkFactory, LabelFactory
from conftest import bearer_client

pytestmark = pytest.mark.django_db


def seed(user, artifacts=100):
    labels = LabelFactory.create_batch(3, user=user)
    for _ in range(artifacts):
        artifact = ArtifactFactory(user=user, labels=labels)
        EvidenceLinkFactory.create_batch(3, artifact=artifact)
        ArtifactFileFactory.create_batch(2, artifact=artifact)


def test_page_size_does_not_change_the_query_count(owner):
    seed(owner)
    client = bearer_client(owner)
    counts = {}
    for page_size in (10, 50, 100):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/artifacts/", {"page_size": page_size})
        assert response.status_code == 200
        body = response.json()
        assert len(body["results"]) == page_size
        assert all(len(row["labels"]) == 3 and len(row["evidence_links"]) == 3 for row in body["results"])
        assert all(len(row["files"]) == 2 for row in body["results"])
        counts[page_size] = len(queries)
    assert len(set(counts.values())) == 1, counts
    # the user, the count, the page, and one query each for labels, links and files
    assert counts[10] <= 7, counts


def test_filters_and_search_keep_the_count_fixed(owner):
    seed(owner, artifacts=30)
    client = bearer_client(owner)
    counts = set()
    for page_size in (5, 30):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/api/v1/artifacts/", {"page_size": page_size, "search": "payments", "technologies": "python"}
            )
        assert response.status_code == 200 and response.json()["count"] == 30
        counts.add(len(queries))
    assert len(counts) == 1, counts
