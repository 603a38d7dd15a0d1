"""The skills vocabulary and the one matcher every part of the platform finds skills with.

``vocabulary()`` is the only place skill names come from: the parser, the analysis (job
descriptions, keyword match, gaps) and the builtin AI engine all read it. It loads
``resumes/data/skills.json`` (name, aliases, category, and the flags below); a larger
taxonomy is loaded here too, into the same entries, so every reader sees it at once.

``canonical_skill("k8s") == "Kubernetes"``; ``find_skills(text)`` lists the canonical skills a
text mentions, in order of first mention. Names and aliases match case-insensitively on token
boundaries that keep "C++", "C#", ".NET" and "Node.js" whole, and a multi-word term matches
across spaces, hyphens and line breaks ("machine-\\nlearning"). Terms that are also ordinary
words ("Go", "Swift", "Word", "Spring") or short capitalised acronyms ("AI", "ML") only match
as printed, so "go to market" does not find Go.

Two policies for skill words people also write in lower case ("agile", "leadership", "git"):
by default they match only as printed, as the parser wants for CV prose ("an agile team" is
not a skills list); ``any_case=True`` matches them in any case, as the analysis wants for job
descriptions, where "strong leadership" names the skill. Entries flagged ``listed_only``
("Research", "Writing") are skills when a CV lists them, never words to find in prose.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "skills.json"
# ESCO's skill labels (CC-BY-4.0, European Commission), rebuilt by scripts/build_esco_terms.py.
TAXONOMY = Path(__file__).resolve().parent.parent / "data" / "esco_terms.json.gz"

# Ordinary words that are also skills: matched only with their printed capitalisation.
_ORDINARY_WORDS = frozenset(
    """go swift ruby rust dart lua julia scheme elm less lean maya chef puppet beam rails shell
    spring express node word excel access office outlook flutter ionic electron unity sketch notion
    slack training sales strategy security marketing lambda apache organization compliance
    logistics procurement networking android ios sas triton canva trello asana looker heroku vercel
    netlify blender arduino windows research analytics roadmap roadmaps""".split()
)
# Skill words a CV's prose uses as plain words but a job description means as the skill.
_SKILL_WORDS = frozenset(
    """java kanban scrum agile documentation creativity leadership communication teamwork
    adaptability multitasking accounting bookkeeping auditing forecasting budgeting negotiation
    recruiting onboarding prototyping wireframing algorithms statistics git linux unix figma jira
    tableau""".split()
)
_BOUNDARY_L = r"(?<![\w+#.\-])"
_BOUNDARY_R = r"(?![\w+#]|\.[\w])"
# Ordinary-word skills also stop at a hyphen: "Go-to-market" is not Go.
_EXACT_R = r"(?!-\w)"


def term_key(term: str) -> str:
    """The form two spellings of one term share: "Machine-\\nLearning" → "machine learning"."""
    return re.sub(r"[\s\-‐–_]+", " ", term.strip().lower()).strip(" .,;:")


@dataclass(frozen=True)
class _Matcher:
    exact: dict[str, str]  # printed spelling (spaced) -> canonical name
    folded: dict[str, str]  # lower-case spelling (spaced) -> canonical name
    exact_re: re.Pattern
    folded_re: re.Pattern

    def spans(self, text: str) -> list[tuple[int, int, str, str]]:
        hits = []
        for m in self.folded_re.finditer(text):
            if name := self.folded.get(_spaced(m.group(0).lower())):
                hits.append((m.start(), m.end(), name, m.group(0)))
        for m in self.exact_re.finditer(text):
            if name := self.exact.get(_spaced(m.group(0))):
                hits.append((m.start(), m.end(), name, m.group(0)))
        return sorted(hits)


class Vocabulary:
    def __init__(self, entries: list[dict]) -> None:
        self.entries = entries
        self.by_term: dict[str, str] = {}
        self.categories: dict[str, str] = {}
        spellings: list[tuple[str, str, bool]] = []  # (spelling, name, printed case only)
        for entry in entries:
            name = entry["name"]
            self.categories.setdefault(name, entry.get("category", ""))
            for term in [name, *entry.get("aliases", [])]:
                key = term_key(term)
                if not key or self.by_term.setdefault(key, name) != name:
                    continue  # a spelling belongs to the first entry that claims it
                if not entry.get("listed_only"):
                    spellings.append((term, name, bool(entry.get("case_sensitive"))))
        self._spellings = spellings
        self._matchers: dict[bool, _Matcher] = {}

    def _matcher(self, any_case: bool) -> _Matcher:
        if any_case not in self._matchers:
            exact: dict[str, str] = {}
            folded: dict[str, str] = {}
            for term, name, case_sensitive in self._spellings:
                if case_sensitive or _needs_exact_case(term, any_case=any_case):
                    exact.setdefault(_spaced(term), name)
                else:
                    folded.setdefault(_spaced(term.lower()), name)
            self._matchers[any_case] = _Matcher(
                exact,
                folded,
                _alternation(exact, flags=0, right=_EXACT_R),
                _alternation(folded, flags=re.IGNORECASE),
            )
        return self._matchers[any_case]

    def canonical(self, term: str) -> str | None:
        key = term_key(term)
        if not key:
            return None
        if key in self.by_term:
            return self.by_term[key]
        # "Python 3", "React (Hooks)", "Docker/Kubernetes" are not one skill: try the core term.
        core = term_key(re.sub(r"\s*\(.*?\)\s*|\s+\d+(?:\.\d+)*\+?$", "", term))
        return self.by_term.get(core)

    def category(self, name: str) -> str:
        """The category of a known skill (any spelling of it), or ""."""
        canonical = self.canonical(name)
        return self.categories.get(canonical, "") if canonical else ""

    def find_spans(self, text: str, *, any_case: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of every mention, in text order, repeats included."""
        return [(start, end, name) for start, end, name, _ in self._matcher(any_case).spans(text or "")]

    def find(self, text: str, *, printed: bool = False, any_case: bool = False) -> list[str]:
        """Canonical names (or, with ``printed``, the words as printed) of the skills in ``text``."""
        seen: dict[str, str] = {}
        for _, _, name, as_printed in self._matcher(any_case).spans(text or ""):
            seen.setdefault(name, as_printed)
        return list(seen.values() if printed else seen)


