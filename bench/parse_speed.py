"""Parsing speed: median milliseconds per document and per page, by format.

usage: .venv/bin/python bench/parse_speed.py [--corpus DIR] [--repeat N]

Runs the whole builtin pipeline (bytes -> StructuredCV) on every PDF and LaTeX document of
the dev corpus and on generated DOCX CVs (the corpus has no DOCX; the generator is the one
the tests use), and, in the same run, pdfplumber's bare ``extract_text()`` on the same PDFs
as the reference. One process, one core; each document is parsed ``--repeat`` times after a
warm-up and its median is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "dev-corpus"


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.test"
    )
    import django

    django.setup()


def timed(fn, repeat: int, *, warm_up: bool = True) -> float:
    if warm_up:
        fn()  # warm-up: imports, font caches
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def corpus_docs(corpus: Path) -> list[tuple[str, str, bytes]]:
    index = json.loads((corpus / "index.json").read_text())["resumes"]
    out = []
    for entry in index:
        fmt = "latex" if entry["format"] in ("tex", "xtx") else entry["format"]
        out.append((entry["path"], fmt, (corpus / entry["path"]).read_bytes()))
    return out


def generated_docx() -> list[tuple[str, str, bytes]]:
    from resumes.tests.ingest_fixtures import builders

    return [(f"generated/{name}.docx", "docx", build()) for name, build in builders.DOCX_BUILDERS.items()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    setup_django()
    import pdfplumber

    from resumes.ingest import parse_document_with_meta

    docs = (corpus_docs(args.corpus) if (args.corpus / "index.json").exists() else []) + generated_docx()
    rows: dict[str, list[tuple[float, float]]] = {}
    ref: list[tuple[float, float]] = []
    for path, fmt, data in docs:
        _, meta = parse_document_with_meta(data, filename=path)  # also the warm-up
        pages = max(1, meta["pages"])
        ms = timed(
            lambda data=data, path=path: parse_document_with_meta(data, filename=path),
            args.repeat,
            warm_up=False,
        )
        rows.setdefault(fmt, []).append((ms, ms / pages))
        if fmt == "pdf":
            ref_ms = timed(lambda data=data: _plumber_text(pdfplumber, data), max(1, args.repeat // 2))
            ref.append((ref_ms, ref_ms / pages))
    print(f"{'pipeline (file -> StructuredCV)':<42}{'docs':>6}{'ms/doc':>10}{'ms/page':>10}")
    for fmt in ("pdf", "docx", "latex"):
        if fmt in rows:
            print(_row(f"builtin {fmt}", rows[fmt]))
    if ref:
        print(_row("reference: pdfplumber extract_text() only", ref))
    return 0


def _plumber_text(pdfplumber, data: bytes) -> None:
    import io

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _row(name: str, values: list[tuple[float, float]]) -> str:
    per_doc = statistics.median(v[0] for v in values)
    per_page = statistics.median(v[1] for v in values)
    return f"{name:<42}{len(values):>6}{per_doc:>10.1f}{per_page:>10.1f}"


if __name__ == "__main__":
    sys.exit(main())
