"""Parse-quality benchmark: the builtin parser over the dev corpus, scored by its scorer.

usage: .venv/bin/python bench/parse_quality.py [--corpus DIR] [--keep DIR] [--json-out FILE]

Runs ``parse_cv`` in-process over every document in the corpus index, writes one JSON Resume
prediction per document in the layout ``score_parse.py`` reads, runs the scorer and prints
its table plus the per-document headline scores (lowest first).
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


def score(corpus: Path, pred: Path, json_out: Path) -> dict:
    cmd = [
        sys.executable,
        str(corpus / "score_parse.py"),
        "--corpus",
        str(corpus),
        "--pred",
        str(pred),
        "--json-out",
        str(json_out),
    ]
    subprocess.run(cmd, check=True)
    return json.loads(json_out.read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temp dir")
    ap.add_argument("--json-out", type=Path, help="scorer's per-document results")
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
    print("\nper document (FIELD SCORE, lowest first):")
    for doc, r in sorted(res["per_doc"].items(), key=lambda kv: kv[1]["headline"]):
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