def _spaced(term: str) -> str:
    # "machine-learning", "machine  learning" and "machine learning" are one term.
    return re.sub(r"[\s\-]+", " ", term)


def _needs_exact_case(term: str, *, any_case: bool) -> bool:
    lowered = term.lower()
    if lowered in _ORDINARY_WORDS or (lowered in _SKILL_WORDS and not any_case):
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


class Taxonomy:
    """ESCO's ~14,000 skills as label words and recurring label phrases, with how many skills
    use each: the broad layer under the curated entries, read by phrase-level extraction.
    Looked up by exact lower-case key (a dict), so a 27,000-phrase layer costs one hash per
    candidate n-gram, not a pattern over all of them."""

    def __init__(
        self, words: dict[str, int], phrases: dict[str, int], heads: dict[str, int], skills: int
    ) -> None:
        self.words = words
        self.heads = heads
        self.phrases = phrases
        self.skills = skills

    def word_count(self, word: str) -> int:
        return self.words.get(word.lower(), 0)

    def head_count(self, word: str) -> int:
        """How many ESCO skills' preferred labels open with ``word``."""
        return self.heads.get(word.lower(), 0)

    def phrase_count(self, phrase: str) -> int:
        return self.phrases.get(term_key(phrase), 0)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The ESCO layer of the vocabulary, loaded once from the shipped data file (no network)."""
    with gzip.open(TAXONOMY, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return Taxonomy(data["words"], data["phrases"], data["heads"], data["skills"])


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with DATA.open(encoding="utf-8") as fh:
        return Vocabulary(json.load(fh)["skills"])


def canonical_skill(term: str) -> str | None:
    """The vocabulary's name for ``term`` (a name or an alias, any case), or None."""
    return vocabulary().canonical(term)


def skill_category(term: str) -> str:
    """The vocabulary's category for ``term`` (e.g. "programming_language"), or ""."""
    return vocabulary().category(term)


def find_skills(text: str, *, printed: bool = False, any_case: bool = False) -> list[str]:
    """Canonical skills mentioned in ``text``, in order of first mention, without repeats.

    With ``printed``, each skill as the text writes it ("JS" rather than "JavaScript"); with
    ``any_case``, lower-case skill words count too (job descriptions: "agile", "leadership").
    """
    return vocabulary().find(text, printed=printed, any_case=any_case)
