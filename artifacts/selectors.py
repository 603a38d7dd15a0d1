"""Reads on artifacts, labels, evidence links and files — always scoped to their owner.

A row that belongs to someone else is reported exactly like a missing one (404), so an id
never tells another user that it exists."""

from __future__ import annotations

import datetime
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Lower

from accounts.models import User
from cvplatform.exceptions import NotFoundError
from cvplatform.jobs import JobStatus
from resumes.ingest.skills import term_key, vocabulary
from resumes.selectors import parse_id

from .models import Artifact, ArtifactFile, EvidenceLink, Label

ORDERINGS = {
    "newest": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "alphabetical": (Lower("title"), "id"),
}
SUGGESTIONS_MAX = 50
_FILE_FIELDS = (
    "id",
    "uuid",
    "artifact_id",
    "name",
    "size",
    "mime_type",
    "kind",
    "status",
    "progress",
    "error",
    "created_at",
)


def _get_one(queryset: QuerySet, value: Any, *, what: str):
    pk = parse_id(value)
    found = queryset.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise NotFoundError(f"{what} not found.")
    return found


# --- artifacts -------------------------------------------------------------------------------
def artifacts_of(*, user: User) -> QuerySet[Artifact]:
    return Artifact.objects.filter(user=user)


def artifacts_with_relations(queryset: QuerySet[Artifact]) -> QuerySet[Artifact]:
    """What the artifact body shows, in a fixed number of queries whatever the page size."""
    return queryset.prefetch_related(
        Prefetch("labels", queryset=Label.objects.order_by("name", "id")),
        Prefetch("evidence_links", queryset=EvidenceLink.objects.order_by("id")),
        Prefetch("files", queryset=ArtifactFile.objects.only(*_FILE_FIELDS).order_by("created_at", "id")),
    )


def artifact_get(*, user: User, artifact_id: Any) -> Artifact:
    return _get_one(artifacts_with_relations(artifacts_of(user=user)), artifact_id, what="Artifact")


@dataclass
class ArtifactFilters:
    technologies: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    status: str | None = None
    artifact_type: str | None = None
    start_after: datetime.date | None = None
    end_before: datetime.date | None = None
    search: str = ""
    ordering: str | None = None


def artifact_list(*, user: User, filters: ArtifactFilters) -> QuerySet[Artifact]:
    """The user's artifacts, filtered; with ``search``, ranked by relevance unless an
    ``ordering`` is asked for."""
    queryset = artifacts_of(user=user)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.artifact_type:
        queryset = queryset.filter(artifact_type=filters.artifact_type)
    if filters.technologies:
        queryset = queryset.filter(_any_technology(filters.technologies))
    if filters.labels:
        through = Artifact.labels.through.objects.filter(
            artifact_id=OuterRef("pk"), label_id__in=filters.labels
        )
        queryset = queryset.filter(Exists(through))
    if filters.start_after:
        queryset = queryset.filter(start_date__gte=filters.start_after)
    if filters.end_before:
        queryset = queryset.filter(end_date__lte=filters.end_before)
    ordering = ORDERINGS[filters.ordering or "newest"]
    if filters.search.strip():
        queryset, rank = _searched(queryset, filters.search.strip())
        if not filters.ordering:
            ordering = (rank, *ordering)
    return artifacts_with_relations(queryset.order_by(*ordering))


def _any_technology(names: list[str]) -> Q:
    # Matches a whole list element, in any case, on both databases: the element as the JSON
    # text stores it, quotes included ("python" does not match "CPython").
    ascii_only = connection.vendor != "postgresql"  # SQLite keeps the encoder's \u escapes
    condition = Q()
    for name in names:
        condition |= Q(technologies__icontains=json.dumps(name, ensure_ascii=ascii_only))
    return condition


def _searched(queryset: QuerySet[Artifact], text: str) -> tuple[QuerySet[Artifact], Any]:
    if connection.vendor == "postgresql":
        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "description", weight="B", config="english"
        )
        query = SearchQuery(text, search_type="websearch", config="english")
        # Matched with @@ (so "-word" excludes), ordered by the weighted rank.
        queryset = queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, query)).filter(
            search_vector=query
        )
        return queryset, F("search_rank").desc()
    # The portable fallback: every word in the title or the description, title hits first.
    words = text.split()[:10]
    for word in words:
        queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
    title_hits = sum(
        (Case(When(title__icontains=word, then=Value(1)), default=Value(0)) for word in words),
        Value(0),
    )
    queryset = queryset.annotate(search_rank=ExpressionWrapper(title_hits, output_field=IntegerField()))
    return queryset, F("search_rank").desc()


def artifacts_owned(*, user: User, artifact_ids: list[int]) -> QuerySet[Artifact]:
    return artifacts_of(user=user).filter(pk__in=artifact_ids)


