"""AI engine benchmark: builtin task latency, builtin embedding throughput, cosine search,
and the router's overhead over a raw OpenAI SDK call (both against a loopback fake server).

usage: .venv/bin/python bench/llm_engine.py [--runs 50]

Runs on a throw-away SQLite database in a temp dir (never DATABASE_URL's database).
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


def setup_django(tmp: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "cvplatform.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def row(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{label:<34} p50 {statistics.median(ordered):8.2f} ms   p95 {p95:8.2f} ms   n={len(ordered)}"


def bench_builtin(runs: int) -> None:
    from llm import builtin

    cv = (ROOT / "llm/tests/fixtures/injection_cv.txt").read_text()
    job = "Senior Data Engineer: Kafka, Spark, Airflow, Kubernetes, Python. Join Fabrikam."
    cases = {
        "extract_cv": {"text": cv},
        "analyse_cv": {"cv": cv, "job_description": job},
        "tailor_cv": {"cv": cv, "job_description": job},
        "cover_letter": {"cv": cv, "job_description": job},
        "resume_from_text": {
            "user_input": "Software engineer with 5 years experience in Python, Django, React."
        },
        "optimise": {"cv": cv},
        "chat_reply": {"message": "Which skills should I add?", "cv": cv, "job_description": job},
    }
    print("builtin engine (in-process, one CV of ~1 KB)")
    for task, inputs in cases.items():
        print("  " + row(task, timed(lambda t=task, i=inputs: builtin.run(t, i), runs)))
    texts = [
        f"{i} built Kafka and Spark pipelines for team {i % 17} using Python and Airflow" for i in range(500)
    ]
    start = time.perf_counter()
    builtin.embed_texts(texts)
    seconds = time.perf_counter() - start
    print(f"  builtin embedding: {len(texts) / seconds:,.0f} texts/s (500 short texts, 256 dims)")


def bench_search(runs: int) -> None:
    from accounts.models import User
    from llm.models import EmbeddingKind
    from llm.selectors import embedding_list, similar_texts
    from llm.services import embedding_store

    user = User.objects.create_user(username="bench", email="bench@example.com", password="x-bench-123")
    for i in range(2000):
        embedding_store(
            text=f"Artifact {i}: pipelines with Kafka {i % 13} and Spark {i % 7}",
            user=user,
            kind=EmbeddingKind.ARTIFACT,
        )
    rows = embedding_list(user=user, kind=EmbeddingKind.ARTIFACT)
    print("similarity search (Python cosine on SQLite)")
    print(
        "  "
        + row(
            "top-10 of 2,000 vectors",
            timed(lambda: similar_texts(query="Kafka pipelines", rows=rows, limit=10), min(runs, 20)),
        )
    )


def bench_router(runs: int) -> None:
    import openai

    from llm.models import AIModel, Provider
    from llm.schemas import AnalyseCVOutput
    from llm.services import run_task
    from llm.tests.fakes import FakeOpenAI

    server = FakeOpenAI(
        default_content={"score": 70, "breakdown": {}, "strengths": [], "issues": [], "suggestions": []}
    )
    server.start()
    os.environ["BENCH_FAKE_KEY"] = "sk-bench"
    AIModel.objects.create(
        display_name="Bench GPT",
        provider=Provider.OPENAI,
        model_name="fake",
        base_url=server.base_url,
        api_key_env="BENCH_FAKE_KEY",
    )
    cv = (ROOT / "llm/tests/fixtures/clean_cv.txt").read_text()
    client = openai.OpenAI(api_key="sk-bench", base_url=server.base_url, timeout=5, max_retries=0)
    raw = timed(
        lambda: client.chat.completions.create(model="fake", messages=[{"role": "user", "content": cv}]), runs
    )
    routed = timed(
        lambda: run_task(task="analyse_cv", inputs={"cv": cv}, schema=AnalyseCVOutput, model="Bench GPT"),
        runs,
    )
    server.stop()
    print("router vs raw SDK (fake OpenAI server on 127.0.0.1)")
    print("  " + row("raw openai SDK call", raw))
    print("  " + row("run_task (prompt, validate, log)", routed))
    print(f"  router overhead (p50): {statistics.median(routed) - statistics.median(raw):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(tmp)
        bench_builtin(args.runs)
        bench_search(args.runs)
        bench_router(args.runs)


if __name__ == "__main__":
    main()
