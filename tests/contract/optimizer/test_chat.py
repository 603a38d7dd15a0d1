"""Resume Optimizer (seed 003) — Chat System over HTTP: sessions and their stored messages, with
owner / other-user (404) / anonymous (401) personas and bad input (422 ``{"detail": [...]}``).
The WebSocket itself: generation/tests/test_chat_consumer.py and tests/test_websocket_live.py."""

import pytest

from generation.factories import ChatMessageFactory, ChatSessionFactory
from generation.models import ChatSender
from resumes.factories import CVDocumentFactory

pytestmark = pytest.mark.django_db


def test_create_a_session_for_your_own_resume(owner, owner_client):
    document = CVDocumentFactory(user=owner, title="My Resume")
    response = owner_client.post("/api/v1/chat/sessions", {"resume_id": document.pk}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["resume_id"] == document.pk and body["title"] == "My Resume"
    assert body["message_count"] == 0 and body["websocket_url"] == f"/api/v1/chat/ws/{body['id']}"


def test_create_validates_and_scopes_the_resume(owner, other_user, owner_client, api_client):
    theirs = CVDocumentFactory(user=other_user)
    wrong_type = owner_client.post("/api/v1/chat/sessions", {"resume_id": "abc"}, format="json")
    assert wrong_type.status_code == 422
    assert wrong_type.json()["detail"][0]["loc"] == ["body", "resume_id"]
    assert owner_client.post("/api/v1/chat/sessions", {}, format="json").status_code == 422
    other = owner_client.post("/api/v1/chat/sessions", {"resume_id": theirs.pk}, format="json")
    assert other.status_code == 404 and other.json() == {"detail": "CV not found."}
    anonymous = api_client.post("/api/v1/chat/sessions", {"resume_id": theirs.pk}, format="json")
    assert anonymous.status_code == 401 and "detail" in anonymous.json()


def test_list_shows_only_your_sessions_with_their_message_counts(owner, other_user, owner_client, api_client):
    mine = ChatSessionFactory(user=owner)
    ChatMessageFactory.create_batch(2, session=mine)
    ChatSessionFactory(user=other_user)
    body = owner_client.get("/api/v1/chat/sessions").json()
    assert [(s["id"], s["message_count"]) for s in body] == [(mine.pk, 2)]
    assert api_client.get("/api/v1/chat/sessions").status_code == 401


def test_messages_are_the_stored_history_in_order(owner, other_user, owner_client, other_client, api_client):
    session = ChatSessionFactory(user=owner)
    first = ChatMessageFactory(session=session, content="How can I improve my resume?")
    second = ChatMessageFactory(
        session=session,
        sender=ChatSender.ASSISTANT,
        type="assistant",
        content="Fix this.",
        data={"intent": "improve"},
    )
    path = f"/api/v1/chat/sessions/{session.pk}/messages"
    body = owner_client.get(path).json()
    assert [(m["id"], m["sender"], m["type"], m["message"]) for m in body] == [
        (first.pk, "user", "chat", "How can I improve my resume?"),
        (second.pk, "assistant", "assistant", "Fix this."),
    ]
    assert body[1]["data"] == {"intent": "improve"} and body[1]["timestamp"] >= body[0]["timestamp"]
    assert other_client.get(path).status_code == 404
    assert owner_client.get("/api/v1/chat/sessions/999999/messages").status_code == 404
    assert owner_client.get("/api/v1/chat/sessions/not-an-id/messages").status_code == 404
    assert api_client.get(path).status_code == 401
