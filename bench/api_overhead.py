"""Request overhead: our stack against a bare DRF + simplejwt list, side by side in one run.

    .venv/bin/python bench/api_overhead.py

(a) ours: gunicorn with our gunicorn.conf.py serving ResuMate ``GET /api/resumes/`` (20 rows,
    a JWT), production settings, PostgreSQL and Redis (throttles count every request).
(b) the baseline this script builds in a temporary directory: a Django project as
    ``startproject`` makes it (its default middleware), DRF and simplejwt, one model with the
    same columns as a ResuMate resume, one ``ListAPIView`` of the signed-in user's 20 rows
    with the same fields, persistent connections like ours (CONN_MAX_AGE=60), the same
    PostgreSQL server, the same gunicorn.conf.py.

Both servers run at once; the load goes to one at a time, alternating A B A B…
(``OVERHEAD_ROUNDS`` rounds of ``OVERHEAD_SECONDS`` each, ``OVERHEAD_CONNECTIONS`` keep-alive
connections from bench/loadgen.py in its own process), and the medians are compared:
requests/s and the ratio ours/baseline, CPU seconds per request of each gunicorn process tree
(from /proc; PostgreSQL's and Redis's CPU is not in it) and that ratio. Target: ≥ 0.9×.

Environment: DATABASE_URL (ours; the baseline uses <name>_base on the same server),
REDIS_URL, BENCH_PORT (ours; the baseline uses the next port). Not a test: figures depend on
the machine and on whatever else runs on it.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import harness

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cvplatform_hbench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5")
PORT = int(os.environ.get("BENCH_PORT", "8792"))
SECONDS = float(os.environ.get("OVERHEAD_SECONDS", "15"))
ROUNDS = int(os.environ.get("OVERHEAD_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("OVERHEAD_CONNECTIONS", "16"))
WARMUP_SECONDS = float(os.environ.get("OVERHEAD_WARMUP_SECONDS", "6"))
ROWS = 20

# One resume's Markdown, the same on both sides (~1.3 KB).
CONTENT = "\n".join(
    ["# Jane Doe", "jane@example.com | Berlin", "", "## Experience"]
    + [
        f"- Built service {index} in Python and PostgreSQL, cutting latency by {index + 10}%"
        for index in range(14)
    ]
    + ["", "## Skills", "Python, Django, PostgreSQL, Redis, Docker, Kubernetes"]
)

SEED_OURS = """
import json
from accounts.models import User
from accounts.services import user_tokens
from resumes.models import Resume
user = User.objects.filter(email="overhead@example.com").first() or User.objects.create_user(
    email="overhead@example.com", username="overhead", password="overhead-pass-2026!")
Resume.objects.filter(user=user).delete()
Resume.objects.bulk_create([Resume(user=user, title=f"Resume {i}", content=CONTENT) for i in range(ROWS)])
print(json.dumps({"token": user_tokens(user=user)["access"]}))
"""

# --- the baseline project -------------------------------------------------------------------
BASE_SETTINGS = """
from datetime import timedelta
SECRET_KEY = "bench-baseline-secret-key-bench-baseline-secret-key-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
    "rest_framework", "items",
]
# What startproject writes.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "benchbase.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request", "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages"]},
}]
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql", "NAME": @NAME@, "USER": @USER@,
    "HOST": @HOST@, "PORT": @PORT@, "CONN_MAX_AGE": 60,
}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
STATIC_URL = "static/"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SIMPLE_JWT = {"ACCESS_TOKEN_LIFETIME": timedelta(hours=4)}
"""

BASE_FILES = {
    "manage.py": """
        import os, sys
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchbase.settings")
        from django.core.management import execute_from_command_line
        execute_from_command_line(sys.argv)
    """,
    "benchbase/__init__.py": "",
    "benchbase/wsgi.py": """
        import os
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchbase.settings")
        from django.core.wsgi import get_wsgi_application
        application = get_wsgi_application()
    """,
    "benchbase/urls.py": """
        from django.urls import path
        from items.views import ItemList
        urlpatterns = [path("api/resumes/", ItemList.as_view())]
    """,
    "items/__init__.py": "",
    "items/migrations/__init__.py": "",
    "items/models.py": """
        from django.conf import settings
        from django.db import models

        class Item(models.Model):
            user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="items")
            title = models.CharField(max_length=255)
            content = models.TextField(blank=True)
            created_at = models.DateTimeField(auto_now_add=True)
            updated_at = models.DateTimeField(auto_now=True)
    """,
    "items/views.py": """
        from rest_framework import generics, serializers
        from items.models import Item

        class ItemSerializer(serializers.ModelSerializer):
            user = serializers.CharField(source="user.username", read_only=True)

            class Meta:
                model = Item
                fields = ["id", "user", "title", "content", "created_at", "updated_at"]

        class ItemList(generics.ListAPIView):
            serializer_class = ItemSerializer

            def get_queryset(self):
                return self.request.user.items.order_by("-updated_at", "-id")
    """,
}

SEED_BASE = """
import json
from django.contrib.auth.models import User
from rest_framework_simplejwt.tokens import AccessToken
from items.models import Item
user = User.objects.filter(username="overhead").first() or User.objects.create_user(
    username="overhead", email="overhead@example.com", password="overhead-pass-2026!")
