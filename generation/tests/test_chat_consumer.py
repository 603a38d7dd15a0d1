"""The chat WebSocket through the real ASGI application (auth middleware, routing, consumer) with
channels' communicator: who may open it, what each client message gets back, what is stored."""

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.utils import timezone
from rest_framework_simplejwt.tokens import AccessToken

from accounts.services import api_key_create, user_tokens
from cvplatform.asgi import application
from generation.factories import ChatSessionFactory, OptimizationFactory
from generation.models import ChatMessage

# The consumer reads the database through channels' database_sync_to_async, which closes "old"
# connections around every call: inside a test transaction that would close the test's own
# PostgreSQL connection, so these tests run outside one (SQLite's in-memory database hid it).
pytestmark = pytest.mark.django_db(transaction=True)

JOB = (
    "Senior Backend Engineer. Requirements: 5+ years of Python, Kubernetes, Kafka and PostgreSQL. "
    "You will design event-driven services, run them on Kubernetes and mentor engineers. Nice to have: "
    "Terraform, AWS and Go. We value clear written communication and ownership of production systems."
)


@pytest.fixture(autouse=True)
def fresh_layer():
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def token(user) -> str:
    return user_tokens(user=user)["access"]


def run(scenario):
    return async_to_sync(scenario)()


async def open_socket(path, *, headers=None):
    communicator = WebsocketCommunicator(application, path, headers=headers or [])
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def refused(path, *, headers=None):
    communicator = await open_socket(path, headers=headers)
    closed = await communicator.receive_output(timeout=2)
    await communicator.wait()
    return closed


async def send(communicator, frame) -> dict:
    await communicator.send_to(text_data=frame if isinstance(frame, str) else json.dumps(frame))
    return json.loads(await communicator.receive_from(timeout=10))


@pytest.fixture
def session(owner):
    return ChatSessionFactory(user=owner)


def test_anonymous_bad_and_expired_tokens_are_closed_with_4401(session, owner):
    path = f"/api/v1/chat/ws/{session.pk}"
    expired = AccessToken.for_user(owner)
    expired.set_exp(lifetime=-timedelta(minutes=1))

    async def scenario():
        return [
            await refused(path),
            await refused(f"{path}?token=not-a-jwt"),
            await refused(f"{path}?token={expired}"),
            await refused(f"{path}?token=cvp_revoked-or-unknown"),
        ]

    closes = run(scenario)
    assert [c["code"] for c in closes] == [4401] * 4
    assert closes[0]["reason"] == "Authentication required."
    assert closes[2]["reason"] == "Token is invalid or expired."
    assert closes[3]["reason"] == "Invalid or revoked API key."


def test_another_users_session_is_closed_with_4404(session, other_user):
    jwt = token(other_user)

    async def scenario():
        return await refused(f"/api/v1/chat/ws/{session.pk}?token={jwt}")

    closed = run(scenario)
    assert closed == {"type": "websocket.close", "code": 4404, "reason": "Chat session not found."}


def test_chat_answers_from_the_resumes_analysis_and_stores_both_ways(session, owner):
    jwt = token(owner)

    async def scenario():
        socket = await open_socket(f"/api/v1/chat/ws/{session.pk}?token={jwt}")
        improve = await send(socket, {"type": "chat", "message": "How can I improve my resume?"})
        more = await send(socket, {"type": "chat", "message": "What else?"})
        await socket.disconnect()
        return improve, more

    improve, more = run(scenario)
    assert improve["type"] == "assistant" and isinstance(improve["timestamp"], int)
    assert "/100" in improve["message"] and "1." in improve["message"]
    assert more["type"] == "assistant" and more["message"] != improve["message"]
    stored = list(ChatMessage.objects.filter(session=session).values_list("sender", "type"))
    assert stored == [("user", "chat"), ("assistant", "assistant")] * 2


def test_the_bearer_header_and_an_enterprise_api_key_both_sign_in(session, owner):
    owner.subscription_tier = "enterprise"
    owner.save()
    _, key = api_key_create(user=owner, name="enterprise")

    jwt = token(owner)

    async def scenario():
        by_header = await open_socket(
            f"/api/v1/chat/ws/{session.pk}", headers=[(b"authorization", f"Bearer {jwt}".encode())]
        )
        first = await send(by_header, {"type": "chat", "message": "Is my resume ATS-friendly?"})
        await by_header.disconnect()
        by_key = await open_socket(f"/api/v1/chat/ws/{session.pk}?token={key}")
        second = await send(by_key, {"type": "chat", "message": "What is my score?"})
        await by_key.disconnect()
        return first, second

    first, second = run(scenario)
    assert first["message"].startswith("ATS-friendly:")
    assert second["message"].startswith("Overall ")


def test_an_api_key_of_a_downgraded_account_is_refused(session, owner):
    _, key = api_key_create(user=owner, name="enterprise")  # owner is on the free tier

    async def scenario():
        return await refused(f"/api/v1/chat/ws/{session.pk}?token={key}")

    assert run(scenario)["code"] == 4401


