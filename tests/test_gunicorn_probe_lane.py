"""A health probe does not queue behind busy threads: gunicorn with our worker class."""

import http.client
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GUNICORN = str(Path(sys.executable).parent / "gunicorn")
ROOT = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 1.5

APP = """
import time

def application(environ, start_response):
    if environ["PATH_INFO"] == "/slow":
        time.sleep(float(environ["QUERY_STRING"] or 0))
    body = environ["PATH_INFO"].encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(params=["cvplatform.gunicorn_worker.ProbeLaneThreadWorker", "gthread"])
def server(request, tmp_path):
    (tmp_path / "probe_app.py").write_text(textwrap.dedent(APP))
    port = free_port()
    proc = subprocess.Popen(
        [
            GUNICORN,
            "-k",
            request.param,
            "-w",
            "1",
            "--threads",
            "1",
            "-b",
            f"127.0.0.1:{port}",
            "--pythonpath",
            f"{tmp_path},{ROOT}",
            "probe_app:application",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                get(port, "/ready")
                break
            except OSError:
                time.sleep(0.1)
        yield request.param, port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def get(port: int, path: str, conn=None) -> str:
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request("GET", path)
    response = conn.getresponse()
    assert response.status == 200
    return response.read().decode()


def test_a_probe_is_answered_while_every_thread_is_busy(server):
    worker, port = server
    busy = [threading.Thread(target=get, args=(port, f"/slow?{SLOW_SECONDS}")) for _ in range(2)]
    for thread in busy:
        thread.start()
    time.sleep(0.3)  # both slow requests are in: one runs, one waits for the only thread
    started = time.monotonic()
    assert get(port, "/healthz") == "/healthz"
    waited = time.monotonic() - started
    for thread in busy:
        thread.join()
    if worker == "gthread":
        # What the stock worker does, and what made /healthz time out under load.
        assert waited > SLOW_SECONDS
    else:
        assert waited < 0.5


def test_a_kept_alive_connection_moves_between_lanes(server):
    worker, port = server
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    assert [get(port, path, conn) for path in ("/healthz", "/other", "/healthz?x=1", "/slow?0")] == [
        "/healthz",
        "/other",
        "/healthz",
        "/slow",
    ]
    conn.close()
