"""Parse-quality benchmark: the builtin parser over the dev corpus, scored by its scorer.

usage: .venv/bin/python bench/parse_quality.py [--corpus DIR] [--keep DIR] [--json-out FILE] [--by-group]

Runs ``parse_cv`` in-process over every document in the corpus index, writes one JSON Resume
prediction per document in the layout ``score_parse.py`` reads, runs the scorer and prints
its table plus the per-document headline scores (lowest first).

``--corpus bench/corpus/out`` scores the generated corpus (bench/corpus/generate.py); its index
names each document's ``design`` and ``language``, and the per-field scores are then also
printed per design and per language (``--by-group`` forces that table on any corpus).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
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


def predict(corpus: Path, out_dir: Path) -> list[str]:
    """Write predictions; return the documents that failed to parse."""
    from resumes.ingest import IngestError, parse_document

    index = json.loads((corpus / "index.json").read_text())["resumes"]
    failed = []
    for entry in index:
        doc = entry["path"]
        target = out_dir / f"{doc}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            cv = parse_document((corpus / doc).read_bytes(), filename=doc)
        except IngestError as exc:
            failed.append(f"{doc}: {exc.code}: {exc.message}")
            continue
        target.write_text(json.dumps(cv.to_json_resume(), ensure_ascii=False, indent=1))
    return failed


def scorer_for(corpus: Path) -> Path:
    """The corpus's own scorer, else the dev corpus's (the generated corpus uses that one)."""
    own = corpus / "score_parse.py"
    return own if own.exists() else DEFAULT_CORPUS / "score_parse.py"


def score(corpus: Path, pred: Path, json_out: Path) -> dict:
    cmd = [
        sys.executable,
        str(scorer_for(corpus)),
        "--corpus",
        str(corpus),
        "--pred",
        str(pred),
        "--json-out",
        str(json_out),
    ]
    subprocess.run(cmd, check=True)
    return json.loads(json_out.read_text())


FIELDS = [
    "name",
    "email",
    "phone",
    "links",
    "exp_f1",
    "exp_company_f1",
    "exp_date_acc",
    "edu_f1",
    "edu_degree_acc",
    "skills_recall",
    "skills_precision",
    "headline",
]


def group_means(index: list[dict], per_doc: dict, key: str) -> dict[str, dict[str, float | None]]:
    """Mean of each field over the documents of each value of ``key`` (design, language)."""
    groups: dict[str, list[dict]] = {}
    for entry in index:
        if (r := per_doc.get(entry["path"])) is not None:
            groups.setdefault(str(entry.get(key) or entry.get("format") or "?"), []).append(r)
    out = {}
    for name, rows in sorted(groups.items()):
        out[name] = {"n": len(rows)}
        for f in FIELDS:
            vals = [r[f] for r in rows if r.get(f) is not None]
            out[name][f] = sum(vals) / len(vals) if vals else None
    return out


def print_groups(index: list[dict], per_doc: dict) -> None:
    short = {
        "exp_company_f1": "co_f1",
        "exp_date_acc": "dates",
        "edu_degree_acc": "degree",
        "skills_recall": "sk_rec",
        "skills_precision": "sk_prec",
        "headline": "FIELD",
    }
    head = "".join(f"{short.get(f, f)[:7]:>8}" for f in FIELDS)
    for key in ("design", "language"):
        print(f"\nper {key}:")
        print(f"{key:<26}{'n':>4}{head}")
        for name, row in group_means(index, per_doc, key).items():
            cells = "".join("      - " if row[f] is None else f"{row[f]:8.3f}" for f in FIELDS)
            print(f"{name:<26}{row['n']:>4}{cells}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temp dir")
    ap.add_argument("--json-out", type=Path, help="scorer's per-document results")
    ap.add_argument("--by-group", action="store_true", help="per-design and per-language table")
    ap.add_argument("--quiet", action="store_true", help="no per-document lines")
    args = ap.parse_args()
    if not (args.corpus / "index.json").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    setup_django()
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.keep or Path(tmp) / "pred"
        failed = predict(args.corpus, pred)
        for line in failed:
            print("parse failed:", line)
        res = score(args.corpus, pred, args.json_out or Path(tmp) / "score.json")
    index = json.loads((args.corpus / "index.json").read_text())["resumes"]
    if args.by_group or any("design" in e for e in index):
        print_groups(index, res["per_doc"])
    if not args.quiet:
        print("\nper document (FIELD SCORE, lowest first):")
    for doc, r in sorted(res["per_doc"].items(), key=lambda kv: kv[1]["headline"]) if not args.quiet else ():
        cells = " ".join(
            f"{k}={r[k]:.2f}"
            for k in ("name", "email", "exp_f1", "edu_f1", "skills_recall")
            if r[k] is not None
        )
        print(f"  {r['headline']:.3f}  {doc}  {cells}")
    below = [d for d, r in res["per_doc"].items() if r["headline"] < 0.6]
    print(f"\nFIELD SCORE {res['headline']:.4f}; documents below 0.6: {len(below)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
