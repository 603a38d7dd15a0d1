"""Reads: the Resume Optimizer's analytics and enterprise metrics and export — real aggregates
of users' resumes, optimisations and chats.

They live here rather than in billing because they read resumes and generation rows, and
billing sits below both (resumes imports billing): the import graph stays one-way.

``score_improvement``: for each resume with optimisations, the last optimisation's
``score_after`` minus the first one's ``score_before``, averaged over those resumes (0 when
none); both scores are the analysis engine's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Avg, Count, Max, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import User
from billing import enterprise
from resumes.models import CVDocument

from . import selectors
from .models import ChatMessage, ChatSession, Optimization

TIMEFRAMES = {"7d": (7, "day"), "30d": (30, "day"), "90d": (90, "week"), "1y": (365, "week")}


@dataclass
class UserAnalytics:
    total_resumes: int
    total_optimizations: int
    total_chat_sessions: int
    subscription_tier: str
    optimizations_this_month: int
    optimizations_limit: int | None
    most_used_optimization: str | None
    average_ats_score: float | None
    score_improvement: float


@dataclass
class UsagePoint:
    period_start: date
    resumes: int = 0
    optimizations: int = 0
    chat_sessions: int = 0
    chat_messages: int = 0


@dataclass
class UsageReport:
    timeframe: str
    granularity: str
    start: date
    end: date
    resumes: int
    optimizations: int
    chat_sessions: int
    chat_messages: int
    series: list[UsagePoint]


@dataclass
class Bucket:
    name: str
    count: int


@dataclass
class ResumeRow:
    document: CVDocument
    optimizations: int
    first_score: int | None
    last_score: int | None

    @property
    def improvement(self) -> int | None:
        if self.first_score is None or self.last_score is None:
            return None
        return self.last_score - self.first_score


@dataclass
class ResumeStats:
    total_resumes: int
    parsed_resumes: int
    average_ats_score: float | None
    best_ats_score: float | None
    by_industry: list[Bucket]
    by_experience_level: list[Bucket]
    resumes: list[ResumeRow]


@dataclass
class TypeStats:
    optimization_type: str
    count: int
    average_gain: float


@dataclass
class OptimizationStats:
    total_optimizations: int
    optimizations_this_month: int
    optimizations_limit: int | None
    most_used_optimization: str | None
    average_score_before: float | None
    average_score_after: float | None
    by_type: list[TypeStats]
    recent: list[Optimization]


@dataclass
class MemberStats:
    user: User
    resumes: int
    optimizations: int
    chat_sessions: int


@dataclass
class EnterpriseMetrics:
    organisation: str
    members: int
    active_members: int
    average_ats_score: float | None
    usage: UsageReport
    by_type: list[TypeStats]
    by_member: list[MemberStats] = field(default_factory=list)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


# --- one user -----------------------------------------------------------------------------------
def _score_improvement(optimizations: QuerySet[Optimization]) -> float:
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for document_id, before, after in (
        optimizations.exclude(document=None)
        .order_by("created_at", "id")
        .values_list("document_id", "score_before", "score_after")
    ):
        first.setdefault(document_id, before)
        last[document_id] = after
    gains = [last[d] - first[d] for d in first]
    return round(sum(gains) / len(gains), 1) if gains else 0.0


def _most_used(optimizations: QuerySet[Optimization]) -> str | None:
    top = (
        optimizations.values("optimization_type").annotate(n=Count("id")).order_by("-n", "optimization_type")
    )
    return top[0]["optimization_type"] if top else None


def user_analytics(*, user: User) -> UserAnalytics:
    optimizations = selectors.optimizations_of(user=user)
    documents = CVDocument.objects.filter(user=user)
    return UserAnalytics(
        total_resumes=documents.count(),
        total_optimizations=optimizations.count(),
        total_chat_sessions=ChatSession.objects.filter(user=user).count(),
        subscription_tier=user.subscription_tier,
        optimizations_this_month=selectors.optimizations_this_month(user=user),
        optimizations_limit=selectors.optimization_limit(user=user),
        most_used_optimization=_most_used(optimizations),
        average_ats_score=_rounded(documents.aggregate(v=Avg("ats_score"))["v"]),
        score_improvement=_score_improvement(optimizations),
    )


def usage_report(*, users: QuerySet[User] | list[User], timeframe: str) -> UsageReport:
    """Counts per day (7d, 30d) or per week from Monday (90d, 1y), oldest first."""
    days, granularity = TIMEFRAMES[timeframe]
    end = timezone.localdate()
    start = end - timedelta(days=days - 1)
    since = timezone.make_aware(datetime.combine(start, datetime.min.time()))
    sources = {
        "resumes": CVDocument.objects.filter(user__in=users),
        "optimizations": Optimization.objects.filter(user__in=users),
        "chat_sessions": ChatSession.objects.filter(user__in=users),
        "chat_messages": ChatMessage.objects.filter(session__user__in=users),
    }

    def period(day: date) -> date:
        return day - timedelta(days=day.weekday()) if granularity == "week" else day

    points: dict[date, UsagePoint] = {}
    day = start
    while day <= end:
        points.setdefault(period(day), UsagePoint(period(day)))
        day += timedelta(days=1)
    totals = Counter()
    for name, rows in sources.items():
        per_day = rows.filter(created_at__gte=since).annotate(day=TruncDate("created_at")).values("day")
        for row in per_day.annotate(n=Count("id")):
            point = points.get(period(row["day"]))
            if point is not None:
                setattr(point, name, getattr(point, name) + row["n"])
                totals[name] += row["n"]
    return UsageReport(
        timeframe, granularity, start, end, series=list(points.values()), **{n: totals[n] for n in sources}
    )


def resume_stats(*, user: User) -> ResumeStats:
    documents = list(CVDocument.objects.filter(user=user).order_by("-created_at", "-id"))
    scores = [d.ats_score for d in documents if d.ats_score is not None]
    rows = []
    for document in documents:
        history = list(
            Optimization.objects.filter(user=user, document=document)
            .order_by("created_at", "id")
            .values_list("score_before", "score_after")
        )
        rows.append(
            ResumeRow(
                document,
                len(history),
                history[0][0] if history else None,
                history[-1][1] if history else None,
            )
        )
    return ResumeStats(
        total_resumes=len(documents),
        parsed_resumes=sum(1 for d in documents if d.status_word == "parsed"),
        average_ats_score=_rounded(sum(scores) / len(scores)) if scores else None,
        best_ats_score=_rounded(max(scores)) if scores else None,
        by_industry=_buckets(d.industry for d in documents),
        by_experience_level=_buckets(d.experience_level for d in documents),
        resumes=rows,
    )


def _buckets(values) -> list[Bucket]:
    counts = Counter(v or "unknown" for v in values)
    return [Bucket(name, n) for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _type_stats(optimizations: QuerySet[Optimization]) -> list[TypeStats]:
    rows = (
        optimizations.values("optimization_type")
        .annotate(n=Count("id"), before=Avg("score_before"), after=Avg("score_after"))
        .order_by("-n", "optimization_type")
    )
    return [
        TypeStats(r["optimization_type"], r["n"], round(float(r["after"] - r["before"]), 1)) for r in rows
    ]


def optimization_stats(*, user: User) -> OptimizationStats:
    optimizations = selectors.optimizations_of(user=user)
    averages = optimizations.aggregate(before=Avg("score_before"), after=Avg("score_after"))
    return OptimizationStats(
        total_optimizations=optimizations.count(),
        optimizations_this_month=selectors.optimizations_this_month(user=user),
        optimizations_limit=selectors.optimization_limit(user=user),
        most_used_optimization=_most_used(optimizations),
        average_score_before=_rounded(averages["before"]),
        average_score_after=_rounded(averages["after"]),
        by_type=_type_stats(optimizations),
        recent=list(optimizations[:10]),
    )


# --- the organisation ---------------------------------------------------------------------------
def enterprise_metrics(*, user: User, timeframe: str) -> EnterpriseMetrics:
    members = list(enterprise.organisation_members(user=user))
    usage = usage_report(users=members, timeframe=timeframe)
    since = timezone.make_aware(datetime.combine(usage.start, datetime.min.time()))
    optimizations = Optimization.objects.filter(user__in=members, created_at__gte=since)
    by_member = [
        MemberStats(
            member,
            CVDocument.objects.filter(user=member, created_at__gte=since).count(),
            optimizations.filter(user=member).count(),
            ChatSession.objects.filter(user=member, created_at__gte=since).count(),
        )
        for member in members
    ]
    active = {
        *optimizations.values_list("user_id", flat=True),
        *ChatMessage.objects.filter(session__user__in=members, created_at__gte=since).values_list(
            "session__user_id", flat=True
        ),
        *CVDocument.objects.filter(user__in=members, created_at__gte=since).values_list("user_id", flat=True),
    }
    score = CVDocument.objects.filter(user__in=members).aggregate(v=Avg("ats_score"))["v"]
    return EnterpriseMetrics(
        organisation=enterprise.enterprise_config_get(user=user).name,
        members=len(members),
        active_members=len(active),
        average_ats_score=_rounded(score),
        usage=usage,
        by_type=_type_stats(optimizations),
        by_member=by_member,
    )


@dataclass
class ExportRecord:
    record: str  # member | resume | optimization | chat_session | chat_message
    id: int
    member: str
    created_at: datetime
    title: str = ""
    kind: str = ""
    score: float | None = None
    detail: str = ""


def enterprise_export(*, user: User) -> Iterator[ExportRecord]:
    """Every row of the organisation's members, member by member, read in bounded chunks."""
    for member in enterprise.organisation_members(user=user):
        email = member.email
        yield ExportRecord(
            "member", member.pk, email, member.created_at, member.get_full_name(), member.subscription_tier
        )
        for d in CVDocument.objects.filter(user=member).order_by("id").iterator(chunk_size=200):
            yield ExportRecord(
                "resume", d.pk, email, d.created_at, d.title, d.industry, d.ats_score, d.experience_level
            )
        for o in Optimization.objects.filter(user=member).order_by("id").iterator(chunk_size=200):
            yield ExportRecord(
                "optimization",
                o.pk,
                email,
                o.created_at,
                o.job_title,
                o.optimization_type,
                o.score_after,
                f"score {o.score_before} -> {o.score_after}",
            )
        sessions = (
            ChatSession.objects.filter(user=member).annotate(last=Max("messages__created_at")).order_by("id")
        )
        for s in sessions.iterator(chunk_size=200):
            yield ExportRecord("chat_session", s.pk, email, s.created_at, s.title, s.job_title)
        messages = ChatMessage.objects.filter(session__user=member).order_by("id")
        cutoff = enterprise.retention_cutoff(user=member)
        if cutoff:
            messages = messages.filter(created_at__gte=cutoff)
        for m in messages.iterator(chunk_size=500):
            yield ExportRecord(
                "chat_message", m.pk, email, m.created_at, f"session {m.session_id}", m.type, None, m.content
            )