def test_bad_frames_get_an_error_and_the_socket_stays_usable(session, owner, settings):
    settings.CHAT_MAX_MESSAGE_CHARS = 50

    jwt = token(owner)

    async def scenario():
        socket = await open_socket(f"/api/v1/chat/ws/{session.pk}?token={jwt}")
        answers = [
            await send(socket, "{not json"),
            await send(socket, json.dumps(["chat"])),
            await send(socket, {"type": "shout", "message": "hi"}),
            await send(socket, {"type": "chat", "message": "x" * 51}),
            await send(socket, {"type": "chat", "message": 42}),
            await send(socket, {"type": "resume_upload", "resume_data": "text"}),
        ]
        await socket.send_to(bytes_data=b"\x00\x01")
        answers.append(json.loads(await socket.receive_from(timeout=5)))
        answers.append(await send(socket, {"type": "chat", "message": "Which keywords should I add?"}))
        await socket.disconnect()
        return answers

    answers = run(scenario)
    assert [a["type"] for a in answers] == ["error"] * 7 + ["assistant"]
    assert [a["code"] for a in answers[:7]] == [
        "malformed",
        "malformed",
        "unknown_type",
        "too_large",
        "invalid_message",
        "invalid_message",
        "binary_frame",
    ]
    assert ChatMessage.objects.filter(session=session, type="invalid").count() == 7


def test_a_resume_upload_becomes_the_sessions_parsed_resume(owner):
    session = ChatSessionFactory(user=owner, document=None, title="")
    resume = (
        "Sam Lee\nsam@example.com\n\nSummary\nData engineer.\n\nExperience\n"
        "Data Engineer, Initech, 2018 - Present\n- Responsible for the Airflow pipelines\n"
        "- Built Spark jobs that cut costs by 30%\n\nSkills\nPython, Spark, Airflow, SQL\n\n"
        "Education\nBSc Computer Science, State University, 2014 - 2018\n"
    )

    jwt = token(owner)

    async def scenario():
        socket = await open_socket(f"/api/v1/chat/ws/{session.pk}?token={jwt}")
        await socket.send_to(
            text_data=json.dumps(
                {"type": "resume_upload", "resume_data": {"content": resume, "title": "Sam CV"}}
            )
        )
        processing = json.loads(await socket.receive_from(timeout=10))
        stored = json.loads(await socket.receive_from(timeout=10))
        bullet = await send(socket, {"type": "chat", "message": "Rewrite my weakest bullet"})
        await socket.disconnect()
        return processing, stored, bullet

    processing, stored, bullet = run(scenario)
    session.refresh_from_db()
    assert processing["type"] == "processing"
    assert stored["type"] == "assistant" and stored["resume_id"] == session.document_id
    assert session.document.title == "Sam CV" and session.document.status_word == "parsed"
    assert "ATS score" in stored["message"]
    assert "Airflow" in bullet["message"] and "Responsible for" in bullet["message"]


def test_optimization_request_answers_markdown_and_counts_against_the_allowance(session, owner):
    jwt = token(owner)

    async def scenario():
        socket = await open_socket(f"/api/v1/chat/ws/{session.pk}?token={jwt}")
        frame = {
            "type": "optimization_request",
            "optimization_type": "ATS Keyword Optimizer",
            "job_title": "Senior Backend Engineer",
            "job_description": JOB,
        }
        await socket.send_to(text_data=json.dumps(frame))
        answers = [json.loads(await socket.receive_from(timeout=10)) for _ in range(2)]
        missing = await send(socket, {"type": "chat", "message": "Which keywords should I add?"})
        await socket.disconnect()
        return answers, missing

    (processing, result), missing = run(scenario)
    assert processing == {**processing, "type": "processing", "message": "Analyzing your resume..."}
    assert result["type"] == "optimization_result" and result["optimization_type"] == "ATS Keyword Optimizer"
    assert result["message"].startswith("## Optimization Results")
    assert owner.optimizations.count() == 1
    # The job discussed stays the session's: the next question is answered against it.
    assert "Kubernetes" in missing["message"] and "Kafka" in missing["message"]


def test_over_the_monthly_allowance_is_an_error_message_not_a_dropped_socket(session, owner):
    for _ in range(3):  # the free tier's allowance
        OptimizationFactory(user=owner, document=session.document, created_at=timezone.now())

    jwt = token(owner)

    async def scenario():
        socket = await open_socket(f"/api/v1/chat/ws/{session.pk}?token={jwt}")
        await socket.send_to(
            text_data=json.dumps({"type": "optimization_request", "optimization_type": "Summary Rewrite"})
        )
        answers = [json.loads(await socket.receive_from(timeout=10)) for _ in range(2)]
        still_open = await send(socket, {"type": "chat", "message": "What is my score?"})
        await socket.disconnect()
        return answers, still_open

    (processing, error), still_open = run(scenario)
    assert processing["type"] == "processing"
    assert error["type"] == "error" and error["code"] == "quota_exceeded"
    assert "Monthly optimization limit reached" in error["message"]
    assert still_open["type"] == "assistant"