# --- status of an artifact's files -------------------------------------------------------------
def artifact_processing_status(*, artifact: Artifact) -> dict:
    """Where the processing of the artifact's files stands: one word, a percentage, and
    each file's state with its error."""
    files = list(artifact.files.order_by("created_at", "id"))
    finished = [f for f in files if f.status in (JobStatus.SUCCESS, JobStatus.FAILURE)]
    failed = [f for f in files if f.status == JobStatus.FAILURE]
    if not files:
        word, progress = "completed", 100
    elif len(finished) < len(files):
        running = any(f.status == JobStatus.STARTED for f in files) or finished
        word = "processing" if running else "pending"
        partial = sum(100 if f in finished else f.progress for f in files)
        progress = min(99, partial // len(files))
    else:
        word = "failed" if len(failed) == len(files) else "completed"
        progress = 100
    return {
        "artifact_id": artifact.pk,
        "status": word,
        "progress": progress,
        "total_files": len(files),
        "processed_files": len(finished) - len(failed),
        "failed_files": len(failed),
        "files": files,
        "errors": [{"uuid": f.uuid, "name": f.name, "error": f.error} for f in failed],
    }


# --- labels, links, files ----------------------------------------------------------------------
def labels_of(*, user: User) -> QuerySet[Label]:
    return Label.objects.filter(user=user).order_by("name", "id")


def label_get(*, user: User, label_id: Any) -> Label:
    return _get_one(labels_of(user=user), label_id, what="Label")


def evidence_link_get(*, user: User, link_id: Any) -> EvidenceLink:
    links = EvidenceLink.objects.filter(artifact__user=user).select_related("artifact")
    return _get_one(links, link_id, what="Evidence link")


def artifact_file_get(*, user: User, file_uuid: Any) -> ArtifactFile:
    try:
        key = uuid.UUID(str(file_uuid))
    except ValueError:
        raise NotFoundError("File not found.") from None
    found = ArtifactFile.objects.filter(user=user, uuid=key).first()
    if found is None:
        raise NotFoundError("File not found.")
    return found


# --- technology suggestions --------------------------------------------------------------------
def technology_suggestions(*, user: User, query: str, limit: int = 10) -> list[dict]:
    """Technologies for ``query``: the user's own first (most used first), then the ones found
    in their files, then the skills vocabulary (an alias finds its skill: "k8s" → Kubernetes),
    each ranked by how well it matches, at most ``limit``."""
    key = term_key(query)
    limit = max(1, min(limit, SUGGESTIONS_MAX))
    vocab = vocabulary()
    own: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    detected: dict[str, str] = {}
    for technologies, metadata in artifacts_of(user=user).values_list("technologies", "extracted_metadata"):
        for name in technologies or []:
            if isinstance(name, str) and name.strip():
                own[name.strip().lower()] += 1
                spelled.setdefault(name.strip().lower(), name.strip())
        for name in (metadata or {}).get("suggested_technologies", []) or []:
            if isinstance(name, str):
                detected.setdefault(name.lower(), name)
    alias_of = vocab.canonical(query) if key else None
    results: list[dict] = []
    taken: set[str] = set()

    def add(name: str, source: str, rank: int, count: int = 0) -> None:
        if name.lower() in taken:
            return
        taken.add(name.lower())
        results.append(
            {"name": name, "source": source, "category": vocab.category(name), "count": count, "rank": rank}
        )

    def match_rank(name: str) -> int | None:
        if not key:
            return 0
        name_key = term_key(name)
        if name_key == key or (alias_of and name == alias_of):
            return 0
        if name_key.startswith(key):
            return 1
        if any(word.startswith(key) for word in name_key.split()):
            return 2
        return None

    ranked_own = []
    for lowered, count in own.items():
        rank = match_rank(spelled[lowered])
        if rank is None and alias_of and vocab.canonical(spelled[lowered]) == alias_of:
            rank = 0
        if rank is not None:
            ranked_own.append((rank, -count, spelled[lowered].lower(), spelled[lowered], count))
    for rank, _, _, name, count in sorted(ranked_own):
        add(name, "artifacts", rank, count)
    for name in sorted(detected.values(), key=lambda n: (match_rank(n) or 0, n.lower())):
        if match_rank(name) is not None:
            add(name, "detected", match_rank(name) or 0)
    if key:
        for rank, name in _vocabulary_matches(key, alias_of):
            add(name, "vocabulary", rank)
    for item in results:
        item.pop("rank")
    return results[:limit]


def _vocabulary_matches(key: str, alias_of: str | None) -> list[tuple[int, str]]:
    """(rank, name) of the vocabulary's skills for a query: 0 the skill it names (by name or
    alias), 1 a name that starts with it, 2 an alias that does, 3 a later word that does."""
    found: dict[str, int] = {}
    if alias_of:
        found[alias_of] = 0
    for entry in vocabulary().entries:
        name = entry["name"]
        name_key = term_key(name)
        if name_key.startswith(key):
            rank = 1
        elif any(term_key(alias).startswith(key) for alias in entry.get("aliases", [])):
            rank = 2
        elif any(word.startswith(key) for word in name_key.split()[1:]):
            rank = 3
        else:
            continue
        found[name] = min(found.get(name, rank), rank)
    return sorted(
        ((rank, name) for name, rank in found.items()), key=lambda item: (item[0], len(item[1]), item[1])
    )
