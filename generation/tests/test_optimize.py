"""Resume Optimizer optimisations: the catalogue, concrete output, the monthly allowance, owners."""

import pytest
from django.test import override_settings

from conftest import bearer_client
from generation.models import Optimization
from resumes.tests.test_analysis_api import parsed_document
from resumes.tests.test_analysis_engine import JOB

pytestmark = pytest.mark.django_db


def optimize(client, document, optimization_type="ATS Keyword Optimizer", **extra):
    body = {"resume_id": document.pk, "optimization_type": optimization_type, **extra}
    return client.post("/api/v1/resumes/optimize", body, format="json")


def test_the_catalogue_lists_the_types_a_user_expects(owner_client):
    response = owner_client.get("/api/v1/resumes/optimization-types")
    assert response.status_code == 200
    names = [t["name"] for t in response.json()]
    assert names[0] == "ATS Keyword Optimizer"
    assert {
        "Action Verb Enhancer",
        "Quantified Impact",
        "Summary Rewrite",
        "Skills Section Optimizer",
    } <= set(names)
    assert "Formatting Fixer" in names


def test_ats_keyword_optimizer_names_missing_keywords_and_rewrites(owner, owner_client):
    document = parsed_document(owner)
    response = optimize(owner_client, document, job_title="Backend Engineer", job_description=JOB)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["resume_id"] == document.pk
    assert any("Kubernetes" in s and "Deployed services to AWS" in s for s in body["suggestions"])
    assert "Python" in body["rewritten"]["summary"]
    assert "Kubernetes" not in body["rewritten"]["summary"]  # never claims what the CV lacks
    assert body["optimizations_this_month"] == 1 and body["optimizations_limit"] == 3


def test_action_verbs_rewrite_duty_bullets_and_the_score_does_not_drop(owner, owner_client):
    body = optimize(owner_client, parsed_document(owner), "action_verbs").json()
    assert "- Led the PostgreSQL schema migrations" in body["rewritten"]["experience"]
    assert body["score_after"] >= body["score_before"]
    bullets = body["optimized_cv"]["work"][0]["highlights"]
    assert "Led the PostgreSQL schema migrations" in bullets


def test_the_free_plan_allows_three_optimizations_a_month(owner, owner_client):
    document = parsed_document(owner)
    for _ in range(3):
        assert optimize(owner_client, document, "Quantified Impact").status_code == 200
    refused = optimize(owner_client, document, "Quantified Impact")
    assert refused.status_code == 429
    assert "allows 3 optimizations per month" in refused.json()["detail"]
    assert Optimization.objects.filter(user=owner).count() == 3


def test_pro_and_enterprise_allowances(make_user):
    pro = make_user(subscription_tier="pro")
    enterprise = make_user(subscription_tier="enterprise")
    for user, expected in ((pro, 1000), (enterprise, None)):
        document = parsed_document(user)
        client = bearer_client(user)
        for _ in range(4):
            response = optimize(client, document, "Summary Rewrite")
            assert response.status_code == 200
        assert response.json()["optimizations_limit"] == expected


@override_settings(OPTIMIZATION_LIMIT_PRO=1)
def test_the_allowance_is_configurable(make_user):
    pro = make_user(subscription_tier="pro")
    document, client = parsed_document(pro), bearer_client(pro)
    assert optimize(client, document).status_code == 200
    assert optimize(client, document).status_code == 429


def test_someone_elses_resume_is_404_and_bad_input_is_422(owner, owner_client, other_client, api_client):
    document = parsed_document(owner)
    assert optimize(other_client, document).status_code == 404
    assert optimize(api_client, document).status_code == 401
    unknown = optimize(owner_client, document, "Make It Shine")
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "optimization_type"]
    missing = owner_client.post("/api/v1/resumes/optimize", {"optimization_type": "x"}, format="json")
    assert missing.status_code == 422
    assert not Optimization.objects.exists()
