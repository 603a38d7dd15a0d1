"""Generate the labelled parse corpus: personas -> labels (committed) -> documents (regenerated).

usage: python bench/corpus/generate.py [--out DIR] [--seed N] [--only DESIGN_PREFIX ...] [--labels-only]

Writes ``labels/<persona>.expected.json`` beside this file (the gold labels, in the dev
corpus's label schema) and, under ``--out`` (default ``bench/corpus/out``, gitignored), every
rendered document plus an ``index.json`` the dev corpus scorer reads; ``labels`` in the output
is a copy of the committed labels. Each index entry also names its ``design`` and ``language``
so bench/parse_quality.py can break the scores down by both.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import renderers as R  # run as a script: its own directory is first on sys.path
from personas import label, personas

HERE = Path(__file__).resolve().parent


def plan(ps) -> list[tuple[object, str]]:
    """(persona, design) pairs: every persona through two RenderCV themes, two LaTeX classes
    and one Word layout built with python-docx; English ones also through two JSON Resume
    themes (PDF) and one as DOCX and as a PDF saved from that DOCX, the others through one
    theme as PDF and one as DOCX with their own headings; job-board personas as a job-board
    export."""
    out = []
    for n, p in enumerate(ps):
        if p.jobboard:
            out.append((p, "jobboard-txt"))
            continue
        for k in range(2):
            out.append((p, f"rendercv-{R.RENDERCV_THEMES[(2 * n + k) % len(R.RENDERCV_THEMES)]}"))
            out.append((p, f"latex-{R.LATEX_CLASSES[(2 * n + k) % len(R.LATEX_CLASSES)]}"))
        themes = R.JSONRESUME_THEMES
        if p.lang == "en":
            for k in range(2):
                out.append((p, f"jsonresume-{themes[(2 * n + k) % len(themes)]}"))
            out.append((p, f"docx-{themes[n % len(themes)]}"))
            out.append((p, f"wordpdf-{themes[(n + 1) % len(themes)]}"))
        else:  # the themes with the persona's own headings put in
            out.append((p, f"jsonresume-{themes[n % len(themes)]}"))
            out.append((p, f"docx-{themes[(n + 3) % len(themes)]}"))
        out.append((p, f"word-{R.DOCX_STYLES[n % len(R.DOCX_STYLES)]}"))
    return out


def render(p, design: str, out: Path, tmp: Path) -> Path:
    kind, _, style = design.partition("-")
    stem = out / design / p.key
    stem.parent.mkdir(parents=True, exist_ok=True)
    if kind == "rendercv":
        return R.render_rendercv(p, style, stem.with_suffix(".pdf"))
    if kind == "latex":
        return R.render_latex(p, style, stem)
    if kind == "jobboard":
        return R.render_jobboard(p, stem.with_suffix(".txt"))
    if kind == "word":
        return R.render_docx(p, style, stem.with_suffix(".docx"))
    work = tmp / f"{p.key}-{design}"
    work.mkdir()
    html = R.render_jsonresume_html(p, style, work)
    if kind == "jsonresume":
        return R.html_to_pdf(html, stem.with_suffix(".pdf"))
    docx = R.soffice(html, "docx", work)
    if kind == "docx":
        return Path(shutil.copy(docx, stem.with_suffix(".docx")))
    return Path(shutil.copy(R.soffice(docx, "pdf", work), stem.with_suffix(".pdf")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--only", nargs="*", help="render only designs starting with these prefixes")
    ap.add_argument("--labels-only", action="store_true", help="write the labels, render nothing")
    args = ap.parse_args()
    ps = personas(args.seed)
    pairs = plan(ps)
    labels_dir = HERE / "labels"
    labels_dir.mkdir(exist_ok=True)
    docs: dict[str, list[tuple[str, str]]] = {}
    for p, design in pairs:
        docs.setdefault(p.key, []).append((design, _doc_path(p, design)))
    for p in ps:
        lab = label(
            p, [d for _, d in docs.get(p.key, [])], ", ".join(sorted({d for d, _ in docs.get(p.key, [])}))
        )
        (labels_dir / f"{p.key}.expected.json").write_text(
            json.dumps(lab, ensure_ascii=False, indent=1) + "\n"
        )
    if args.labels_only:
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(args.out / "labels", ignore_errors=True)
    shutil.copytree(labels_dir, args.out / "labels")
    index, failed = [], []
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for p, design in pairs:
            if args.only and not design.startswith(tuple(args.only)):
                continue
            try:
                path = render(p, design, args.out, Path(tmp))
            except Exception as exc:  # a renderer failing on one persona is reported, not fatal
                failed.append(f"{design}/{p.key}: {exc}")
                continue
            rel = str(path.relative_to(args.out))
            fmt = {"tex": "tex", "zip": "tex", "txt": "txt"}.get(path.suffix[1:], path.suffix[1:])
            index.append(
                {
                    "path": rel,
                    "format": fmt,
                    "design": design,
                    "language": p.lang,
                    "label_files": [f"labels/{p.key}.expected.json"],
                    "label_quality": "gold-source",
                    "real_person": False,
                }
            )
    if args.only and (args.out / "index.json").exists():
        # A partial run re-renders some designs: the others' entries stay in the index.
        kept = json.loads((args.out / "index.json").read_text())["resumes"]
        index = [e for e in kept if not e["design"].startswith(tuple(args.only))] + index
    (args.out / "index.json").write_text(json.dumps({"resumes": index, "note": "generated"}, indent=1))
    for f in failed:
        print("render failed:", f, file=sys.stderr)
    print(f"{len(index)} documents in {time.time() - started:.0f}s, {len(failed)} failed -> {args.out}")
    return 0


def _doc_path(p, design: str) -> str:
    ext = {
        "rendercv": "pdf",
        "jsonresume": "pdf",
        "wordpdf": "pdf",
        "docx": "docx",
        "word": "docx",
        "jobboard": "txt",
    }
    kind = design.partition("-")[0]
    if kind == "latex":
        return f"{design}/{p.key}.{'zip' if design == 'latex-multifile' else 'tex'}"
    return f"{design}/{p.key}.{ext[kind]}"


if __name__ == "__main__":
    sys.exit(main())
