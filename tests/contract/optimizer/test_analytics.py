"""Resume Optimizer (seed 003) — Analytics: real aggregates of the caller's own data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from generation.factories import ChatMessageFactory, ChatSessionFactory, OptimizationFactory
from resumes.factories import CVDocumentFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/analytics/user",
    "/api/v1/analytics/usage",
    "/api/v1/analytics/resumes",
    "/api/v1/analytics/optimizations",
]


@pytest.fixture
def history(owner, other_user):
    first = CVDocumentFactory(user=owner, ats_score=60, industry="technology", experience_level="mid")
    second = CVDocumentFactory(user=owner, ats_score=80, industry="technology", experience_level="senior")
    OptimizationFactory(
        user=owner, document=first, optimization_type="Summary Rewrite", score_before=60, score_after=70
    )
    OptimizationFactory(
        user=owner, document=first, optimization_type="Summary Rewrite", score_before=70, score_after=78
    )
    OptimizationFactory(
        user=owner,
        document=second,
        optimization_type="ATS Keyword Optimizer",
        score_before=80,
        score_after=84,
    )
    session = ChatSessionFactory(user=owner, document=first)
    ChatMessageFactory.create_batch(3, session=session)
    # Someone else's data never counts.
    OptimizationFactory(user=other_user, score_before=10, score_after=90)
    CVDocumentFactory(user=other_user, ats_score=5)
    return first, second


def test_user_analytics_has_every_documented_field(owner_client, history):
    body = owner_client.get("/api/v1/analytics/user").json()
    assert body == {
        "total_resumes": 2,
        "total_optimizations": 3,
        "total_chat_sessions": 1,
        "subscription_tier": "free",
        "optimizations_this_month": 3,
        "optimizations_limit": 3,
        "most_used_optimization": "Summary Rewrite",
        "average_ats_score": 70.0,
        # first resume 60 -> 78 (+18), second 80 -> 84 (+4): averaged 11
        "score_improvement": 11.0,
    }


def test_usage_is_a_daily_or_weekly_series(owner_client, history):
    month = owner_client.get("/api/v1/analytics/usage?timeframe=30d").json()
    assert month["granularity"] == "day" and len(month["series"]) == 30
    assert (month["resumes"], month["optimizations"], month["chat_sessions"], month["chat_messages"]) == (
        2,
        3,
        1,
        3,
    )
    assert month["series"][-1]["optimizations"] == 3
    year = owner_client.get("/api/v1/analytics/usage?timeframe=1y").json()
    assert year["granularity"] == "week" and 52 <= len(year["series"]) <= 54
    assert owner_client.get("/api/v1/analytics/usage").json()["timeframe"] == "30d"


def test_usage_leaves_out_what_is_older_than_the_timeframe(owner, owner_client):
    old = OptimizationFactory(user=owner)
    old.created_at = timezone.now() - timedelta(days=10)
    old.save()
    assert owner_client.get("/api/v1/analytics/usage?timeframe=7d").json()["optimizations"] == 0
    assert owner_client.get("/api/v1/analytics/usage?timeframe=30d").json()["optimizations"] == 1


@pytest.mark.parametrize("timeframe", ["14d", "1Y", "30", "all"])
def test_any_other_timeframe_is_a_422(owner_client, timeframe):
    response = owner_client.get(f"/api/v1/analytics/usage?timeframe={timeframe}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "timeframe"]


def test_resume_statistics(owner_client, history):
    first, second = history
    body = owner_client.get("/api/v1/analytics/resumes").json()
    assert body["total_resumes"] == 2 and body["average_ats_score"] == 70.0 and body["best_ats_score"] == 80.0
    assert body["by_industry"] == [{"name": "technology", "count": 2}]
    rows = {r["id"]: r for r in body["resumes"]}
    assert (rows[first.pk]["optimizations"], rows[first.pk]["improvement"]) == (2, 18)


def test_optimization_statistics(owner_client, history):
    body = owner_client.get("/api/v1/analytics/optimizations").json()
    assert body["total_optimizations"] == 3 and body["most_used_optimization"] == "Summary Rewrite"
    assert body["by_type"][0] == {"optimization_type": "Summary Rewrite", "count": 2, "average_gain": 9.0}
    assert len(body["recent"]) == 3


def test_a_new_user_gets_zeros_not_errors(other_client):
    body = other_client.get("/api/v1/analytics/user").json()
    assert (
        body["total_resumes"] == 0 and body["average_ats_score"] is None and body["score_improvement"] == 0.0
    )
    assert other_client.get("/api/v1/analytics/resumes").json()["resumes"] == []


@pytest.mark.parametrize("path", ENDPOINTS)
def test_anonymous_callers_get_401(api_client, path):
    response = api_client.get(path)
    assert response.status_code == 401 and "detail" in response.json()
