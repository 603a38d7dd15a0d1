"""The skills vocabulary (``resumes/data/skills.json``) and a precompiled matcher.

``canonical_skill("k8s") == "Kubernetes"``; ``find_skills(text)`` lists the canonical skills a
text mentions, in order of first mention. Names and aliases match case-insensitively on token
boundaries that keep "C++", "C#", ".NET" and "Node.js" whole. Terms that are also ordinary
words ("Go", "Swift", "Word", "Spring") or short capitalised acronyms ("AI", "ML") only match as
printed in the vocabulary, so "go to market" does not find Go.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "skills.json"

# Ordinary words that are also skills: matched only with their printed capitalisation.
_COMMON_WORDS = frozenset(
    """go swift ruby rust java dart lua julia scheme elm less lean maya chef puppet beam rails shell
    spring express node word excel access office outlook flutter ionic electron unity sketch notion
    slack training sales strategy security marketing lambda apache kanban scrum agile documentation
    organization creativity leadership communication teamwork adaptability multitasking compliance
    logistics procurement accounting bookkeeping auditing forecasting budgeting negotiation recruiting
    onboarding networking prototyping wireframing algorithms statistics android ios git sas triton
    linux unix figma canva jira trello asana tableau looker heroku vercel netlify blender arduino""".split()
)
_BOUNDARY_L = r"(?<![\w+#.\-])"
_BOUNDARY_R = r"(?![\w+#]|\.[\w])"


class Vocabulary:
    def __init__(self, entries: list[dict]) -> None:
        self.entries = entries
        self.by_term: dict[str, str] = {}
        exact_terms: dict[str, str] = {}
        folded_terms: dict[str, str] = {}
        for entry in entries:
            name = entry["name"]
            for term in [name, *entry.get("aliases", [])]:
                self.by_term.setdefault(_key(term), name)
                if entry.get("case_sensitive") or _needs_exact_case(term):
                    exact_terms[_spaced(term)] = name
                else:
                    folded_terms[_spaced(term.lower())] = name
        self._exact = exact_terms
        self._folded = folded_terms
        # Ordinary-word skills also stop at a hyphen: "Go-to-market" is not Go.
        self._exact_re = _alternation(exact_terms, flags=0, right=r"(?!-\w)")
        self._folded_re = _alternation(folded_terms, flags=re.IGNORECASE)

    def canonical(self, term: str) -> str | None:
        key = _key(term)
        if not key:
            return None
        if key in self.by_term:
            return self.by_term[key]
        # "Python 3", "React (Hooks)", "Docker/Kubernetes" are not one skill: try the core term.
        core = _key(re.sub(r"\s*\(.*?\)\s*|\s+\d+(?:\.\d+)*\+?$", "", term))
        return self.by_term.get(core)

    def find(self, text: str, *, printed: bool = False) -> list[str]:
        """Canonical names (or, with ``printed``, the words as printed) of the skills in ``text``."""
        hits: list[tuple[int, str, str]] = []
        for m in self._folded_re.finditer(text):
            if name := self._folded.get(_spaced(m.group(0).lower())):
                hits.append((m.start(), name, m.group(0)))
        for m in self._exact_re.finditer(text):
            if name := self._exact.get(_spaced(m.group(0))):
                hits.append((m.start(), name, m.group(0)))
        seen: dict[str, str] = {}
        for _, name, as_printed in sorted(hits):
            seen.setdefault(name, as_printed)
        return list(seen.values() if printed else seen)


def _key(term: str) -> str:
    return re.sub(r"\s+", " ", term.strip().lower().replace("‐", "-")).strip(" .,;:")


def _spaced(term: str) -> str:
    # "machine-learning", "machine  learning" and "machine learning" are one term.
    return re.sub(r"[\s\-]+", " ", term)


def _needs_exact_case(term: str) -> bool:
    if term.lower() in _COMMON_WORDS:
        return True
    # "AI", "ML", "CV", "PR": capitalised acronyms of up to three letters read as words otherwise.
    return len(term) <= 3 and term.isalpha()


def _alternation(terms: dict[str, str], *, flags: int, right: str = "") -> re.Pattern:
    """One pattern for all terms, shaped as a trie so each position tries a letter, not 600 words."""
    if not terms:
        return re.compile(r"(?!x)x")
    trie: dict = {}
    for term in terms:
        node = trie
        for ch in term:  # already _spaced: one space between words
            node = node.setdefault(ch.lower() if flags & re.IGNORECASE else ch, {})
        node[""] = True  # a term ends here
    return re.compile(_BOUNDARY_L + _trie_pattern(trie) + _BOUNDARY_R + right, flags)


def _trie_pattern(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        step = r"[\s\-]+" if ch == " " else re.escape(ch)
        branches.append(step + _trie_pattern(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A term may end here or go on: try the longer one first ("C++" before "C").
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with DATA.open(encoding="utf-8") as fh:
        return Vocabulary(json.load(fh)["skills"])


def canonical_skill(term: str) -> str | None:
    """The vocabulary's name for ``term`` (a name or an alias, any case), or None."""
    return vocabulary().canonical(term)


def find_skills(text: str, *, printed: bool = False) -> list[str]:
    """Canonical skills mentioned in ``text``, in order of first mention, without repeats.

    With ``printed``, each skill as the text writes it ("JS" rather than "JavaScript").
    """
    return vocabulary().find(text, printed=printed)
