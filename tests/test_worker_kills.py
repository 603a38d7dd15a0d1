"""Killing a worker mid-job loses no job and runs none twice: real Redis, PostgreSQL, worker.

A prefork worker (one pool child) is started as a process of its own; five export jobs are
queued and each render is slowed down (``tests/slow_worker_exports.py``) so that every time
a job starts, the test kills ``-9`` either the whole worker (and starts a new one) or only
its pool child. The killed job's message comes back (the pool child's death re-queues it at
once; a dead worker's message after the broker's visibility timeout), the next delivery takes
the row over once its lease ended, and in the end every job succeeded once: one attempt per
kill besides its own, one result, one stored file.

Short limits for the worker keep the test bounded (every production value is a setting):
a 5 s hard time limit, a 6 s lease, a 7 s visibility timeout, checked every second.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.db.models import Sum

from cvplatform.celery import app as celery_app
from cvplatform.jobs import JobStatus
from exports.models import ExportJob
from exports.render.demo import demo_cv
from exports.services import export_job_start, template_sync

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (a real broker)"),
]

ROOT = Path(__file__).resolve().parent.parent
JOBS = 5
KILLS = ["worker", "child", "worker", "child", "worker"]
WORKER_LIMITS = {
    "CELERY_TASK_SOFT_TIME_LIMIT": "4",
    "CELERY_TASK_TIME_LIMIT": "5",
    "JOB_LEASE_SECONDS": "6",
    "CELERY_VISIBILITY_TIMEOUT": "7",
    "CELERY_UNACKED_RESTORE_SECONDS": "1",
    "SLOW_EXPORT_SECONDS": "1.5",
}


def _database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _clear_broker() -> None:
    """No message of an earlier run, waiting or unacknowledged, may reach our workers."""
    celery_app.control.purge()
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    try:
        client.delete("unacked", "unacked_index")
    finally:
        client.close()


class Worker:
    """``celery worker`` as a process group of its own, so it can be killed like a crash."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started = 0
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.started += 1
        env = {
            **os.environ,
            **WORKER_LIMITS,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "cvplatform.settings.test",
            "DATABASE_URL": _database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "CELERY_TASK_ALWAYS_EAGER": "false",
        }
        command = [sys.executable, "-m", "celery", "-A", "cvplatform", "worker", "--pool=prefork"]
        command += ["--concurrency=1", "--include=tests.slow_worker_exports", "--loglevel=INFO"]
        command += [
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"kills{self.started}@%h",
        ]
        with open(self.log_dir / f"worker-{self.started}.log", "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def kill(self) -> None:
        """``kill -9`` the worker and its pool child at once (a crashed or evicted machine)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def kill_child(self) -> None:
        """``kill -9`` only the pool child (the kernel's OOM killer picks the biggest process)."""
        [child] = _children(self.process.pid)
        os.kill(child, signal.SIGKILL)

    def logs(self) -> str:
        """What to read when the test fails: the broker's queues, and every worker's log."""
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        try:
            broker = (
                f"queued {client.llen('celery')}, unacknowledged {client.hlen('unacked')}, "
                f"restore lock ttl {client.ttl('unacked_mutex')}"
            )
        finally:
            client.close()
        return f"broker: {broker}\n" + "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.log_dir.glob("worker-*.log"))
        )


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _attempts(jobs) -> int:
    return ExportJob.objects.filter(pk__in=[job.pk for job in jobs]).aggregate(n=Sum("attempts"))["n"] or 0


def _wait_for_a_new_run(jobs, *, runs_seen: int, worker: Worker, timeout: float = 30) -> ExportJob:
    """The job a worker has just started (one claim more than ``runs_seen``)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _attempts(jobs) > runs_seen:
            running = ExportJob.objects.filter(pk__in=[j.pk for j in jobs], status=JobStatus.STARTED)
            job = running.order_by("-started_at").first()
            if job is not None:
                return job
        time.sleep(0.05)
    pytest.fail(f"no job started within {timeout}s\n{worker.logs()}")


def _export_folder(user) -> Path:
    return Path(settings.MEDIA_ROOT) / "exports" / str(user.pk)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the worker process needs the same (PostgreSQL) database"
)
def test_jobs_survive_kill_9_of_the_worker_and_of_its_pool_child(owner, tmp_path):
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    _clear_broker()
    template = next(t for t in template_sync() if t.slug == "classic")
    shutil.rmtree(_export_folder(owner), ignore_errors=True)
    worker = Worker(tmp_path)
    try:
        jobs = [export_job_start(user=owner, fmt="md", template=template, cv=demo_cv()) for _ in range(JOBS)]
        worker.start()
        runs = 0
        for how in KILLS:
            job = _wait_for_a_new_run(jobs, runs_seen=runs, worker=worker)
            runs = _attempts(jobs)
            time.sleep(0.3)  # well inside its 1.5 s render
            if how == "worker":
                worker.kill()
                worker.start()
            else:
                worker.kill_child()
            job.refresh_from_db()
            assert job.status == JobStatus.STARTED, f"{job} finished before the kill"

        deadline = time.monotonic() + 45
        while ExportJob.objects.filter(pk__in=[j.pk for j in jobs], status=JobStatus.SUCCESS).count() < JOBS:
            assert time.monotonic() < deadline, worker.logs()
            time.sleep(0.2)
    finally:
        worker.kill()
        _clear_broker()
        celery_app.conf.task_always_eager = eager

    done = list(ExportJob.objects.filter(pk__in=[j.pk for j in jobs]).order_by("pk"))
    assert [job.status for job in done] == [JobStatus.SUCCESS] * JOBS
    # Each kill cost its job exactly one attempt more: no run was lost, none was doubled.
    assert sum(job.attempts for job in done) == JOBS + len(KILLS)
    assert all(1 <= job.attempts <= 1 + len(KILLS) for job in done)
    assert all(job.result["size"] > 0 and job.error == "" for job in done)
    # One stored file per job: a killed run stored nothing, the finished one stored once.
    stored = sorted(_export_folder(owner).glob("*"))
    assert len(stored) == JOBS
    assert {Path(job.file.path) for job in done} == set(stored)
