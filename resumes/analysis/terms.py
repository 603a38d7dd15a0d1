"""The terms the analysis recognises: the shared skills vocabulary plus our JD supplement.

The shared vocabulary (``resumes.ingest.skills``) is the parser's; its matcher is not used
here because job descriptions write multi-word terms across line breaks and with hyphens
("machine-\nlearning"), so matches are looked up by a normalised key (lower case, runs of
spaces and hyphens folded to one space) that always finds its canonical name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from resumes.ingest import skills as shared

DATA = Path(__file__).resolve().parent / "data"

# Ordinary English words that are also skill names: matched only as printed ("Go", not "go").
# (Unlike the parser's list, skill words a job description writes in lower case — "agile",
# "leadership", "statistics" — are matched in any case: in a job description they mean the skill.)
_COMMON_WORDS = frozenset(
    """go swift ruby rust dart lua julia scheme elm less lean maya chef puppet beam rails
    shell spring express node word excel access office outlook flutter ionic electron unity sketch
    notion slack training sales strategy security marketing lambda apache organization compliance
    logistics procurement networking android ios sas triton canva trello asana looker heroku vercel
    netlify blender arduino windows research analytics roadmap roadmaps""".split()
)
_LEFT = r"(?<![\w+#.\-/])"
_RIGHT = r"(?![\w+#/]|\.[\w])"


def term_key(term: str) -> str:
    """The form two spellings of one term share: "Machine-\\nLearning" → "machine learning"."""
    return re.sub(r"[\s\-‐–_]+", " ", term.strip().lower()).strip(" .,;:")


@dataclass(frozen=True)
class Term:
    name: str
    category: str


class TermIndex:
    """Canonical names, categories and one precompiled matcher for all known terms."""

    def __init__(self, entries: list[dict], categories: dict[str, str] | None = None) -> None:
        self.by_key: dict[str, Term] = {}
        exact: dict[str, str] = {}
        folded: set[str] = set()
        for entry in entries:
            term = self.by_key.get(term_key(entry["name"])) or Term(entry["name"], entry.get("category", ""))
            for spelling in [entry["name"], *entry.get("aliases", [])]:
                key = term_key(spelling)
                if not key or (key in self.by_key and self.by_key[key] != term):
                    continue
                self.by_key[key] = term
                if entry.get("case_sensitive") or _needs_exact_case(spelling):
                    exact[spelling] = term.name
                else:
                    folded.add(spelling.lower())
        self._recategorise(categories or {})
        self._exact = exact
        self._exact_re = _alternation(list(exact), flags=0)
        self._folded_re = _alternation(sorted(folded), flags=regex.IGNORECASE)

    def _recategorise(self, categories: dict[str, str]) -> None:
        """File a known term under another category, every spelling of it at once."""
        for name, category in categories.items():
            old = self.by_key.get(term_key(name))
            if old is None:
                continue
            new = Term(old.name, category)
            for key, term in self.by_key.items():
                if term == old:
                    self.by_key[key] = new

    def canonical(self, spelling: str) -> str | None:
        term = self.by_key.get(term_key(spelling))
        if term is None:
            # "Python 3", "React (Hooks)": the core term is the skill.
            term = self.by_key.get(term_key(re.sub(r"\s*\(.*?\)\s*|\s+\d+(?:\.\d+)*\+?$", "", spelling)))
        return term.name if term else None

    def category(self, name: str) -> str:
        term = self.by_key.get(term_key(name))
        return term.category if term else ""

    def find_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of every mention, in text order."""
        spans = []
        for match in self._folded_re.finditer(text):
            term = self.by_key.get(term_key(match.group(0)))
            if term:
                spans.append((match.start(), match.end(), term.name))
        for match in self._exact_re.finditer(text):
            name = self._exact.get(match.group(0)) or self.canonical(match.group(0))
            if name:
                spans.append((match.start(), match.end(), name))
        return sorted(spans)

    def find(self, text: str) -> list[str]:
        """Canonical names mentioned in ``text``, in order of first mention, without repeats."""
        return list(dict.fromkeys(name for _, _, name in self.find_spans(text)))


def _needs_exact_case(spelling: str) -> bool:
    return spelling.lower() in _COMMON_WORDS or (len(spelling) <= 3 and spelling.isalpha())


def _alternation(spellings: list[str], *, flags: int) -> regex.Pattern:
    if not spellings:
        return regex.compile(r"(?!x)x")
    # Words of a multi-word term may be split by any run of spaces, newlines or hyphens.
    parts = [
        r"[\s\-]+".join(regex.escape(word) for word in re.split(r"[\s\-]+", s))
        for s in sorted(spellings, key=len, reverse=True)
    ]
    return regex.compile(_LEFT + "(?:" + "|".join(parts) + ")" + _RIGHT, flags)


@lru_cache(maxsize=1)
def supplement() -> dict:
    with (DATA / "jd_terms.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def index() -> TermIndex:
    return TermIndex(
        [*shared.vocabulary().entries, *supplement()["skills"]], categories=supplement().get("categories")
    )


@lru_cache(maxsize=1)
def role_profiles() -> list[dict]:
    """Target-role skill profiles with every skill in its canonical spelling."""
    with (DATA / "roles.json").open(encoding="utf-8") as fh:
        roles = json.load(fh)["roles"]
    known = index()
    return [
        {
            **role,
            "required": [known.canonical(s) or s for s in role["required"]],
            "preferred": [known.canonical(s) or s for s in role["preferred"]],
        }
        for role in roles
    ]


def find_terms(text: str) -> list[str]:
    return index().find(text or "")


def canonical(spelling: str) -> str | None:
    return index().canonical(spelling)


SOFT_SKILL = "soft_skill"
TOOL_CATEGORIES = frozenset({"tools", "cloud_devops", "database"})
