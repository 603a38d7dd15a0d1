"""Render speed: median milliseconds to turn a 2-page CV into PDF (Typst, in-process, warm),
DOCX, Markdown and LaTeX source, and — where installed — to compile the equivalent LaTeX with
pdflatex (plain, and through the sandbox latex-to-pdf uses), and LaTeX → PDF via pandoc+Typst.

usage: .venv/bin/python bench/render_speed.py [--runs 40] [--template classic]

Each run changes one word of the CV so no cache can answer a repeated compile. Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.test"
    )
    import django

    django.setup()


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for i in range(runs):
        started = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--template", default="classic")
    args = parser.parse_args()
    setup_django()

    from exports.latex.convert import _pandoc_typst_pdf, _tex_compile
    from exports.render.demo import demo_cv
    from exports.render.pipeline import render_cv

    base = demo_cv(pages=2)

    def cv(i: int):
        basics = base.basics.model_copy(update={"summary": f"{base.basics.summary} (run {i})"})
        return base.model_copy(update={"basics": basics})

    pdf = render_cv(cv=cv(0), template_id=args.template, fmt="pdf")  # warms the compiler
    pages = pdf.content.count(b"/Type /Page\n") or pdf.content.count(b"/Type/Page/")
    tex_source = render_cv(cv=cv(0), template_id=args.template, fmt="tex").content.decode()

    def render(fmt: str):
        return lambda i: render_cv(cv=cv(i), template_id=args.template, fmt=fmt)

    rows = [
        ("Typst → PDF (in-process, warm)", render("pdf")),
        ("python-docx → DOCX", render("docx")),
        ("Markdown", render("md")),
        ("LaTeX source", render("tex")),
    ]
    if shutil.which("pdflatex"):
        rows.append(("pdflatex on the same CV (plain)", lambda i: _plain_pdflatex(tex_source)))
        rows.append(("pdflatex in the latex-to-pdf sandbox", lambda i: _tex_compile(tex_source, "pdflatex")))
    else:
        print("pdflatex is not installed: skipping the TeX rows")
    rows.append(("LaTeX → pandoc → Typst → PDF", lambda i: _pandoc_typst_pdf(tex_source)))

    print(f"template {args.template!r}, {pages or '?'}-page CV, {args.runs} runs each")
    print(f"{'path':<40} {'median ms':>10} {'p95 ms':>10}")
    for label, fn in rows:
        runs = args.runs if "pdflatex" not in label and "pandoc" not in label else max(5, args.runs // 4)
        median, p95 = timed(fn, runs)
        print(f"{label:<40} {median:>10.1f} {p95:>10.1f}")


def _plain_pdflatex(source: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "cv.tex").write_text(source, encoding="utf-8")
        subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"],
            cwd=tmp,
            capture_output=True,
            check=True,
        )


if __name__ == "__main__":
    main()
