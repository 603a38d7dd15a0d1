"""Text helpers of the builtin engine's writing: words, key terms, stronger openers.

Skills come from the one vocabulary (``resumes.ingest.find_skills``); lines addressed to an
AI are removed by the one filter (``resumes.analysis.text.defuse``) before any of this runs.
"""

from __future__ import annotations

import re
from collections import Counter

from resumes.ingest import find_skills

WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#./-]*[A-Za-z0-9+#]|[A-Za-z]")

STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be been being below between both but by
    can could did do does doing down during each etc few for from further had has have having he her here
    hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
    or other our ours out over own per same she should so some such than that the their theirs them then
    there these they this those through to too under until up very via was we were what when where which
    while who whom why will with within without would you your yours able across ability strong good great
    excellent work working worked years year experience experienced using use used including include
    team teams role roles job candidate candidates looking join company plus must nice have has well new
    responsibilities requirements required preferred skills skill knowledge understanding degree
    """.split()
)

WEAK_OPENERS = {
    "responsible for": "Owned",
    "worked on": "Delivered",
    "helped with": "Contributed to",
    "helped to": "Helped",
    "was involved in": "Contributed to",
    "involved in": "Contributed to",
    "tasked with": "Delivered",
    "in charge of": "Led",
    "duties included": "Handled",
}


def words(text: str) -> list[str]:
    return WORD.findall(text or "")


def keywords(text: str, limit: int = 20) -> list[str]:
    """The text's key terms: known skills first (job-description reading: "agile" counts), then
    frequent content words and acronyms."""
    skills = find_skills(text, any_case=True)
    taken = {s.lower() for s in [*skills, *find_skills(text, printed=True, any_case=True)]}
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for word in words(text):
        low = word.lower().strip(".-/")
        if len(low) < 3 or low in STOPWORDS or low in taken or low.isdigit():
            continue
        counts[low] += 2 if word.isupper() and len(word) <= 6 else 1
        display.setdefault(low, word if word.isupper() else low)
    frequent = [display[w] for w, n in counts.most_common() if n >= 2]
    return (skills + frequent)[:limit]


def strengthen(line: str) -> str:
    """Replace a weak opener ("Responsible for …") with an action verb."""
    stripped = line.strip().lstrip("-•* ").strip()
    low = stripped.lower()
    for weak, strong in WEAK_OPENERS.items():
        if low.startswith(weak):
            rest = stripped[len(weak) :].strip()
            return f"{strong} {rest}".strip()
    return stripped[:1].upper() + stripped[1:]
