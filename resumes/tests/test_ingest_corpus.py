"""Regression guard: the dev corpus, scored by its own scorer, stays above 0.85.

Skipped where the corpus is absent; in CI ``../shared`` sits beside the clone.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resumes.ingest import parse_document

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "dev-corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "score_parse.py").exists(), reason="dev corpus not present")


def test_dev_corpus_field_score(tmp_path):
    index = json.loads((CORPUS / "index.json").read_text())["resumes"]
    for entry in index:
        target = tmp_path / f"{entry['path']}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        cv = parse_document((CORPUS / entry["path"]).read_bytes(), filename=entry["path"])
        target.write_text(json.dumps(cv.to_json_resume()))
    out = tmp_path / "score.json"
    subprocess.run(
        [
            sys.executable,
            str(CORPUS / "score_parse.py"),
            "--corpus",
            str(CORPUS),
            "--pred",
            str(tmp_path),
            "--json-out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    assert result["missing_predictions"] == []
    assert result["headline"] >= 0.85
    assert min(r["headline"] for r in result["per_doc"].values()) >= 0.4
