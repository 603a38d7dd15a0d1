"""Phrase-level skill extraction: the skills a job description asks for that no list holds.

A sentence is cut into chunks at punctuation and function words ("ability to influence cross
functional teams" → "influence cross functional teams"), the chunk is trimmed of praise and
boilerplate ("excellent communication skills" → "communication") and kept when the evidence
says it names a skill:

- the curated vocabulary knows it (tools, languages, methods, soft skills);
- ESCO's skill labels use it: the whole chunk is an ESCO label phrase, or enough of its words
  are ESCO label words (``resumes.ingest.skills.taxonomy``);
- it stands where a requirement is stated: after "ability to", "experience in/of/with",
  "knowledge of", "skills in", "you will", "responsible for" …

Each kept phrase carries its canonical name (the vocabulary's spelling, else the lower-cased
phrase), whether it is a soft skill, the cue that introduced it and its character span.
The thresholds (``MIN_SCORE``) were tuned on the dev half of Green et al. (LREC 2022) with
5-fold cross-validation (``bench/jd_skills.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resumes.ingest.skills import taxonomy, vocabulary

from .text import STOPWORDS

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*(?:[.\-/][A-Za-z0-9]+)*[+#]*|[^\sA-Za-z0-9]")

# Words that never start, end or sit inside a skill chunk: they break it.
_BREAK = (
    frozenset(
        """a an the this that these those it its their they them you your yours we our us he she his
    her i me my who whom which what whose where when while whilst why how if then than so such as
    and or nor but yet also both either neither not no
    of to in on at by for from with within without into onto over under about across along among
    around after before during throughout through via per upon up down out off towards toward
    against between beyond like including include includes included inc ltd plc
    is are was were be been being am has have had having do does did doing will would shall should
    can could may might must need needs needed
    all any each every some many much more most few other others another same own very
    there here now just only even well too again always already still please etc
    one two three four five six seven eight nine ten
    involve involves involving require requires requiring demonstrate demonstrates exhibit shown
    show gain receive enjoy enjoys bring come join offer offers given please apply sought""".split()
    )
    | STOPWORDS
)

# Praise and hiring boilerplate trimmed from a chunk's edges; a chunk of nothing else is dropped.
_FILLER = frozenset(
    """good great excellent strong solid proven demonstrable demonstrated previous prior relevant
    significant extensive sound thorough outstanding exceptional superb fantastic key main
    essential desirable advantageous preferred required ideal ideally successful excellent
    skills skill abilities ability experience experienced knowledge understanding proficiency
    background track record level levels high highly real genuine overall general various
    role roles job jobs position positions post vacancy vacancies candidate candidates applicant
    applicants client clients company companies business organisation organization employer
    opportunity opportunities salary salaries benefits package bonus pension holiday
    team teams people person individual individuals someone member members staff
    year years month months week weeks day days hour hours time basis
    new current existing ongoing further additional full part range variety number lot lots
    uk london england europe european international national local area areas region based
    location site office offices home field sector industry industries market markets
    cv apply application applications contact call email interview details information help
    carry complete take make get keep put plus advantage asset use used uses using
    looking seeking recruiting hiring join working work works worked role
    responsibilities responsibility duties duty requirements requirement approach attitude manner
    style atmosphere nature orientation environment environments culture""".split()
)
# "Skills" words that may end a kept phrase in their own right: "team working", "care".
_HEAD_OK = frozenset({"working", "work", "experience", "development", "management", "service"})

# Words after which what follows is what the job asks for.
_CUES = (
    "ability to",
    "able to",
    "experience in",
    "experience of",
    "experience with",
    "experienced in",
    "knowledge of",
    "understanding of",
    "skills in",
    "proficiency in",
    "proficient in",
    "expertise in",
    "familiarity with",
    "responsible for",
    "you will",
    "will include",
    "include",
    "including",
    "duties",
    "willingness to",
    "capable of",
)
_CUE_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _CUES) + r")\b", re.I)
_SOFT_WORDS = frozenset(
    """communication communicate communicating interpersonal teamwork team player leadership lead
    motivated motivation proactive organised organized organisation organization attention detail
    enthusiastic enthusiasm friendly positive flexible flexibility adaptable adaptability reliable
    punctual honest integrity confident confidence resilient resilience creative creativity
    initiative dynamic articulate analytical problem solving negotiation negotiating influencing
    influence collaborative collaboration empathy empathetic patient caring customer focused
    professionalism professional self selfmotivated driven passionate passion willing learn
    listening presentation time prioritisation prioritise multitasking multi tasking approachable
    hardworking hard working committed commitment ambitious focus focused vibrant talented
    innovative credible personable outgoing energetic diligent conscientious meticulous tactful
    supportive compassionate respectful dependable trustworthy numerate literate articulate""".split()
)


@dataclass(frozen=True)
class Phrase:
    name: str  # canonical: the vocabulary's spelling, else the lower-cased phrase
    text: str  # as written in the sentence
    start: int
    end: int
    soft: bool
    cue: str  # the requirement cue that introduced it, or ""
    score: float


# Tuned on the dev half (bench/jd_skills.py): the best F1 among thresholds that keep precision
# at 0.6 or more, chosen the same way inside each fold of a 5-fold cross-validation.
MIN_SCORE = 0.75
MAX_WORDS = 4
HEAD_WORD_COUNT = 20


def extract(sentence: str, *, min_score: float | None = None) -> list[Phrase]:
    """The skill phrases of one sentence or clause, in order, without repeats."""
    min_score = MIN_SCORE if min_score is None else min_score
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence or "")]
    joins = _joined_conjunctions(tokens)
    cue_ends = {m.end() for m in _CUE_RE.finditer(sentence or "")}
    known = _known_spans(sentence or "")
    out: dict[str, Phrase] = {}
    for chunk, cue in _chunks(tokens, cue_ends, sentence or "", joins):
        for phrase in _phrases(chunk, cue, sentence or "", known):
            if phrase.score >= min_score and phrase.name not in out:
                out[phrase.name] = phrase
    return sorted(out.values(), key=lambda p: p.start)


def _known_spans(text: str) -> list[tuple[int, int, str]]:
    return vocabulary().find_spans(text, any_case=True)


def _joined_conjunctions(tokens) -> set[int]:
    """Positions of an "and" that ESCO writes inside one skill: "health and safety"."""
    tax = taxonomy()
    joins = set()
    for k in range(1, len(tokens) - 1):
        if tokens[k][0].lower() in ("and", "&"):
            phrase = f"{tokens[k - 1][0]} and {tokens[k + 1][0]}".lower()
            if tax.phrase_count(phrase):
                joins.add(k)
    return joins


def _chunks(tokens, cue_ends: set[int], text: str, joins: set[int]):
    """Runs of content tokens, with the cue (if any) that stands right before each run."""
    run: list[tuple[str, int, int]] = []
    cue = ""
    last_cue = ""
    for k, (word, start, end) in enumerate(tokens):
        lowered = word.lower()
        is_break = k not in joins and (not word[0].isalnum() or lowered in _BREAK)
        if is_break and word not in "+#":
            if run:
                yield run, cue
                run = []
            if end in cue_ends:
                last_cue = _cue_text(text, end)
            elif word in ",;:.!?()":
                last_cue = ""
            continue
        if not run:
            cue = last_cue
        run.append((word, start, end))
    if run:
        yield run, cue


def _cue_text(text: str, end: int) -> str:
    match = re.search(r"(\w+(?:\s+\w+)?)\s*$", text[max(0, end - 20) : end])
    return match.group(1).lower() if match else ""


def _phrases(chunk, cue: str, text: str, known) -> list[Phrase]:
    words = [w for w, _, _ in chunk]
    lowered = [w.lower() for w in words]
    # Trim praise/boilerplate from both ends; a chunk of nothing else names no skill.
    i, j = 0, len(words)
    while i < j and _is_filler(lowered[i]):
        i += 1
    while j > i and _is_filler(lowered[j - 1]) and not (j - 1 > i and lowered[j - 1] in _HEAD_OK):
        j -= 1
    if i >= j:
        return []
    known_words = {x for x, (_, s, e) in enumerate(chunk) for ks, ke, _ in known if ks <= s and e <= ke}
    phrases = []
    for a, b in _windows(lowered, i, j, known_words):
        start, end = chunk[a][1], chunk[b - 1][2]
        phrase_text = text[start:end]
        score, name = _score(lowered[a:b], words[a:b], phrase_text, cue, start, end, known)
        soft = any(w in _SOFT_WORDS for w in lowered[a:b]) or (vocabulary().category(name) == "soft_skill")
        phrases.append(Phrase(name, phrase_text, start, end, soft, cue, score))
    return phrases


def _windows(lowered: list[str], i: int, j: int, known_words: set[int]) -> list[tuple[int, int]]:
    """The chunk cut into the longest phrases ESCO or the vocabulary knows ("quality customer
    service" → "quality", "customer service"); the words between them stay together."""
    if j - i <= MAX_WORDS and (lowered[i] in _VERBS or "and" in lowered[i:j]):
        # A verb and its object are one skill ("manage stock control"), and so is a chunk whose
        # "and" ESCO writes inside a skill ("health and social care").
        return [(i, j)]
    tax = taxonomy()
    out: list[tuple[int, int]] = []
    loose = i  # start of the run of words no known phrase covers
    k = i
    while k < j:
        for n in range(min(MAX_WORDS, j - k), 1, -1):
            gram = " ".join(lowered[k : k + n])
            if tax.phrase_count(gram) or all(x in known_words for x in range(k, k + n)):
                if loose < k:
                    out.extend(_loose(lowered, loose, k))
                out.append((k, k + n))
                k += n
                loose = k
                break
        else:
            k += 1
    if loose < j:
        out.extend(_loose(lowered, loose, j))
    return out


def _is_filler(word: str) -> bool:
    # Praise, boilerplate and adverbs ("accurately", "quickly") never open or close a skill.
    return word in _FILLER or (len(word) > 5 and word.endswith("ly") and word not in _SOFT_WORDS)


def _loose(lowered: list[str], i: int, j: int) -> list[tuple[int, int]]:
    while i < j and _is_filler(lowered[i]):
        i += 1
    while j > i and _is_filler(lowered[j - 1]):
        j -= 1
    if i >= j:
        return []
    if j - i <= MAX_WORDS:
        return [(i, j)]
    return [(k, k + 1) for k in range(i, j) if lowered[k] not in _FILLER]


# Verbs a duty opens with: the chunk they open is kept whole rather than cut into phrases.
_VERBS = frozenset(
    """manage lead support ensure provide maintain develop deliver coordinate organise organize plan
    monitor handle prepare process operate deal liaise supervise train build drive assist oversee
    identify promote negotiate sell resolve implement design create analyse analyze review report
    conduct perform improve administer control load unload check pick pack serve clean cook
    managing leading supporting ensuring providing maintaining developing delivering coordinating
    organising organizing planning monitoring handling preparing processing operating dealing
    liaising supervising training building driving assisting overseeing identifying promoting
    negotiating selling resolving implementing designing creating analysing analyzing reviewing
    reporting conducting performing improving administering controlling""".split()
)
# A single word names a skill when it is a nominalisation or gerund ("planning", "analysis",
# "negotiation", "leadership"), not a base verb or a plain noun ("offer", "school", "rates").
_SKILL_SUFFIX = re.compile(r"(?:ing|tion|sion|ment|ance|ence|ity|ship|ysis|ogy|ics|ure|ism|acy)$")


def _score(lowered, words, phrase_text, cue, start, end, known) -> tuple[float, str]:
    tax = taxonomy()
    key = " ".join(lowered)
    for k_start, k_end, name in known:
        # A phrase around a vocabulary term is that term ("build Python services" → Python).
        if k_start < end and start < k_end:
            return 3.0, name
    score = 0.0
    soft = any(w in _SOFT_WORDS for w in lowered)
    if len(lowered) > 1:
        if tax.phrase_count(key):
            score += 1.5
        score += sum(1 for w in lowered if tax.word_count(w) >= 3) / len(lowered)
        if tax.word_count(lowered[-1]) >= HEAD_WORD_COUNT:
            score += 0.5  # ends on a word many ESCO skills use: "dementia care", "stock control"
    else:
        word = lowered[0]
        if (tax.word_count(word) >= 3 and _SKILL_SUFFIX.search(word)) or tax.head_count(word) >= 5:
            score += 1.0
        elif tax.word_count(word) >= 3:
            score += 0.4
    # Acronyms in a job description are mostly tools and methods: "CRM", "DHCP", "PR".
    acronyms = sum(1 for w in words if len(w) >= 2 and w.isupper() and w.isalpha())
    if acronyms:
        score += 1.0
    if cue and score > 0:
        score += 0.5  # a cue backs up other evidence; alone it would keep "plus" in "… is a plus"
    if soft:
        score += 1.0
    # Names (people, firms, places) are capitalised mid-sentence and unknown to ESCO.
    if not acronyms and all(w[:1].isupper() for w in words) and not any(tax.word_count(w) for w in lowered):
        score -= 1.0
    if any(ch.isdigit() for ch in key) or "*" in key:
        score -= 1.0
    return score, key
