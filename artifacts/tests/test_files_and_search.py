"""File jobs survive a lost message; PostgreSQL search stems and ranks."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from artifacts.factories import ArtifactFactory, ArtifactFileFactory
from artifacts.selectors import ArtifactFilters, artifact_list
from cvplatform.jobs import JobStatus, job_recover_stale

pytestmark = pytest.mark.django_db


def test_a_file_whose_message_was_lost_is_processed_by_recovery(owner, django_capture_on_commit_callbacks):
    artifact = ArtifactFactory(user=owner, technologies=[])
    lost = ArtifactFileFactory(
        artifact=artifact,
        status=JobStatus.PENDING,
        progress=0,
        finished_at=None,
        metadata={},
        queued_at=timezone.now() - datetime.timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert job_recover_stale()["requeued"] >= 1
    lost.refresh_from_db()
    artifact.refresh_from_db()
    assert lost.status == JobStatus.SUCCESS and lost.attempts == 1
    assert {"Python", "Django", "PostgreSQL"} <= set(lost.metadata["technologies"])
    assert artifact.extracted_metadata["files_completed"] == 1
    assert "Django" in artifact.extracted_metadata["suggested_technologies"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgres_search_stems_words_and_ranks_titles_first(owner):
    in_title = ArtifactFactory(user=owner, title="Dashboards for finance", description="Charts.")
    in_text = ArtifactFactory(user=owner, title="Reporting", description="Built a dashboard in React.")
    ArtifactFactory(user=owner, title="Compiler", description="LLVM work.")
    found = list(artifact_list(user=owner, filters=ArtifactFilters(search="dashboard")))
    assert found == [in_title, in_text]  # "dashboards" stems to "dashboard"; a title hit weighs more
    assert list(artifact_list(user=owner, filters=ArtifactFilters(search="dashboard -react"))) == [in_title]
