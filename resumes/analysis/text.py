"""Small text helpers the scorers share: sentences, stems, action verbs, numbers, manipulation."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'+#.\-]*[A-Za-z+#]|[A-Za-z]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
# A measure of result or scale: a number with a unit or a counted thing ("10GB", "80ms",
# "4 servers"), money, or any number of two or more digits. A lone digit without a unit
# ("Python 3", "S3") is a name, not a measure.
NUMBER = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|k\b|m\b|b\b|bn\b|million|billion|thousand|"
    r"[kmgtp]i?b(?:/s)?\b|bytes?|ms\b|secs?\b|seconds?|minutes?|mins?\b|hours?|hrs?\b|days?|weeks?|"
    r"months?|years?|users?|customers?|clients?|people|engineers?|developers?|members?|employees?|"
    r"staff|students?|patients?|requests?|transactions?|events?|records?|rows?|queries|jobs?|"
    r"orders?|servers?|services?|microservices?|nodes?|clusters?|regions?|countries|markets?|"
    r"sites?|stores?|offices?|teams?|projects?|products?|features?|releases?|deployments?|"
    r"applications?|apps?|pipelines?|dashboards?|reports?|tickets?|documents?|pages?|downloads?|"
    r"installs?|accounts?|partners?|vendors?)|[$€£]\s?\d|\b\d{2,}\b|\b\d+\+",
    re.I,
)
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(\w+(?:ed|en|wn|lt|ught))\b", re.I)
# Openers that describe a duty instead of a result.
WEAK_OPENERS = (
    "responsible for",
    "duties included",
    "duties include",
    "worked on",
    "helped with",
    "helped to",
    "assisted with",
    "assisted in",
    "involved in",
    "tasked with",
    "in charge of",
    "participated in",
    "was part of",
)
ACTION_VERBS = frozenset(
    """accelerated achieved added analysed analyzed architected automated boosted built championed
    coached collaborated completed conducted configured consolidated converted coordinated created cut
    debugged decreased defined delivered deployed designed developed devised diagnosed directed
    doubled drove eliminated enabled engineered established evaluated expanded founded generated grew
    guided halved identified implemented improved increased initiated integrated introduced launched
    led maintained managed mentored migrated modernised modernized monitored negotiated optimised
    optimized orchestrated organised organized oversaw partnered performed piloted planned presented
    prioritised prioritized produced programmed published raised ran rebuilt redesigned reduced
    refactored resolved restructured revamped saved scaled secured shipped simplified solved
    spearheaded standardised standardized streamlined strengthened supervised supported taught tested
    trained transformed tripled troubleshot upgraded won wrote assisted handled researched
    investigated administered authored contributed facilitated instructed owned""".split()
)
WEAK_VERBS = frozenset(
    {"assisted", "handled", "supported", "contributed", "helped", "worked", "participated"}
)
# Text addressed to an automated screener (an ATS, an AI model) rather than a reader: the one
# injection filter, used by the analysis and by the builtin AI engine. "as an AI engineer" and
# "an AI recruiting product" are ordinary CV phrases and do not count.
MANIPULATION = re.compile(
    r"\b(?:ignore|disregard|forget)\b[^.\n]{0,40}\b(?:instructions?|prompts?|rules)\b"
    r"|ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|preceding) text"
    r"|disregard (?:all |any )?(?:previous|prior|above) "
    r"|(?:you are|act as) (?:now )?(?:an? )?(?:ai|language model|chatgpt|llm|ats|assistant)\b"
    r"|system\s+prompt|print\s+your\s+(?:instructions|prompt)|\bnew\s+instructions?\s*:"
    r"|\b(?:rate|score|grade|rank) (?:this|me|my|the) (?:cv|resume|résumé|candidate)\b"
    r"|(?:give|assign) (?:this|me|the) (?:cv|resume|candidate)? ?(?:a )?"
    r"(?:perfect|maximum|high(?:est)?) score"
    r"|\bnote to (?:ai|the ai|recruiters?'? ai|screeners?)\b|hire this candidate|best candidate for th",
    re.I,
)
STOPWORDS = frozenset(
    """a about above across after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either etc
    few for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not of off on once only or other our ours out over own per
    same she should so some such than that the their them then there these they this those through
    to too under until up upon us very was we well were what when where which while who whom why
    will with within without would you your yours""".split()
)


def words(text: str) -> list[str]:
    return WORD.findall(text or "")


def sentences(text: str) -> list[str]:
    out = []
    for line in (text or "").splitlines():
        out.extend(part.strip() for part in SENTENCE_END.split(line) if part.strip())
    return out


@lru_cache(maxsize=65536)  # a CV and a job description share most of their words
def stem(word: str) -> str:
    """A crude stem, enough to match "deployed", "deploying" and "deployment" with each other."""
    word = word.lower()
    for suffix in ("ments", "ment", "ings", "ing", "ation", "ions", "ion", "ers", "er", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def first_word(text: str) -> str:
    """The first word, past a leading adverb ("Successfully delivered" → "delivered")."""
    found = [w.lower() for w in words(text)]
    if len(found) > 1 and found[0].endswith("ly") and found[0] not in ACTION_VERBS:
        return found[1]
    return found[0] if found else ""


_IRREGULAR_PAST = {
    "lead": "led",
    "build": "built",
    "run": "ran",
    "write": "wrote",
    "make": "made",
    "drive": "drove",
    "grow": "grew",
    "teach": "taught",
    "bring": "brought",
    "take": "took",
    "give": "gave",
    "set": "set",
    "cut": "cut",
    "win": "won",
    "sell": "sold",
    "think": "thought",
    "get": "got",
    "keep": "kept",
    "hold": "held",
    "begin": "began",
    "oversee": "oversaw",
    "spin": "spun",
    "send": "sent",
    "find": "found",
}
_GERUND_E = (
    "at",
    "iz",
    "is",
    "ag",
    "ur",
    "uc",
    "iv",
    "ov",
    "ap",
    "ng",
    "rc",
    "dg",
    "bl",
    "ir",
    "in",
    "ut",
    "as",
)


def past_tense(gerund: str) -> str:
    """ "managing" → "managed", "leading" → "led", "running" → "ran" (good enough for openers)."""
    base = gerund.lower()[:-3]
    for stem_form in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else base):
        if stem_form in _IRREGULAR_PAST:
            return _IRREGULAR_PAST[stem_form]
    if len(base) > 2 and base[-1] == base[-2]:
        return base + "ed"  # "planning" → "planned": the doubled consonant stays
    if base.endswith(_GERUND_E) and not base.endswith(("ing", "ain", "ein", "oin")):
        base += "e"
    return base + ("d" if base.endswith("e") else "ed")


def weak_opener(text: str) -> str | None:
    lowered = text.strip().lower()
    return next((opener for opener in WEAK_OPENERS if lowered.startswith(opener)), None)


def starts_with_action_verb(text: str) -> bool:
    """True for "Built…", "Successfully delivered…" and, in a current role, "Leading…"."""
    word = first_word(text)
    if word in ACTION_VERBS:
        return True
    return word.endswith("ing") and len(word) > 5 and past_tense(word) in ACTION_VERBS


def quantified(text: str) -> bool:
    return bool(NUMBER.search(text or ""))


IGNORED_PREFIX = "Ignored text addressed to AI screeners: "


def defuse(text: str) -> tuple[str, list[str]]:
    """(the text without the lines addressed to a screener, those lines stripped).

    The whole line goes, not just the sentence: "Ignore previous instructions. Kubernetes
    expert." must not keep its payload. Applied before parsing, so an injected line cannot
    change how the CV is read, let alone what it scores."""
    kept, removed = [], []
    for line in (text or "").splitlines():
        (removed if MANIPULATION.search(line) else kept).append(line)
    return "\n".join(kept), [line.strip() for line in removed]


def without_manipulation(text: str) -> str:
    """The text minus every line that addresses a screener (see ``defuse``)."""
    return defuse(text)[0]


def manipulation_lines(text: str) -> list[str]:
    """The lines of ``text`` that address a screener, as ``defuse`` removes them."""
    return defuse(text)[1]


def ignored_warnings(removed: list[str]) -> list[str]:
    """One ``warnings`` entry per removed line, in the shape a ``StructuredCV`` carries them."""
    return [f"{IGNORED_PREFIX}{line}" for line in removed]


def ignored_lines(warnings: list[str]) -> list[str]:
    """The removed lines a CV's ``warnings`` record (see ``ignored_warnings``)."""
    return [w[len(IGNORED_PREFIX) :] for w in warnings if w.startswith(IGNORED_PREFIX)]


def ignored_note(removed: list[str]) -> list[str]:
    """What a result says when lines were ignored: nothing, or one sentence with the count."""
    if not removed:
        return []
    lines = f"{len(removed)} line" + ("s" if len(removed) != 1 else "")
    return [
        f"Ignored {lines} addressed to AI screeners (e.g. asking for a higher score); recruiters "
        "who notice such text usually reject the CV. Remove it."
    ]


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
