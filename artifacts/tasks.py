"""Celery tasks of this app: thin, they load a row by id and call a service."""

from cvplatform.jobs import job_task

from . import services
from .models import ArtifactFile, LinkCheck


@job_task(model=ArtifactFile)
def process_artifact_file(file_id: int) -> None:
    """Read an uploaded file (documents in the parse sandbox) and record what it holds."""
    services.artifact_file_process(file_id=file_id)


@job_task(model=LinkCheck)
def check_evidence_link(check_id: int) -> None:
    """One SSRF-guarded request (and its redirects) to an evidence link."""
    services.link_check_run(check_id=check_id)


@job_task
def evidence_links_revalidate() -> int:
    """The beat's sweep: a check for every link not validated for a while."""
    return services.evidence_links_revalidate()
