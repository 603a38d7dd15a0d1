"""Writes on evidence links, and their validation jobs."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from cvplatform.exceptions import ApplicationError
from cvplatform.jobs import JobStatus, job_enqueue, job_run

from .. import conf, linkcheck
from ..models import Artifact, EvidenceLink, LinkCheck, LinkType

_LINK_FIELDS = ("url", "link_type", "description", "file_path", "mime_type")


def guess_link_type(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host in ("github.com", "www.github.com", "gitlab.com", "bitbucket.org"):
        return LinkType.GITHUB
    if host.endswith(("docs.google.com", "drive.google.com", "dropbox.com")) or url.lower().endswith(".pdf"):
        return LinkType.DOCUMENT
    return LinkType.OTHER


def _apply(link: EvidenceLink, data: dict[str, Any]) -> None:
    for name in _LINK_FIELDS:
        if name in data:
            setattr(link, name, data[name])
    link.url = (link.url or "").strip()
    problem = linkcheck.url_problem(link.url) if link.url else "A link needs a URL."
    if problem:
        raise ApplicationError(problem, fields={"url": [problem]})
    if not link.link_type:
        link.link_type = guess_link_type(link.url)
    link.description = link.description or ""


@transaction.atomic
def evidence_link_create(*, artifact: Artifact, data: dict[str, Any]) -> EvidenceLink:
    limit = conf.links_per_artifact()
    if artifact.evidence_links.count() >= limit:
        raise ApplicationError(
            f"An artifact may have at most {limit} evidence links.",
            fields={"url": [f"At most {limit} links."]},
        )
    link = EvidenceLink(artifact=artifact, link_type="")
    _apply(link, {**data, "link_type": data.get("link_type") or ""})
    link.save()
    evidence_link_check_request(link=link)
    return link


@transaction.atomic
def evidence_link_update(*, link: EvidenceLink, data: dict[str, Any]) -> EvidenceLink:
    url_changed = "url" in data and (data["url"] or "").strip() != link.url
    _apply(link, data)
    if url_changed:  # what was known about the old URL says nothing about the new one
        link.is_accessible, link.last_validated, link.last_status_code, link.last_error = (
            False,
            None,
            None,
            "",
        )
    link.save()
    evidence_link_check_request(link=link)
    return link


@transaction.atomic
def evidence_link_delete(*, link: EvidenceLink) -> None:
    link.delete()


def evidence_link_check_request(*, link: EvidenceLink) -> LinkCheck | None:
    """Send a validation job for the link, unless one is already waiting to run (or checks
    are switched off, as in tests)."""
    if not conf.link_checks_enabled():
        return None
    if link.checks.filter(status=JobStatus.PENDING).exists():
        return None
    from ..tasks import check_evidence_link

    check = LinkCheck.objects.create(user_id=link.artifact.user_id, link=link)
    job_enqueue(task=check_evidence_link, job=check)
    return check


def evidence_link_validate(*, link: EvidenceLink) -> linkcheck.CheckOutcome:
    """Fetch the link through the SSRF guard and record what was seen on it."""
    outcome = linkcheck.check_url(link.url)
    EvidenceLink.objects.filter(pk=link.pk).update(
        is_accessible=outcome.accessible,
        last_validated=timezone.now(),
        last_status_code=outcome.status_code,
        last_error=outcome.error[:500],
    )
    return outcome


def link_check_run(*, check_id: int) -> None:
    """The worker's side of a check job: one guarded request (and its redirects)."""

    def work(check: LinkCheck) -> dict:
        link = EvidenceLink.objects.filter(pk=check.link_id).first()
        if link is None:
            return {"skipped": "the link was deleted"}
        outcome = evidence_link_validate(link=link)
        return {
            "accessible": outcome.accessible,
            "status_code": outcome.status_code,
            "final_url": outcome.final_url,
            "error": outcome.error,
        }

    job_run(model=LinkCheck, job_id=check_id, work=work)


def evidence_links_revalidate() -> int:
    """The beat's sweep: a check for each link never checked or not checked for a while
    (and not already waiting for one), a batch at a time. Answers how many were sent."""
    if not conf.link_checks_enabled():
        return 0
    stale_before = timezone.now() - datetime.timedelta(hours=conf.link_revalidate_hours())
    waiting = LinkCheck.objects.filter(
        link_id=OuterRef("pk"), status__in=[JobStatus.PENDING, JobStatus.STARTED]
    )
    links = (
        EvidenceLink.objects.filter(Q(last_validated__isnull=True) | Q(last_validated__lt=stale_before))
        .filter(~Exists(waiting))
        .select_related("artifact")
        .order_by(F("last_validated").asc(nulls_first=True), "id")[: conf.link_revalidate_batch()]
    )
    sent = 0
    for link in links:
        with transaction.atomic():
            if evidence_link_check_request(link=link):
                sent += 1
    return sent
