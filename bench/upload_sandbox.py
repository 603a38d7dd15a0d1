"""Upload benchmark: what the hostile-file guards and the parse sandbox cost per CV.

usage: .venv/bin/python bench/upload_sandbox.py [--repeat N]

For every PDF/LaTeX document of the dev corpus, times (median of N runs, milliseconds):
  check    - size + magic-byte + DOCX directory checks (resumes.safety.check_content)
  direct   - resumes.ingest.parse_document in this process, no limits
  sandbox  - the same parse in a forked child with RLIMIT_AS/RLIMIT_CPU and a deadline
and prints the sandbox's overhead (sandbox - direct), plus the time to refuse a few hostile
files. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "dev-corpus"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.test"
    )
    import django

    django.setup()


def median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def refuse_ms(func) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        func()
        outcome = "accepted"
    except Exception as exc:  # the point is to time the refusal
        outcome = f"{exc.__class__.__name__}: {str(exc)[:60]}"
    return (time.perf_counter() - started) * 1000, outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from resumes import ingest, parsing, safety
    from resumes.tests.hostile import builders

    parsing.warm_parser()
    documents = sorted(p for p in CORPUS.rglob("*") if p.suffix in {".pdf", ".tex"})
    print(f"{'document':58} {'check':>7} {'direct':>8} {'sandbox':>8} {'overhead':>9}")
    overheads = []
    for path in documents:
        data = path.read_bytes()
        fmt = safety.check_content(data, filename=path.name)
        check = median_ms(
            lambda data=data, path=path: safety.check_content(data, filename=path.name), args.repeat
        )
        direct = median_ms(
            lambda data=data, path=path: ingest.parse_document(data, filename=path.name), args.repeat
        )
        boxed = median_ms(lambda data=data, fmt=fmt: parsing.parse_bytes(data, fmt=fmt), args.repeat)
        overheads.append(boxed - direct)
        name = str(path.relative_to(CORPUS))[:58]
        print(f"{name:58} {check:7.2f} {direct:8.1f} {boxed:8.1f} {boxed - direct:9.1f}")
    typical, worst = statistics.median(overheads), max(overheads)
    print(f"\nsandbox overhead per parse: median {typical:.1f} ms, max {worst:.1f} ms")

    print("\nrefusing hostile files (ms, outcome):")
    bomb_docx = builders.docx_zip_bomb(60)
    many_pages = builders.pdf_many_pages(500)
    stream_bomb = builders.pdf_flate_bomb(200)
    hostile = {
        "exe named cv.pdf": lambda: safety.check_content(builders.windows_exe(), filename="cv.pdf"),
        "docx zip bomb 60 MB": lambda: safety.check_content(bomb_docx, filename="x.docx"),
        "docx billion laughs": lambda: safety.check_content(
            builders.docx_billion_laughs(), filename="x.docx"
        ),
        "pdf 500 pages": lambda: parsing.parse_bytes(many_pages, fmt="pdf"),
        "pdf cyclic page tree": lambda: parsing.parse_bytes(builders.pdf_cyclic_page_tree(), fmt="pdf"),
        "pdf 200 MB stream bomb": lambda: parsing.parse_bytes(stream_bomb, fmt="pdf"),
    }
    for label, func in hostile.items():
        elapsed, outcome = refuse_ms(func)
        print(f"  {label:24} {elapsed:8.1f}  {outcome}")


if __name__ == "__main__":
    main()
