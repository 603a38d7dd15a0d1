"""Artifact list benchmark: milliseconds per ``GET /api/v1/artifacts/`` on PostgreSQL.

usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> \\
       .venv/bin/python bench/artifact_list.py [--artifacts 100] [--calls 30]

Creates a scratch test database next to the configured one (``test_<name>``, dropped at the
end), seeds one user with N artifacts, each with 3 labels, 3 evidence links and 2 files,
then calls the list in-process through the test client with a JWT, at page sizes 10, 50 and
100, plain and with a full-text ``search`` plus a ``technologies`` filter. Prints the median
and p95 milliseconds per call and the queries one call runs (the first call of each case is
a warm-up and is not counted). Not a test: numbers depend on the machine.
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


def seed(artifacts: int):
    from accounts.factories import UserFactory
    from artifacts.factories import ArtifactFactory, ArtifactFileFactory, EvidenceLinkFactory, LabelFactory

    user = UserFactory()
    labels = LabelFactory.create_batch(3, user=user)
    for index in range(artifacts):
        artifact = ArtifactFactory(
            user=user,
            labels=labels,
            title=f"Payments platform {index}",
            technologies=["Python", "Django", "PostgreSQL"] if index % 2 else ["Go", "Kubernetes"],
        )
        EvidenceLinkFactory.create_batch(3, artifact=artifact)
        ArtifactFileFactory.create_batch(2, artifact=artifact)
    return user


def measure(client, params: dict, calls: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/api/v1/artifacts/", params)  # warm-up
    timings = []
    for _ in range(calls):
        started = time.perf_counter()
        response = client.get("/api/v1/artifacts/", params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v1/artifacts/", params)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    return statistics.median(timings), p95, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artifacts", type=int, default=100)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as media_root:
        setup_django(media_root)
        from django.db import connection

        if connection.vendor != "postgresql":
            print("warning: not PostgreSQL (set DATABASE_URL); measuring", connection.vendor)
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            from conftest import bearer_client

            user = seed(args.artifacts)
            client = bearer_client(user)
            print(
                f"{args.artifacts} artifacts x 3 labels x 3 links x 2 files on {connection.vendor}; "
                f"{args.calls} calls each"
            )
            print(f"{'case':<34}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
            for page_size in (10, 50, 100):
                for label, extra in (
                    ("list", {}),
                    ("search+filter", {"search": "payments", "technologies": "python"}),
                ):
                    median, p95, queries = measure(client, {"page_size": page_size, **extra}, args.calls)
                    print(f"{label + f' page_size={page_size}':<34}{median:>10.1f}{p95:>10.1f}{queries:>9}")
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
