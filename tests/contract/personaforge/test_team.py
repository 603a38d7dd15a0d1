"""PersonaForge (seed 004) — TEAM MANAGEMENT: /pf/team/members, /pf/team/personas,
/pf/team/invite (the team is created on the first invite; every success is 200)."""

import re

import pytest
from django.core import mail

from accounts.models import Invite
from conftest import bearer_client
from resumes.factories import PersonaFactory

pytestmark = pytest.mark.django_db


def persona(user, title, summary="", skills=()):
    cv = {
        "basics": {"name": user.get_full_name(), "summary": summary},
        "skills": [{"name": "Skills", "keywords": list(skills)}],
    }
    return PersonaFactory(user=user, title=title, cv=cv, tags=["team"])


def invite_and_accept(inviter_client, invitee):
    response = inviter_client.post("/pf/team/invite", {"email": invitee.email}, format="json")
    assert response.status_code == 200, response.content
    token = re.search(r"endpoint: (\S+)", mail.outbox[-1].body).group(1)
    accepted = bearer_client(invitee).post("/pf/team/invite/accept", {"token": token}, format="json")
    assert accepted.status_code == 200, accepted.content
    return response.json()


def test_not_in_a_team_lists_nobody(owner_client, owner):
    assert owner_client.get("/pf/team/members").json() == []
    persona(owner, "Mine")
    assert [p["title"] for p in owner_client.get("/pf/team/personas").json()] == ["Mine"]


def test_first_invite_creates_the_team_and_mails_the_invitee(owner_client, owner, other_user):
    body = owner_client.post("/pf/team/invite", {"email": other_user.email}, format="json").json()
    assert body["status"] == "pending" and body["email"] == other_user.email
    owner.refresh_from_db()
    assert owner.team_id == body["team_id"] and owner.team.owner_id == owner.id
    assert mail.outbox[-1].to == [other_user.email]
    # an invite alone does not move anyone into the team
    other_user.refresh_from_db()
    assert other_user.team_id is None
    assert [m["id"] for m in owner_client.get("/pf/team/members").json()] == [owner.id]
    assert owner_client.get("/pf/users/me").json()["team_id"] == owner.team_id


def test_accepted_invite_shares_members_and_personas(owner_client, owner, other_user):
    persona(owner, "Backend lead", skills=["Python"])
    persona(other_user, "Data scientist", skills=["Pandas"])
    invite_and_accept(owner_client, other_user)
    members = owner_client.get("/pf/team/members").json()
    assert {m["id"] for m in members} == {owner.id, other_user.id}
    assert {"id", "name", "email", "plan"} <= set(members[0])
    assert [m["is_owner"] for m in members if m["id"] == owner.id] == [True]
    for client in (owner_client, bearer_client(other_user)):
        titles = {p["title"] for p in client.get("/pf/team/personas").json()}
        assert titles == {"Backend lead", "Data scientist"}


def test_team_gap_analysis_may_use_a_teammates_persona(owner_client, owner, other_user, make_user):
    mine = persona(owner, "Backend lead", skills=["Python", "Django"])
    theirs = persona(other_user, "Frontend", skills=["React"])
    outsider = persona(make_user(), "Outsider", skills=["Go"])
    request = {
        "persona_ids": [str(mine.id), str(theirs.id)],
        "team_description": "We need Python, React and Kubernetes.",
    }
    assert owner_client.post("/pf/gap_analysis/team", request, format="json").status_code == 404
    invite_and_accept(owner_client, other_user)
    response = owner_client.post("/pf/gap_analysis/team", request, format="json")
    assert response.status_code == 200
    assert {"issues", "questions"} <= set(response.json())
    # someone outside the team stays invisible
    request["persona_ids"].append(str(outsider.id))
    assert owner_client.post("/pf/gap_analysis/team", request, format="json").status_code == 404


def test_invite_rules(owner_client, owner, other_user):
    error = owner_client.post("/pf/team/invite", {"email": owner.email}, format="json").json()["error"]
    assert error["code"] == "ERR_INVALID_REQUEST"
    assert owner_client.post("/pf/team/invite", {"email": "nope"}, format="json").status_code == 400
    invite_and_accept(owner_client, other_user)
    again = owner_client.post("/pf/team/invite", {"email": other_user.email}, format="json")
    assert again.status_code == 400 and "already in your team" in again.json()["error"]["message"]


def test_a_token_works_only_for_the_invited_address(owner_client, other_user, make_user):
    owner_client.post("/pf/team/invite", {"email": other_user.email}, format="json")
    token = Invite.objects.get().token
    stranger = make_user()
    response = bearer_client(stranger).post("/pf/team/invite/accept", {"token": token}, format="json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "ERR_NOT_FOUND"
    stranger.refresh_from_db()
    assert stranger.team_id is None


def test_team_endpoints_need_sign_in(api_client):
    for path in ("/pf/team/members", "/pf/team/personas"):
        assert api_client.get(path).json()["error"]["code"] == "ERR_UNAUTHORIZED"
    assert api_client.post("/pf/team/invite", {"email": "a@b.co"}, format="json").status_code == 401
