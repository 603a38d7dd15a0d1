"""Score endpoint benchmark: milliseconds per call of the endpoints that score a CV.

usage: .venv/bin/python bench/score_endpoint.py [--calls N] [--template classic]

Renders the demo CV as a 2-page PDF with the project's own Typst renderer, uploads it through
``POST /pf/cv/upload`` (the sandboxed parse stores it), then times, in-process with the test
client against a scratch in-memory database:

  optimizer score      POST /api/v1/resumes/{id}/score with a 1-page job description
  optimizer no JD      the same call without a job description
  CV Genius score-cv   POST /api/cv/score-cv/ with the CV's text and the same job description

and prints the median and p95 milliseconds per call (the first call of each is a warm-up and
is not counted). The job description is the benchmark's job descriptions joined until it
reaches a page (~450 words). Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JDS = Path(__file__).resolve().parent / "data" / "jds"
PAGE_WORDS = 450


def setup_django(media_root: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.test"
    )
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = media_root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media_root},
        },
    }


def one_page_job_description() -> str:
    parts, words = [], 0
    for path in sorted(JDS.glob("*.txt")):
        text = path.read_text()
        parts.append(text)
        words += len(text.split())
        if words >= PAGE_WORDS:
            break
    return "\n\n".join(parts)


def timed(call, calls: int) -> tuple[float, float]:
    call()  # warm-up: first-use imports and compiled patterns
    samples = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def expect(response, status: int = 200):
    if response.status_code != status:
        raise SystemExit(
            f"{response.request['PATH_INFO']} answered {response.status_code}: {response.content[:300]}"
        )
    return response.json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--template", default="classic")
    args = parser.parse_args()
    media = tempfile.mkdtemp(prefix="score-bench-")
    setup_django(media)

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test.utils import setup_test_environment
    from rest_framework.test import APIClient

    from accounts.models import User
    from accounts.services import user_tokens
    from exports.render.demo import demo_cv
    from exports.render.pipeline import render_cv
    from resumes.models import CVDocument

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)

    pdf = render_cv(cv=demo_cv(pages=2), template_id=args.template, fmt="pdf").content
    user = User.objects.create_user(email="bench@example.com", username="bench", password="bench-pass-2026!")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {user_tokens(user=user)['access']}")

    uploaded = expect(
        client.post(
            "/pf/cv/upload",
            {"file": SimpleUploadedFile("cv.pdf", pdf, "application/pdf")},
            format="multipart",
        )
    )
    document = CVDocument.objects.get(pk=uploaded["cv_id"])
    job = one_page_job_description()
    cv_text = document.structured.get("raw_text", "")
    print(
        f"CV: {document.pages}-page PDF, {len(pdf) // 1024} KB, {len(cv_text.split())} words; "
        f"job description: {len(job.split())} words; {args.calls} calls each"
    )

    score = f"/api/v1/resumes/{document.pk}/score"
    rows = [
        (
            "optimizer score (with JD)",
            lambda: expect(client.post(score, {"job_description": job}, format="json")),
        ),
        ("optimizer score (no JD)", lambda: expect(client.post(score, {}, format="json"))),
        (
            "CV Genius score-cv (text CV + JD)",
            lambda: expect(
                client.post("/api/cv/score-cv/", {"cv_text": cv_text, "job_description": job}, format="json")
            ),
        ),
    ]
    print(f"{'endpoint':36} {'median ms':>10} {'p95 ms':>8}")
    for name, call in rows:
        median, p95 = timed(call, args.calls)
        print(f"{name:36} {median:10.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
