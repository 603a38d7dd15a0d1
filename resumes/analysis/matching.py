"""Does a CV show a skill the job asks for? Matched on meaning, not on spelling.

A skill the curated vocabulary knows ("Kubernetes", "k8s") is found by the vocabulary's
matcher, as before. A phrase skill from the job ("stakeholder management", "manual handling",
"diagnose client needs") is looked for in each line of the CV by its concepts: each content
word is reduced to a stem shared by its inflections ("managed", "managing", "management" →
"manag"; "stakeholders" → "stakehold"; "negotiated" and "negotiation" share a stem that one
extends by at most three letters), and the skill counts as shown when one line holds all of
its concepts (a three-word phrase or longer: all but one). So "stakeholder management"
finds "Managed relationships with 12 client stakeholders". A vocabulary term of two words or
more that the vocabulary's matcher does not find in the CV is given the same concept test.

When a sentence-embedding model is installed (the optional ``semantic`` extra,
``resumes.analysis.semantic``), a phrase none of the lines spells out is also found by cosine
similarity between the phrase and each line; without it the concept match is the whole test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import semantic, terms
from .cvview import CVView
from .text import STOPWORDS, sentences, words

# Words a phrase may carry that say nothing about the skill itself.
_GENERIC = frozenset(
    """skill skills ability experience knowledge understanding good strong excellent proven work working
    level high quality new""".split()
)


_SUFFIXES = (
    "ations",
    "ation",
    "itions",
    "ition",
    "ions",
    "ion",
    "ments",
    "ment",
    "ships",
    "ship",
    "ings",
    "ing",
    "ers",
    "er",
    "ed",
    "es",
    "s",
)
_IRREGULAR = {
    "led": "lead",
    "ran": "run",
    "built": "build",
    "wrote": "write",
    "taught": "teach",
    "sold": "sell",
}


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """The stem a word's inflections share: "managed", "managing", "management" → "manag";
    "leadership" and "led" → "lead"."""
    word = word.lower().strip("'’")
    word = _IRREGULAR.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    word = word.rstrip("e") if len(word) > 3 else word
    if len(word) > 4 and word[-1] == word[-2]:
        word = word[:-1]  # "controll(ed)" → "control"
    return word


def same_concept(a: str, b: str) -> bool:
    """Equal, or one a short extension of the other: "negoti(ation)" / "negotiat(ed)",
    "administr(ation)" / "administ(ered)", "oper(ation)" / "operat(ed)"."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def concepts(text: str) -> frozenset[str]:
    return frozenset(
        concept(w)
        for w in words(text)
        if len(w) > 1 and w.lower() not in STOPWORDS and w.lower() not in _GENERIC
    )


@lru_cache(maxsize=65536)
def is_vocabulary_skill(skill: str) -> bool:
    return terms.canonical(skill) == skill


@dataclass
class SkillMatcher:
    """Where a CV shows the skills a job names: ``presence(skill)`` is "evidenced" (a bullet or
    the summary shows it), "listed" (only elsewhere, e.g. the Skills section) or None."""

    view: CVView
    semantic_threshold: float = semantic.THRESHOLD
    _cache: dict[str, str | None] = field(default_factory=dict)

    @cached_property
    def _prose_units(self) -> list[tuple[str, frozenset[str], frozenset[str]]]:
        texts = [b.text for b in self.view.bullets] + sentences(self.view.cv.basics.summary)
        return [_unit(t) for t in texts if t.strip()]

    @cached_property
    def _all_units(self) -> list[tuple[str, frozenset[str], frozenset[str]]]:
        lines = [line for line in self.view.text.splitlines() if line.strip()]
        lines += self.view.cv.skill_names()
        return [_unit(t) for t in lines]

    @cached_property
    def _evidenced(self) -> set[str]:
        return set(self.view.prose_terms)

    @cached_property
    def _present(self) -> set[str]:
        return self._evidenced | set(self.view.text_terms)

    def presence(self, skill: str) -> str | None:
        if skill not in self._cache:
            self._cache[skill] = self._presence(skill)
        return self._cache[skill]

    def _presence(self, skill: str) -> str | None:
        wanted = concepts(skill)
        if is_vocabulary_skill(skill):
            if skill in self._evidenced:
                return "evidenced"
            if skill in self._present:
                return "listed"
            # A one-word term is the vocabulary's to find ("Go" is not "go live"); a longer one
            # may be written in other words ("Stakeholder Management": "managed … stakeholders").
            if len(wanted) < 2:
                return None
        if not wanted:
            return None
        if _covered(wanted, self._prose_units):
            return "evidenced"
        if _covered(wanted, self._all_units):
            return "listed"
        if semantic.available() and semantic.best(skill, [t for t, _, _ in self._prose_units]) >= (
            self.semantic_threshold
        ):
            return "evidenced"
        return None


def _covered(wanted: frozenset[str], units: list[tuple[str, frozenset[str], frozenset[str]]]) -> bool:
    allowed_misses = 1 if len(wanted) >= 3 else 0
    for _, have, prefixes in units:
        missing = wanted - have
        if len(missing) <= allowed_misses:
            return True
        # Only a concept sharing its first four letters with one of the line's can extend it.
        if sum(1 for c in missing if c[:4] not in prefixes) > allowed_misses:
            continue
        unmatched = sum(1 for c in missing if not any(same_concept(c, h) for h in have))
        if unmatched <= allowed_misses:
            return True
    return False


def _unit(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    found = concepts(text)
    return text, found, frozenset(c[:4] for c in found if len(c) >= 4)
