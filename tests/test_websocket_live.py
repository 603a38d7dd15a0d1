"""The chat over a real WebSocket: a live ASGI server (uvicorn, as production runs it) on
loopback, the Redis channel layer, and real clients: what one socket asks, a second socket
on the same session hears too (through Redis, as a socket on another web process would; two
layer instances, as two processes have, share groups).

Runs where REDIS_URL is set (CI: PostgreSQL + Redis); the communicator tests in
generation/tests cover the consumer on the in-memory layer everywhere.
"""

import json
import socket
import threading
import time

import pytest
from asgiref.sync import async_to_sync
from channels.layers import channel_layers, get_channel_layer
from django.conf import settings
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from accounts.services import user_tokens
from generation.factories import ChatSessionFactory
from generation.models import ChatMessage

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (the Redis channel layer)"),
]


@pytest.fixture
def redis_layer(settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [settings.REDIS_URL], "prefix": f"test-live-{time.monotonic_ns()}"},
        }
    }
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def _serve():
    import uvicorn

    from cvplatform.asgi import application

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(application, lifespan="off", log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the ASGI server did not start"
    return server, thread, sock.getsockname()[1]


@pytest.fixture
def live_port(redis_layer):
    server, thread, port = _serve()
    yield port
    server.should_exit = True
    thread.join(timeout=10)


def test_a_real_client_chats_and_a_second_socket_shares_the_session(live_port, owner, other_user):
    first = second = live_port
    session = ChatSessionFactory(user=owner)
    jwt = user_tokens(user=owner)["access"]
    path = f"/api/v1/chat/ws/{session.pk}?token={jwt}"
    with (
        connect(f"ws://127.0.0.1:{first}{path}") as asker,
        connect(f"ws://127.0.0.1:{second}{path}") as watcher,
    ):
        asker.send(json.dumps({"type": "chat", "message": "How can I improve my resume?"}))
        answer = json.loads(asker.recv(timeout=15))
        overheard = json.loads(watcher.recv(timeout=15))
        asker.send("{broken")
        error = json.loads(asker.recv(timeout=15))
        asker.send(json.dumps({"type": "chat", "message": "Is it ATS-friendly?"}))
        again = json.loads(asker.recv(timeout=15))
    assert answer["type"] == "assistant" and "/100" in answer["message"]
    assert overheard == answer
    assert error["type"] == "error" and again["message"].startswith("ATS-friendly:")
    assert (
        ChatMessage.objects.filter(session=session).count() == 6
    )  # 2 chats, 2 answers, 1 bad frame, 1 error

    theirs = user_tokens(user=other_user)["access"]
    intruder_url = f"ws://127.0.0.1:{first}/api/v1/chat/ws/{session.pk}?token={theirs}"
    with connect(intruder_url) as intruder, pytest.raises(ConnectionClosed) as closed:
        intruder.recv(timeout=5)
    assert closed.value.rcvd.code == 4404 and closed.value.rcvd.reason == "Chat session not found."


def test_two_layer_instances_share_groups_through_redis(redis_layer):
    """What two web processes do: one joins a group, the other sends to it."""
    from channels_redis.core import RedisChannelLayer

    config = settings.CHANNEL_LAYERS["default"]["CONFIG"]
    receiver, sender = RedisChannelLayer(**config), RedisChannelLayer(**config)
    assert isinstance(get_channel_layer(), RedisChannelLayer)

    async def scenario():
        channel = await receiver.new_channel()
        await receiver.group_add("chat.session.shared", channel)
        await sender.group_send("chat.session.shared", {"type": "chat.message", "frame": {"message": "hi"}})
        received = await receiver.receive(channel)
        await receiver.flush()
        return received

    assert async_to_sync(scenario)()["frame"] == {"message": "hi"}