Item.objects.filter(user=user).delete()
Item.objects.bulk_create([Item(user=user, title=f"Resume {i}", content=CONTENT) for i in range(ROWS)])
print(json.dumps({"token": str(AccessToken.for_user(user))}))
"""


def last_json(output: str) -> dict:
    """The seed script's answer: its last line (logging may print before it)."""
    return json.loads(output.strip().splitlines()[-1])


def seeded(code: str) -> str:
    return f"CONTENT = {CONTENT!r}\nROWS = {ROWS}\n" + code


def build_baseline(directory: Path, database_url: str) -> dict:
    parsed = urlparse(database_url)
    settings = BASE_SETTINGS
    for token, value in {
        "@NAME@": parsed.path.lstrip("/"),
        "@USER@": parsed.username or "postgres",
        "@HOST@": parsed.hostname or "127.0.0.1",
        "@PORT@": str(parsed.port or 5432),
    }.items():
        settings = settings.replace(token, repr(value))
    files = {**BASE_FILES, "benchbase/settings.py": settings}
    for name, body in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body).lstrip())
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    # ROOT too: the same gunicorn.conf.py names our worker class (cvplatform.gunicorn_worker).
    env.update({"DJANGO_SETTINGS_MODULE": "benchbase.settings", "PYTHONPATH": f"{directory}:{harness.ROOT}"})
    harness.manage("makemigrations", "items", env=env, cwd=directory)
    harness.manage("migrate", "--noinput", env=env, cwd=directory)
    token = last_json(harness.manage("shell", "-c", seeded(SEED_BASE), env=env, cwd=directory))["token"]
    return {"env": env, "token": token}


def check_rows(port: int, token: str, label: str) -> None:
    status, body = harness.request(port, "GET", "/api/resumes/", headers={"Authorization": f"Bearer {token}"})
    rows = json.loads(body)
    if (
        status != 200
        or len(rows) != ROWS
        or set(rows[0]) != {"id", "user", "title", "content", "created_at", "updated_at"}
    ):
        raise SystemExit(f"{label}: GET /api/resumes/ answered {status} {body[:300]!r}")


def main() -> None:
    base_url = urlparse(DATABASE_URL)._replace(path=urlparse(DATABASE_URL).path + "_base").geturl()
    harness.ensure_database(DATABASE_URL)
    harness.ensure_database(base_url, fresh=True)
    ours_env = harness.our_env(database_url=DATABASE_URL, redis_url=REDIS_URL)
    harness.manage("migrate", "--noinput", env=ours_env)
    ours_token = last_json(harness.manage("shell", "-c", seeded(SEED_OURS), env=ours_env))["token"]

    with tempfile.TemporaryDirectory(prefix="drf-baseline-") as directory:
        baseline = build_baseline(Path(directory), base_url)
        sides = {
            "ours": (harness.Gunicorn("cvplatform.wsgi:application", port=PORT, env=ours_env), ours_token),
            "baseline": (
                harness.Gunicorn(
                    "benchbase.wsgi:application", port=PORT + 1, env=baseline["env"], cwd=Path(directory)
                ),
                baseline["token"],
            ),
        }
        try:
            for name, (server, token) in sides.items():
                server.wait_ready("/api/resumes/")
                check_rows(server.port, token, name)
            workers = len(sides["ours"][0].workers())
            print(
                f"GET /api/resumes/ ({ROWS} rows, JWT): {ROUNDS} rounds of {SECONDS:g} s per side, "
                f"{CONNECTIONS} connections; gunicorn.conf.py: {workers} workers each"
            )
            figures: dict[str, list[dict]] = {name: [] for name in sides}
            # Warm-up, not counted: every worker of both servers serves its first requests (URL
            # resolution, serializers and connections are built lazily) before anything is timed.
            for server, token in sides.values():
                harness.load(
                    server.port,
                    "/api/resumes/",
                    seconds=WARMUP_SECONDS,
                    connections=CONNECTIONS,
                    headers={"Authorization": f"Bearer {token}"},
                )
            for round_number in range(1, ROUNDS + 1):
                for name, (server, token) in sides.items():
                    cpu_before = server.cpu_seconds()
                    result = harness.load(
                        server.port,
                        "/api/resumes/",
                        seconds=SECONDS,
                        connections=CONNECTIONS,
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    cpu = server.cpu_seconds() - cpu_before
                    rate = result["requests"] / result["seconds"]
                    per_request_ms = cpu / max(result["requests"], 1) * 1000
                    figures[name].append({"rate": rate, "cpu_ms": per_request_ms, **result})
                    print(
                        f"  round {round_number} {name:8} {rate:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
                        f"p99 {result['p99_ms']:6.1f} ms  CPU {per_request_ms:5.2f} ms/req  "
                        f"non-2xx {harness.non_2xx(result)}  errors {result['errors']}"
                    )
        finally:
            for server, _ in sides.values():
                server.stop()

    median = {
        name: {key: statistics.median(run[key] for run in runs) for key in ("rate", "cpu_ms")}
        for name, runs in figures.items()
    }
    rate_ratio = median["ours"]["rate"] / median["baseline"]["rate"]
    cpu_ratio = median["ours"]["cpu_ms"] / median["baseline"]["cpu_ms"]
    for name in sides:
        print(f"median {name:9} {median[name]['rate']:8.1f} req/s  CPU {median[name]['cpu_ms']:5.2f} ms/req")
    print(
        f"ours/baseline: {rate_ratio:.2f}x the requests/s (target >= 0.9x), "
        f"{cpu_ratio:.2f}x the CPU per request"
    )


if __name__ == "__main__":
    main()
