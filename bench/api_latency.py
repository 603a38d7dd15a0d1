"""API latency with and without persistent PostgreSQL connections.

Starts gunicorn (one sync worker) on loopback twice — CONN_MAX_AGE=0 and CONN_MAX_AGE=60 —
against a scratch PostgreSQL database, and times small authenticated list requests
(`GET /api/pack/plans/`) and the health check. Prints median and p95 milliseconds.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cvplatform_bench .venv/bin/python bench/api_latency.py

Run by hand; it is not a test. It creates the database if needed and leaves it behind.
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "400"))
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cvplatform_bench")


def ensure_database() -> None:
    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    import psycopg

    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(*args: str, env: dict) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int) -> None:
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("gunicorn did not start")


def timed_requests(port: int, path: str, headers: dict) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port)  # keep-alive, like a real client
    samples = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, response.status
    conn.close()
    return samples[20:]  # drop warm-up


def token(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    body = json.dumps({"email": "demo@cvplatform.local", "password": "demo-pass-2026!"})
    conn.request("POST", "/api/v1/auth/login/", body=body, headers={"Content-Type": "application/json"})
    return json.loads(conn.getresponse().read())["access"]


def run(conn_max_age: int, env: dict) -> dict:
    port = free_port()
    server_env = {**env, "CONN_MAX_AGE": str(conn_max_age), "THROTTLE_USER": "1000000/hour"}
    proc = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "-w",
            "1",
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "cvplatform.wsgi:application",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        auth = {"Authorization": f"Bearer {token(port)}"}
        plans = timed_requests(port, "/api/pack/plans/", auth)
        health = timed_requests(port, "/healthz", {})
    finally:
        proc.terminate()
        proc.wait()
    return {"plans": plans, "health": health}


def summary(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20)[-1]
    return f"median {statistics.median(samples):6.2f} ms   p95 {p95:6.2f} ms"


def main() -> None:
    ensure_database()
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "cvplatform.settings.local",
        "DJANGO_DEBUG": "False",
    }
    env.pop("REDIS_URL", None)
    manage("migrate", "--noinput", env=env)
    manage("seed_demo", env=env)
    print(f"{REQUESTS} requests each, one gunicorn sync worker, PostgreSQL on loopback")
    results = {age: run(age, env) for age in (0, 60)}
    for age, result in results.items():
        print(f"CONN_MAX_AGE={age:<3} GET /api/pack/plans/  {summary(result['plans'])}")
        print(f"CONN_MAX_AGE={age:<3} GET /healthz          {summary(result['health'])}")
    ratio = statistics.median(results[0]["plans"]) / statistics.median(results[60]["plans"])
    print(f"a new connection per request costs {ratio:.1f}x the persistent one on a small list")


if __name__ == "__main__":
    main()
