"""Reads: the model list, usage statistics, latency percentiles, costs, breakers, embeddings."""

from __future__ import annotations

import heapq
import math
import operator
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from . import breaker, conf
from .builtin.embed import cosine
from .models import AIModel, Embedding, LLMCall, Outcome, Provider


def ai_model_list(*, include_inactive: bool = False) -> QuerySet[AIModel]:
    models = AIModel.objects.all()
    return models if include_inactive else models.filter(is_active=True)


def ai_models_usable_first() -> list[AIModel]:
    """Active models, the ones a call could use now first (key configured, breaker not open),
    each in priority order; every model carries its ``breaker_state``."""
    models = list(ai_model_list())
    for model in models:
        model.breaker_state = breaker.breaker_state(model_id=model.pk).state
    return sorted(models, key=lambda m: (not (m.is_available and m.breaker_state != "open"), m.priority))


def _since(hours: int | None) -> datetime:
    return timezone.now() - timedelta(hours=hours or conf.metrics_window_hours())


def _percentile(sorted_values: list[int], fraction: float) -> int | None:
    """Nearest-rank percentile: the smallest value with at least ``fraction`` of values at or below it."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def _calls(*, hours: int | None, user=None) -> QuerySet[LLMCall]:
    calls = LLMCall.objects.filter(created_at__gte=_since(hours))
    return calls.filter(user=user) if user is not None else calls


def model_stats(*, hours: int | None = None, user=None) -> list[dict]:
    """Per model: calls, successes, failovers, tokens and cost in the window."""
    rows = (
        _calls(hours=hours, user=user)
        .values("model_label", "provider")
        .annotate(
            calls=Count("id"),
            successes=Count("id", filter=~Q(outcome=Outcome.ERROR)),
            failovers=Count("id", filter=Q(failed_over=True)),
            repaired=Count("id", filter=Q(outcome=Outcome.REPAIRED)),
            input_tokens=Sum("input_tokens"),
            output_tokens=Sum("output_tokens"),
            cost=Sum("cost"),
        )
        .order_by("model_label")
    )
    return [
        {
            **row,
            "success_rate": round(row["successes"] / row["calls"], 4) if row["calls"] else None,
            "input_tokens": row["input_tokens"] or 0,
            "output_tokens": row["output_tokens"] or 0,
            "cost": row["cost"] or Decimal(0),
        }
        for row in rows
    ]


def performance_metrics(*, hours: int | None = None, user=None) -> dict:
    """p50/p95 latency of successful calls, success rate and error classes per model: of
    ``user``'s calls, or of everyone's when ``user`` is None."""
    latencies: dict[str, list[int]] = defaultdict(list)
    totals: dict[str, dict] = {}
    for label, provider, outcome, latency, error_class in _calls(hours=hours, user=user).values_list(
        "model_label", "provider", "outcome", "latency_ms", "error_class"
    ):
        entry = totals.setdefault(
            label, {"model": label, "provider": provider, "calls": 0, "errors": defaultdict(int)}
        )
        entry["calls"] += 1
        if outcome == Outcome.ERROR:
            entry["errors"][error_class or "unknown"] += 1
        else:
            latencies[label].append(latency)
    models = []
    for label, entry in sorted(totals.items()):
        ok = sorted(latencies[label])
        models.append(
            {
                "model": label,
                "provider": entry["provider"],
                "calls": entry["calls"],
                "success_rate": round(len(ok) / entry["calls"], 4),
                "latency_p50_ms": _percentile(ok, 0.50),
                "latency_p95_ms": _percentile(ok, 0.95),
                "errors": dict(entry["errors"]),
            }
        )
    return {"window_hours": hours or conf.metrics_window_hours(), "models": models}


def cost_tracking(*, user=None, days: int = 30) -> list[dict]:
    """Calls, tokens and cost per day, user and model (one user's rows when ``user`` is given)."""
    calls = LLMCall.objects.filter(created_at__gte=timezone.now() - timedelta(days=days))
    if user is not None:
        calls = calls.filter(user=user)
    rows = (
        calls.annotate(day=TruncDate("created_at"))
        .values("day", "user_id", "model_label")
        .annotate(
            calls=Count("id"),
            input_tokens=Sum("input_tokens"),
            output_tokens=Sum("output_tokens"),
            cost=Sum("cost"),
        )
        .order_by("-day", "user_id", "model_label")
    )
    return [{**row, "cost": row["cost"] or Decimal(0)} for row in rows]


def circuit_breakers() -> list[dict]:
    out = []
    for model in ai_model_list().exclude(provider=Provider.BUILTIN):
        state = breaker.breaker_state(model_id=model.pk)
        out.append(
            {
                "model": model.display_name,
                "provider": model.provider,
                "state": state.state,
                "consecutive_failures": state.failures,
                "opened_at": datetime.fromtimestamp(state.opened_at, tz=UTC) if state.opened_at else None,
                "retry_at": datetime.fromtimestamp(state.retry_at, tz=UTC) if state.retry_at else None,
                "threshold": conf.breaker_threshold(),
                "cooldown_seconds": conf.breaker_cooldown_seconds(),
            }
        )
    return out


def system_health(*, hours: int = 1) -> dict:
    """Healthy when every configured model answers; degraded when some are down but builtin holds."""
    breakers = {b["model"]: b["state"] for b in circuit_breakers()}
    recent = {m["model"]: m for m in performance_metrics(hours=hours)["models"]}
    models = []
    for model in ai_model_list():
        state = breakers.get(model.display_name, breaker.CLOSED)
        stats = recent.get(model.display_name)
        models.append(
            {
                "model": model.display_name,
                "provider": model.provider,
                "available": model.is_available,
                "breaker": state,
                "recent_calls": stats["calls"] if stats else 0,
                "recent_success_rate": stats["success_rate"] if stats else None,
            }
        )
    configured = [m for m in models if m["available"] and m["provider"] != Provider.BUILTIN]
    down = [m for m in configured if m["breaker"] == breaker.OPEN]
    status = "degraded" if down else "healthy"
    return {
        "status": status,
        "builtin_available": True,
        "configured_models": len(configured),
        "open_breakers": len(down),
        "models": models,
        "checked_at": timezone.now(),
    }


# --- embeddings -------------------------------------------------------------------------------
def embedding_list(*, user, kind: str | None = None) -> QuerySet[Embedding]:
    rows = Embedding.objects.filter(user=user)
    return rows.filter(kind=kind) if kind else rows


def _pgvector_ready() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'")
        return cursor.fetchone() is not None


def _pgvector_search(
    rows: QuerySet[Embedding], vector: list[float], limit: int
) -> list[tuple[Embedding, float]]:
    """Let PostgreSQL rank by cosine distance (``<=>``) when the pgvector extension is there."""
    ids = list(rows.values_list("id", flat=True))
    if not ids:
        return []
    literal = "[" + ",".join(repr(float(v)) for v in vector) + "]"
    sql = (
        f"SELECT id, 1 - ((vector::text)::vector <=> %s::vector) AS score FROM {Embedding._meta.db_table} "  # noqa: S608
        "WHERE id = ANY(%s) ORDER BY score DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [literal, ids, limit])
        scored = cursor.fetchall()
    by_id = Embedding.objects.in_bulk([row[0] for row in scored])
    return [(by_id[row_id], float(score)) for row_id, score in scored if row_id in by_id]


def embedding_search(
    *, rows: QuerySet[Embedding], vector: list[float], model_label: str, limit: int = 10
) -> list[tuple[Embedding, float]]:
    """The ``rows`` most similar to ``vector`` (cosine), best first. Only vectors made by the
    same embedder are compared: different embedders' spaces do not line up."""
    rows = rows.filter(model_label=model_label, dims=len(vector))
    if _pgvector_ready():
        return _pgvector_search(rows, vector, limit)
    # Score on bare (id, vector) pairs, then load only the winners as model instances.
    query_norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    scored = []
    for row_id, other in rows.values_list("id", "vector").iterator(chunk_size=500):
        norm = math.sqrt(sum(map(operator.mul, other, other))) or 1.0
        scored.append((sum(map(operator.mul, vector, other)) / (norm * query_norm), row_id))
    best = heapq.nlargest(limit, scored)
    by_id = Embedding.objects.in_bulk([row_id for _, row_id in best])
    return [(by_id[row_id], score) for score, row_id in best if row_id in by_id]


def similar_texts(
    *, query: str, rows: QuerySet[Embedding], user=None, limit: int = 10
) -> list[tuple[Embedding, float]]:
    """Embed ``query`` and rank ``rows`` by similarity to it."""
    from .services import embed_texts_labelled

    [vector], label = embed_texts_labelled(texts=[query], user=user)
    return embedding_search(rows=rows, vector=vector, model_label=label, limit=limit)


def texts_rank(*, query: str, texts: list[str], user=None) -> list[tuple[int, float]]:
    """Rank ad-hoc ``texts`` (nothing stored) by similarity to ``query``: (index, score), best first."""
    from .services import embed_texts

    if not texts:
        return []
    query_vector, *vectors = embed_texts(texts=[query, *texts], user=user)
    scored = [(i, cosine(query_vector, v)) for i, v in enumerate(vectors)]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))
