"""CV Tailor jobs on a real Celery worker: a builtin CV generation from 20 artifacts, enqueue →
completed, and the PDF export of the result; p50 and p95 of each (targets: generation p95 ≤ 2 s,
PDF export p95 ≤ 300 ms).

usage: DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/generation_jobs.py [--runs 40]

Starts one ``celery worker`` (prefork, one process) on the broker, migrates the database, makes
a throwaway user with 20 artifacts, then for each run calls the service the endpoint calls and
polls the job row (every 5 ms) until it is completed. "Enqueue → completed" is measured from
just before the service call to the poll that sees the row completed; "worker time" is the
row's own started → finished. The bench user is deleted at the end. Not a test.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOB = """Senior Backend Engineer at Initech
Requirements: 5+ years building APIs in Python and Django; PostgreSQL and Redis; Kubernetes and Docker.
Nice to have: GraphQL, Terraform, Go."""
STACKS = [
    ["Python", "Django", "PostgreSQL"],
    ["Go", "Kubernetes", "Docker"],
    ["React", "TypeScript", "CSS"],
    ["Python", "Redis", "Celery"],
    ["Terraform", "AWS", "Docker"],
]


def environment() -> dict:
    env = dict(os.environ)
    if not env.get("DATABASE_URL") or not env.get("REDIS_URL"):
        sys.exit("Set DATABASE_URL (PostgreSQL) and REDIS_URL (the broker): the bench runs on a real worker.")
    env.setdefault("DJANGO_SETTINGS_MODULE", "cvplatform.settings.local")
    env["CELERY_TASK_ALWAYS_EAGER"] = "false"
    env["DJANGO_DEBUG"] = "false"
    env["PYTHONPATH"] = str(ROOT)
    return env


def setup_django(env: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[round(fraction * (len(ordered) - 1))]


def make_user():
    from accounts.factories import UserFactory
    from artifacts.factories import ArtifactFactory, EvidenceLinkFactory
    from artifacts.models import ArtifactType

    user = UserFactory(username=f"bench-{time.time_ns()}", first_name="Bench", last_name="User")
    kinds = [ArtifactType.EXPERIENCE] * 6 + [ArtifactType.PROJECT] * 10 + [ArtifactType.EDUCATION] * 2
    kinds += [ArtifactType.CERTIFICATION] * 2
    for i, kind in enumerate(kinds):
        stack = STACKS[i % len(STACKS)]
        artifact = ArtifactFactory(
            user=user,
            title=f"{'Senior Engineer' if kind == ArtifactType.EXPERIENCE else 'Artifact'} {i}",
            organisation=f"Company {i}",
            artifact_type=kind,
            start_date=datetime.date(2010 + i % 12, 1 + i % 12, 1),
            end_date=datetime.date(2011 + i % 12, 1 + i % 12, 1),
            description=(
                f"Built the {stack[0]} service for team {i}, serving {i + 2} million requests a day.\n"
                f"Responsible for moving reporting to {stack[1]}, cutting costs {10 + i}%.\n"
                f"Mentored {i % 5 + 1} engineers on {stack[2]}."
            ),
            technologies=stack,
        )
        EvidenceLinkFactory(artifact=artifact, url=f"https://example.com/bench/{i}")
    return user


def wait_finished(model, pk, *, timeout: float = 60.0):
    from cvplatform.jobs import JobStatus

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = model.objects.filter(pk=pk).only("status", "started_at", "finished_at", "error").first()
        if row.status in (JobStatus.SUCCESS, JobStatus.FAILURE):
            if row.status == JobStatus.FAILURE:
                raise SystemExit(f"{model.__name__} {pk} failed: {row.error}")
            return row
        time.sleep(0.005)
    raise SystemExit(f"{model.__name__} {pk} did not finish in {timeout} s")


def run(runs: int) -> None:
    from django.core.management import call_command

    from exports.models import ExportJob
    from generation.models import GeneratedDocument
    from generation.tailor.completed import generation_export_start
    from generation.tailor.services import generation_start

    call_command("migrate", verbosity=0)
    user = make_user()
    try:
        generation_ms, generation_worker_ms, export_ms, export_worker_ms = [], [], [], []
        documents = []
        for i in range(runs + 2):  # the first two warm the worker's imports and Typst
            started = time.perf_counter()
            document = generation_start(user=user, type="cv", job_description=f"{JOB}\nPosting {i}.")
            row = wait_finished(GeneratedDocument, document.pk)
            if i >= 2:
                generation_ms.append((time.perf_counter() - started) * 1000)
                generation_worker_ms.append((row.finished_at - row.started_at).total_seconds() * 1000)
            documents.append(document)
        for i in range(runs + 2):
            document = GeneratedDocument.objects.get(pk=documents[i].pk)
            started = time.perf_counter()
            job = generation_export_start(user=user, document=document, fmt="pdf")
            row = wait_finished(ExportJob, job.pk)
            if i >= 2:
                export_ms.append((time.perf_counter() - started) * 1000)
                export_worker_ms.append((row.finished_at - row.started_at).total_seconds() * 1000)
        used = len(GeneratedDocument.objects.get(pk=documents[-1].pk).metadata["artifactsUsed"])
    finally:
        user.delete()

    print(f"{runs} runs each on one Celery worker (prefork, 1 process); 20 artifacts, builtin engine")
    print(f"  (the last CV used {used} of the 20 artifacts)")
    print(f"{'':38} {'p50 ms':>8} {'p95 ms':>8}")
    rows = [
        ("CV generation, enqueue → completed", generation_ms),
        ("CV generation, worker time", generation_worker_ms),
        ("PDF export, enqueue → completed", export_ms),
        ("PDF export, worker time", export_worker_ms),
    ]
    for label, samples in rows:
        print(f"{label:38} {statistics.median(samples):8.1f} {percentile(samples, 0.95):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    env = environment()
    setup_django(env)
    from cvplatform.celery import app

    app.control.purge()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cvplatform",
            "worker",
            "-c",
            "1",
            "-P",
            "prefork",
            "-l",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline or worker.poll() is not None:
                sys.exit("The Celery worker did not start.")
        run(args.runs)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


if __name__ == "__main__":
    main()
