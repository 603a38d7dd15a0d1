"""What the server benches share: a scratch PostgreSQL database, our gunicorn (with our
gunicorn.conf.py) on loopback, CPU seconds of a gunicorn process tree from /proc, and the
load generator (bench/loadgen.py) in a process of its own."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GUNICORN = str(Path(PY).parent / "gunicorn")
TICKS = os.sysconf("SC_CLK_TCK")


def ensure_database(url: str, *, fresh: bool = False) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def our_env(*, database_url: str, redis_url: str) -> dict:
    """Production settings on loopback over plain HTTP, throttles counting but never refusing."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cvplatform.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-bench-only-secret-key-bench-only-0123456789",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "JWT_ACCESS_MINUTES": "240",
        "THROTTLE_USER": "100000000/hour",
        "THROTTLE_ANON": "100000000/hour",
        "THROTTLE_TIER_FREE": "100000000/hour",
        "THROTTLE_TIER_PRO": "100000000/hour",
        "PYTHONPATH": str(ROOT),
    }


def manage(*args: str, env: dict, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        [PY, "manage.py", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


class Gunicorn:
    """``gunicorn -c <our gunicorn.conf.py> <app>`` bound to 127.0.0.1:``port``."""

    def __init__(self, app: str, *, port: int, env: dict, cwd: Path = ROOT, extra_env: dict | None = None):
        self.port = port
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", **(extra_env or {})}
        # The error log goes to a file: a pipe nobody reads would fill and stall the master.
        self.log = tempfile.NamedTemporaryFile("w+", prefix=f"gunicorn-{port}-", suffix=".log")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [GUNICORN, "-c", str(ROOT / "gunicorn.conf.py"), app],
            cwd=cwd,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            text=True,
        )

    def log_tail(self, chars: int = 3000) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-chars:]

    def wait_ready(self, path: str = "/healthz", timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log_tail()}")
            try:
                status, _ = request(self.port, "GET", path)
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn on {self.port} did not answer {path}")

    def cpu_seconds(self) -> float:
        """CPU the master and its workers used so far, recycled workers included (a reaped
        child's time is in its parent's cutime/cstime)."""
        master = self.proc.pid
        total = _stat_seconds(master, children=True)
        for child in _children(master):
            total += _stat_seconds(child, children=False)
        return total

    def workers(self) -> list[int]:
        return _children(self.proc.pid)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(value) for value in handle.read().split()]
    except OSError:
        return []


def _stat_seconds(pid: int, *, children: bool) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # After the command: state is field 3, so utime/stime/cutime/cstime (14-17) are [11:15].
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICKS


def request(port: int, method: str, path: str, *, body: dict | None = None, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        payload = json.dumps(body) if body is not None else None
        sent = {"Accept": "application/json", **(headers or {})}
        if payload is not None:
            sent["Content-Type"] = "application/json"
        conn.request(method, path, body=payload, headers=sent)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load(
    port: int,
    path: str,
    *,
    seconds: float,
    connections: int,
    method: str = "GET",
    headers: dict | None = None,
    body: dict | None = None,
    wait: bool = True,
):
    """The load generator in its own process; with ``wait=False`` the caller collects it
    (``finish(proc)``) after doing something else meanwhile (probing /healthz)."""
    spec = {
        "host": "127.0.0.1",
        "port": port,
        "method": method,
        "path": path,
        "headers": {
            "Accept": "application/json",
            **({"Content-Type": "application/json"} if body is not None else {}),
            **(headers or {}),
        },
        "body": json.dumps(body) if body is not None else None,
        "connections": connections,
        "seconds": seconds,
    }
    proc = subprocess.Popen(
        [PY, str(Path(__file__).with_name("loadgen.py"))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    proc.stdin.write(json.dumps(spec))
    proc.stdin.close()
    return finish(proc) if wait else proc


def finish(proc) -> dict:
    out = proc.stdout.read()
    proc.wait()
    return json.loads(out)


def non_2xx(result: dict) -> int:
    return sum(count for code, count in result["statuses"].items() if not code.startswith("2"))
