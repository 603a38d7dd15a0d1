"""Chat round trips over real WebSockets: 50 concurrent sessions, 20 chat messages each.

Starts uvicorn (as production runs the WebSocket processes) on loopback, with the Redis channel
layer when REDIS_URL is set, against a scratch database; each client sends a chat message,
waits for the assistant's answer, and sends the next. Prints message round-trip p50/p95/max,
throughput, and how many answers never came (dropped).

    REDIS_URL=redis://127.0.0.1:6379/8 .venv/bin/python bench/websocket_chat.py
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/cvplatform_bench BENCH_WORKERS=2 ...

Run by hand; it is not a test. Without BENCH_DATABASE_URL it uses a temporary SQLite file.
"""

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SESSIONS = int(os.environ.get("BENCH_SESSIONS", "50"))
MESSAGES = int(os.environ.get("BENCH_MESSAGES", "20"))
PORT = int(os.environ.get("BENCH_PORT", "8810"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "1"))
QUESTIONS = [
    "How can I improve my resume?",
    "What else?",
    "Which keywords should I add?",
    "Is my resume ATS-friendly?",
    "Rewrite my summary",
    "Rewrite my weakest bullet",
    "What is missing for a data engineer role?",
    "What is my score?",
]


def prepare(env: dict) -> list[tuple[int, str]]:
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from accounts.factories import UserFactory
    from accounts.services import user_tokens
    from generation.chat.services import chat_session_create
    from resumes.factories import CVDocumentFactory

    call_command("migrate", verbosity=0)
    sessions = []
    for n in range(SESSIONS):
        user = UserFactory(
            username=f"bench{n}-{time.time_ns()}", email=f"bench{n}-{time.time_ns()}@example.com"
        )
        document = CVDocumentFactory(user=user, title=f"Bench CV {n}")
        session = chat_session_create(user=user, resume_id=document.pk)
        sessions.append((session.pk, user_tokens(user=user)["access"]))
    return sessions


async def one_session(session_id: int, jwt: str, latencies: list[float]) -> int:
    from websockets.asyncio.client import connect

    answered = 0
    async with connect(
        f"ws://127.0.0.1:{PORT}/api/v1/chat/ws/{session_id}?token={jwt}", max_size=2**22
    ) as ws:
        for i in range(MESSAGES):
            started = time.perf_counter()
            await ws.send(json.dumps({"type": "chat", "message": QUESTIONS[i % len(QUESTIONS)]}))
            try:
                reply = json.loads(await asyncio.wait_for(ws.recv(), timeout=60))
            except TimeoutError:
                continue
            if reply.get("type") == "assistant":
                latencies.append((time.perf_counter() - started) * 1000)
                answered += 1
    return answered


async def load(sessions) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    started = time.perf_counter()
    answered = await asyncio.gather(*(one_session(pk, jwt, latencies) for pk, jwt in sessions))
    return latencies, sum(answered), time.perf_counter() - started


def wait_for_port() -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", PORT)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit("the ASGI server did not start")


def main() -> None:
    scratch = tempfile.mkdtemp(prefix="bench-ws-")
    database = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{scratch}/bench.sqlite3"
    env = {
        "DJANGO_SETTINGS_MODULE": "cvplatform.settings.local",
        "DATABASE_URL": database,
        "CONN_MAX_AGE": "60",
        "MEDIA_ROOT": scratch,
    }
    sessions = prepare(env)
    command = [
        sys.executable, "-m", "uvicorn", "cvplatform.asgi:application", "--host", "127.0.0.1",
        "--port", str(PORT), "--workers", str(WORKERS), "--log-level", "warning", "--lifespan", "off",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    try:
        wait_for_port()
        latencies, answered, elapsed = asyncio.run(load(sessions))
    finally:
        server.terminate()
        server.wait(timeout=20)
    sent = SESSIONS * MESSAGES
    layer = "Redis" if os.environ.get("REDIS_URL") else "in-memory"
    print(f"{SESSIONS} sessions x {MESSAGES} messages on uvicorn ({WORKERS} worker(s), {layer} layer, "
          f"{database.split(':', 1)[0]}):")  # fmt: skip
    if latencies:
        cuts = statistics.quantiles(latencies, n=100)
        print(f"  round trip p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, max {max(latencies):.1f} ms")
    print(f"  {answered}/{sent} answered, {sent - answered} dropped, {answered / elapsed:.0f} messages/s")
    if answered != sent:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
