"""Live job progress (``/api/v1/ws/jobs``): the owner hears each change of their own job rows
(CV parse jobs, export jobs, generations) as ``cvplatform.jobs`` records it, and nobody else does."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator

from accounts.services import user_tokens
from cvplatform.asgi import application
from cvplatform.jobs import JobStatus, job_claim, job_fail, job_progress_set
from exports.factories import ExportJobFactory
from exports.models import ExportJob
from resumes import services as resume_services
from resumes.factories import CVDocumentFactory

# Rows change in committed transactions here, as in a worker: that is when progress is sent.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_layer():
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


async def jobs_socket(jwt: str) -> WebsocketCommunicator:
    socket = WebsocketCommunicator(application, f"/api/v1/ws/jobs?token={jwt}")
    connected, _ = await socket.connect()
    assert connected
    return socket


def test_a_parse_job_is_pushed_to_its_owner_only(owner, other_user):
    document = CVDocumentFactory(user=owner, status=JobStatus.PENDING, progress=0, structured={})
    mine, theirs = user_tokens(user=owner)["access"], user_tokens(user=other_user)["access"]

    async def scenario():
        owner_socket, other_socket = await jobs_socket(mine), await jobs_socket(theirs)
        await database_sync_to_async(resume_services.cv_document_parse)(document_id=document.pk)
        heard = [json.loads(await owner_socket.receive_from(timeout=5)) for _ in range(2)]
        nothing = await other_socket.receive_nothing(timeout=0.3)
        await owner_socket.disconnect()
        await other_socket.disconnect()
        return heard, nothing

    heard, nothing = async_to_sync(scenario)()
    assert [(m["type"], m["id"], m["kind"], m["status"]) for m in heard] == [
        ("progress", document.pk, "cv_parse", "STARTED"),
        ("progress", document.pk, "cv_parse", "SUCCESS"),
    ]
    assert heard[1]["progressPercentage"] == 100 and heard[1]["timestamp"] >= heard[0]["timestamp"]
    assert nothing


def test_an_export_job_reports_progress_and_failure(owner):
    job = ExportJobFactory(user=owner)
    jwt = user_tokens(user=owner)["access"]

    def move():
        claimed = job_claim(model=ExportJob, job_id=job.pk)
        job_progress_set(job=claimed, progress=40)
        job_fail(job=claimed, error="Typst is not installed.")

    async def scenario():
        socket = await jobs_socket(jwt)
        await database_sync_to_async(move)()
        heard = [json.loads(await socket.receive_from(timeout=5)) for _ in range(3)]
        await socket.disconnect()
        return heard

    heard = async_to_sync(scenario)()
    assert [(m["kind"], m["status"], m["progressPercentage"]) for m in heard] == [
        ("export", "STARTED", 0),
        ("export", "STARTED", 40),
        ("export", "FAILURE", 40),
    ]


def test_the_jobs_socket_refuses_anonymous_callers(db):
    async def scenario():
        socket = WebsocketCommunicator(application, "/api/v1/ws/jobs")
        await socket.connect()
        closed = await socket.receive_output(timeout=2)
        await socket.wait()
        return closed

    assert async_to_sync(scenario)()["code"] == 4401


def test_a_generation_job_is_pushed_to_its_owner_only(owner, other_user):
    from generation.factories import GeneratedDocumentFactory
    from generation.tailor.services import generation_run
    from generation.tests.tailor_data import BACKEND_JOB, career

    career(owner)
    document = GeneratedDocumentFactory(
        user=owner, status=JobStatus.PENDING, progress=0, content={}, metadata={}, finished_at=None
    )
    document.job_description.text = BACKEND_JOB
    document.job_description.save()
    mine, theirs = user_tokens(user=owner)["access"], user_tokens(user=other_user)["access"]

    async def scenario():
        owner_socket, other_socket = await jobs_socket(mine), await jobs_socket(theirs)
        await database_sync_to_async(generation_run)(job_id=document.pk)
        heard = [json.loads(await owner_socket.receive_from(timeout=5)) for _ in range(6)]
        nothing = await other_socket.receive_nothing(timeout=0.3)
        await owner_socket.disconnect()
        await other_socket.disconnect()
        return heard, nothing

    heard, nothing = async_to_sync(scenario)()
    assert {m["id"] for m in heard} == {str(document.pk)} and {m["kind"] for m in heard} == {"generation"}
    assert [(m["status"], m["progressPercentage"]) for m in heard] == [
        ("STARTED", 0),
        ("STARTED", 20),
        ("STARTED", 40),
        ("STARTED", 70),
        ("STARTED", 90),
        ("SUCCESS", 100),
    ]
    assert nothing
