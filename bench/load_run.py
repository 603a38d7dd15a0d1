"""The load run: a busy day on gunicorn (our gunicorn.conf.py) + PostgreSQL + Redis.

    .venv/bin/python bench/load_run.py

Serves production settings on loopback and loads, one after the other, with
``LOAD_CONNECTIONS`` keep-alive connections (default 64) for ``LOAD_SECONDS`` (default 60):

  (a) ResuMate ``GET /api/resumes/`` (20 rows, a JWT);
  (b) Resume Optimizer ``POST /api/v1/resumes/{id}/score``: a 2-page PDF CV (rendered by our
      Typst renderer, uploaded through the sandboxed parse) against a 1-page job description.

Neither endpoint queues a job (the score is computed in the request), so no Celery worker is
started. The load comes from bench/loadgen.py in a process of its own; meanwhile this process
probes ``GET /healthz`` every 0.5 s on a new connection, as a load balancer does. Printed per
endpoint: requests/s, p50/p99 latency, non-2xx answers, connection errors, and the slowest
probe and whether every probe answered 200 in under 1 s.

Environment: DATABASE_URL, REDIS_URL, BENCH_PORT, LOAD_SECONDS, LOAD_CONNECTIONS,
LOAD_ONLY (``a`` or ``b``). Throttle rates are raised so that they count without refusing.
Not a test: figures depend on the machine and on whatever else runs on it.
"""

from __future__ import annotations

import json
import os
import threading
import time

import harness
from score_endpoint import one_page_job_description

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cvplatform_hbench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
PORT = int(os.environ.get("BENCH_PORT", "8794"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "64"))
ONLY = os.environ.get("LOAD_ONLY", "")
PROBE_EVERY = 0.5
PROBE_LIMIT = 1.0

SEED = """
import json
from django.core.files.uploadedfile import SimpleUploadedFile
from accounts.models import User
from accounts.services import user_tokens
from exports.render.demo import demo_cv
from exports.render.pipeline import render_cv
from resumes import services
from resumes.models import CVDocument, Resume

user = User.objects.filter(email="load@example.com").first() or User.objects.create_user(
    email="load@example.com", username="load", password="load-pass-2026!")
Resume.objects.filter(user=user).delete()
content = "# Jane Doe\\n\\n- Built things\\n" * 20
Resume.objects.bulk_create([Resume(user=user, title=f"Resume {i}", content=content) for i in range(20)])
CVDocument.objects.filter(user=user).delete()
pdf = render_cv(cv=demo_cv(pages=2), template_id="classic", fmt="pdf").content
document = services.cv_document_upload(
    user=user, upload=SimpleUploadedFile("cv.pdf", pdf, "application/pdf"), title="Load CV")
print(json.dumps({"token": user_tokens(user=user)["access"], "cv_id": document.pk,
                  "pages": document.pages, "status": document.status_word}))
"""


class Prober(threading.Thread):
    """``GET /healthz`` every 0.5 s until stopped: each probe's seconds and status."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.port, self.samples, self.failures = port, [], 0
        self.started = time.monotonic()
        self.slowest: list[tuple[float, float]] = []  # (seconds, at seconds into the run)
        self.slowest_body = b""
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                status, body = harness.request(self.port, "GET", "/healthz")
            except OSError:
                status, body = 0, b""
            elapsed = time.monotonic() - started
            self.samples.append(elapsed)
            self.slowest = sorted([*self.slowest, (elapsed, started - self.started)], reverse=True)[:3]
            if elapsed >= self.slowest[0][0]:
                self.slowest_body = body
            if status != 200:
                self.failures += 1
            self.stopping.wait(max(0.0, PROBE_EVERY - elapsed))


def scenario(server: harness.Gunicorn, label: str, path: str, *, method: str, token: str, body=None) -> None:
    prober = Prober(server.port)
    prober.start()
    load = harness.load(
        server.port,
        path,
        method=method,
        seconds=SECONDS,
        connections=CONNECTIONS,
        headers={"Authorization": f"Bearer {token}"},
        body=body,
        wait=False,
    )
    result = harness.finish(load)
    prober.stopping.set()
    prober.join()
    rate = result["requests"] / result["seconds"]
    worst = max(prober.samples, default=0.0)
    held = worst < PROBE_LIMIT and prober.failures == 0
    print(
        f"{label}\n"
        f"  {rate:8.1f} req/s  p50 {result['p50_ms']:7.1f} ms  p99 {result['p99_ms']:7.1f} ms  "
        f"non-2xx {harness.non_2xx(result)}  connection errors {result['errors']}  "
        f"statuses {result['statuses']}\n"
        f"  /healthz: {len(prober.samples)} probes, slowest {worst * 1000:.0f} ms, "
        f"{prober.failures} not 200 -> {'stayed' if held else 'did NOT stay'} under 1 s throughout\n"
        f"  slowest probes: "
        + ", ".join(f"{seconds * 1000:.0f} ms at {at:.1f} s" for seconds, at in prober.slowest)
    )
    if os.environ.get("LOAD_VERBOSE"):
        print(f"  slowest probe's body: {prober.slowest_body[:600]!r}")


def main() -> None:
    harness.ensure_database(DATABASE_URL)
    env = harness.our_env(database_url=DATABASE_URL, redis_url=REDIS_URL)
    harness.manage("migrate", "--noinput", env=env)
    seed = json.loads(harness.manage("shell", "-c", SEED, env=env).strip().splitlines()[-1])
    if seed["status"] != "parsed":
        raise SystemExit(f"the CV did not parse: {seed}")
    job = one_page_job_description()
    server = harness.Gunicorn("cvplatform.wsgi:application", port=PORT, env=env)
    try:
        server.wait_ready()
        status, body = harness.request(
            PORT,
            "POST",
            f"/api/v1/resumes/{seed['cv_id']}/score",
            body={"job_description": job},
            headers={"Authorization": f"Bearer {seed['token']}"},
        )
        if status != 200:
            raise SystemExit(f"the score endpoint answered {status}: {body[:300]!r}")
        print(
            f"{CONNECTIONS} connections for {SECONDS:g} s each; {len(server.workers())} gunicorn workers "
            f"(gunicorn.conf.py); CV: {seed['pages']}-page PDF, job description: {len(job.split())} words"
        )
        if ONLY in ("", "a"):
            scenario(
                server, "(a) GET /api/resumes/ (20 rows)", "/api/resumes/", method="GET", token=seed["token"]
            )
        if ONLY in ("", "b"):
            scenario(
                server,
                "(b) POST /api/v1/resumes/{id}/score (2-page CV, 1-page JD)",
                f"/api/v1/resumes/{seed['cv_id']}/score",
                method="POST",
                token=seed["token"],
                body={"job_description": job},
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
