"""PersonaForge gap analysis and knowledge base: issues, questions, answers that change them."""

import pytest

from resumes.analysis.files import cv_from_text
from resumes.factories import PersonaFactory
from resumes.models import Persona
from resumes.tests.test_analysis_api import parsed_document
from resumes.tests.test_analysis_engine import CV, JOB

pytestmark = pytest.mark.django_db

NO_NUMBERS = """Sam Lee
Data Analyst
sam@example.org

Experience
Data Analyst, Initech
2021-01 - present
- Built weekly sales dashboards in Tableau
- Wrote SQL reports for the finance team

Skills
SQL, Tableau, Excel
"""


def persona(user, text: str = CV, title: str = "Backend persona") -> Persona:
    return PersonaFactory(user=user, title=title, cv=cv_from_text(text).model_dump(mode="json"))


def test_persona_gap_analysis_gives_issues_and_questions(owner, owner_client):
    p = persona(owner, NO_NUMBERS)
    response = owner_client.get(f"/pf/gap_analysis/{p.pk}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert all(set(issue) == {"field", "suggestion", "severity"} for issue in body["issues"])
    assert any(issue["field"] == "education" for issue in body["issues"])
    metric = (
        "What measurable result did you achieve as Data Analyst at Initech "
        "(users, %, money, time saved or team size)?"
    )
    assert metric in body["questions"]
    assert body["question_ids"][metric] == "metric:work:0"


def test_an_answer_keyed_by_question_text_removes_the_question_and_changes_the_issue(owner, owner_client):
    p = persona(owner, NO_NUMBERS)
    first = owner_client.get(f"/pf/gap_analysis/{p.pk}").json()
    question = next(q for q in first["questions"] if q.startswith("What measurable result"))
    clarify = owner_client.post(
        "/pf/knowledgebase/clarify",
        {"answers": {question: "Dashboards cut month-end reporting from 3 days to 4 hours"}},
        format="json",
    )
    assert clarify.status_code == 200
    assert clarify.json()["answered"] == ["metric:work:0"]
    second = owner_client.get(f"/pf/gap_analysis/{p.pk}").json()
    assert question not in second["questions"]
    assert any("3 days to 4 hours" in issue["suggestion"] for issue in second["issues"])


def test_role_match_asks_about_missing_skills_and_uses_the_answer(owner, owner_client):
    p = persona(owner)
    body = owner_client.post(
        "/pf/gap_analysis/role_match", {"persona_id": str(p.pk), "job_description": JOB}, format="json"
    ).json()
    kubernetes = next(i for i in body["issues"] if i["field"] == "skills.Kubernetes")
    assert kubernetes["severity"] == "high"
    question = "Have you used Kubernetes? If so, where and for how long?"
    assert question in body["questions"]
    # Answer by the stable id this time.
    owner_client.post(
        "/pf/knowledgebase/clarify",
        {"answers": {body["question_ids"][question]: "Yes, two years running our staging cluster"}},
        format="json",
    )
    after = owner_client.post(
        "/pf/gap_analysis/role_match", {"persona_id": p.pk, "job_description": JOB}, format="json"
    ).json()
    assert question not in after["questions"]
    kubernetes = next(i for i in after["issues"] if i["field"] == "skills.Kubernetes")
    assert kubernetes["severity"] == "medium"
    assert "You told us you have used Kubernetes" in kubernetes["suggestion"]
    assert "Kubernetes" in owner_client.get("/pf/knowledgebase").json()["tools"]


def test_team_gap_analysis_finds_uncovered_skills_and_single_points_of_failure(owner, owner_client):
    backend, analyst = persona(owner), persona(owner, NO_NUMBERS, title="Analyst persona")
    response = owner_client.post(
        "/pf/gap_analysis/team",
        {
            "persona_ids": [backend.pk, analyst.pk],
            "team_description": "We need Python, SQL, Tableau and Kubernetes.",
        },
        format="json",
    )
    assert response.status_code == 200
    issues = {i["field"]: i for i in response.json()["issues"]}
    assert issues["skills.Kubernetes"]["severity"] == "high"
    assert "No persona covers Kubernetes" in issues["skills.Kubernetes"]["suggestion"]
    assert "Only Backend persona covers Python" in issues["skills.Python"]["suggestion"]
    assert "Only Analyst persona covers Tableau" in issues["skills.Tableau"]["suggestion"]
    assert "skills.SQL" not in issues  # both cover it
    assert any("Kubernetes" in q for q in response.json()["questions"])


def test_personas_of_another_user_are_404_everywhere(owner, other_client, owner_client, api_client):
    p = persona(owner)
    mine = persona(owner, title="Mine")
    assert other_client.get(f"/pf/gap_analysis/{p.pk}").status_code == 404
    assert other_client.get(f"/pf/gap_analysis/{p.pk}").json()["error"]["code"] == "ERR_NOT_FOUND"
    role = other_client.post(
        "/pf/gap_analysis/role_match", {"persona_id": p.pk, "job_description": JOB}, format="json"
    )
    assert role.status_code == 404
    other_persona = other_client.post(
        "/pf/gap_analysis/team", {"persona_ids": [p.pk], "team_description": "Python"}, format="json"
    )
    assert other_persona.status_code == 404
    mixed = owner_client.post(
        "/pf/gap_analysis/team",
        {"persona_ids": [mine.pk, 999999], "team_description": "Python"},
        format="json",
    )
    assert mixed.status_code == 404
    assert api_client.get("/pf/knowledgebase").status_code == 401


def test_bad_requests_are_pf_errors(owner, owner_client):
    missing = owner_client.post("/pf/gap_analysis/role_match", {"persona_id": "1"}, format="json")
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == "ERR_INVALID_REQUEST"
    assert "job_description" in missing.json()["error"]["message"]
    empty = owner_client.post("/pf/knowledgebase/clarify", {"answers": {}}, format="json")
    assert empty.status_code == 400


def test_knowledge_base_aggregates_cvs_personas_and_answers(owner, owner_client, other_user):
    parsed_document(owner)
    persona(owner, NO_NUMBERS)
    persona(other_user, "Zed\nSkills\nCOBOL, Fortran")
    owner_client.post(
        "/pf/knowledgebase/clarify",
        {
            "answers": {
                "Where are you based, and are you open to remote work or relocation?": "Leeds, remote",
                "Which industries interest you?": "fintech",
            }
        },
        format="json",
    )
    body = owner_client.get("/pf/knowledgebase").json()
    assert set(body) == {"skills", "tools", "industries", "soft_skills", "preferences"}
    assert {"Python", "Django"} <= set(body["skills"])
    assert {"PostgreSQL", "Terraform"} <= set(body["tools"])
    assert "Tableau" in body["skills"] + body["tools"]
    assert body["preferences"]["Which industries interest you?"] == "fintech"
    assert "technology" in body["industries"]
    assert "COBOL" not in body["skills"]
    assert body["preferences"]["location"] == "Leeds, remote"


def test_a_duty_bullet_asks_for_its_result_and_the_answer_becomes_the_rewrite(owner, owner_client):
    p = persona(owner)
    body = owner_client.get(f"/pf/gap_analysis/{p.pk}").json()
    question = (
        "What was the result of “Responsible for the PostgreSQL schema migrations” "
        "(Senior Backend Engineer at Acme Ltd)?"
    )
    assert question in body["questions"]
    owner_client.post(
        "/pf/knowledgebase/clarify",
        {"answers": {question: "zero downtime across 40 releases"}},
        format="json",
    )
    after = owner_client.get(f"/pf/gap_analysis/{p.pk}").json()
    assert question not in after["questions"]
    issue = next(i for i in after["issues"] if i["field"] == "work[0].highlights[2]")
    assert issue["suggestion"] == (
        "Rewrite it with the result you told us: “Led the PostgreSQL schema migrations, "
        "zero downtime across 40 releases”."
    )


def test_an_answer_by_a_well_formed_id_that_was_never_asked_still_counts(owner, owner_client):
    p = persona(owner)
    owner_client.post(
        "/pf/knowledgebase/clarify", {"answers": {"skill:kubernetes": "yes, 3 years"}}, format="json"
    )
    body = owner_client.post(
        "/pf/gap_analysis/role_match", {"persona_id": p.pk, "job_description": JOB}, format="json"
    ).json()
    assert "Have you used Kubernetes? If so, where and for how long?" not in body["questions"]
    assert "Kubernetes" in owner_client.get("/pf/knowledgebase").json()["tools"]


def test_a_persona_built_in_personaforge_without_raw_text_is_analysed(owner, owner_client):
    created = owner_client.post(
        "/pf/personas",
        {
            "title": "Data persona",
            "overrides": {
                "summary": "Analyst",
                "skills": ["SQL"],
                "work_history": [
                    {"company": "Initech", "title": "Analyst", "description": "Wrote SQL reports"}
                ],
            },
        },
        format="json",
    )
    assert created.status_code == 200, created.content
    persona_id = created.json()["id"]
    body = owner_client.get(f"/pf/gap_analysis/{persona_id}").json()
    assert "When did you start and finish as Analyst at Initech?" in body["questions"]
    role = owner_client.post(
        "/pf/gap_analysis/role_match",
        {"persona_id": persona_id, "job_description": "Data Analyst. Requirements: SQL, Tableau"},
        format="json",
    ).json()
    assert any(i["field"] == "skills.Tableau" for i in role["issues"])
    assert not any(i["field"] == "skills.SQL" for i in role["issues"])
