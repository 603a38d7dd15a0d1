"""Section headings: the common CV headings in several languages (``resumes/data/headings.json``).

A heading is matched on its folded words, after stripping numbering, icons and a trailing
colon, so "PROFESSIONAL EXPERIENCE", "Work history:", "Berufserfahrung" and "Expérience
professionnelle" all map to ``experience``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..document import SEP, Line
from .patterns import fold

_DATA = Path(__file__).resolve().parent.parent.parent / "data" / "headings.json"


def _load() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    with _DATA.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {kind: tuple(names) for kind, names in data["headings"].items()}, data["cjk"]


# kind -> headings (folded, without accents); CJK heading -> kind.
HEADINGS, _CJK_HEADINGS = _load()
_LOOKUP: dict[str, str] = {name: kind for kind, names in HEADINGS.items() for name in names}
# "P R O F E S S I O N A L  E X P E R I E N C E" loses its word gaps in extraction.
_SPACELESS = {name.replace(" ", ""): kind for name, kind in _LOOKUP.items()}
_SPACELESS_NAME = {name.replace(" ", ""): name for name in _LOOKUP}


def display_title(text: str) -> str:
    """A heading as people write it: "T E C H N I C A L  S K I L L S" -> "Technical Skills"."""
    text = text.replace(SEP, " ").strip().rstrip(":")
    norm = normalize_heading(text)
    # Letter-spaced or glued ("TECHNICALSKILLS"): the dictionary's words, capitalised.
    if " " not in norm and " " in _SPACELESS_NAME.get(norm, ""):
        return _SPACELESS_NAME[norm].title()
    return text


_STRIP = re.compile(r"^[\W\d_]*(?:[ivx]+\.\s*)?|[\W_]*$")


_COUNT = re.compile(r"\s*[(（]\d{1,2}[)）]\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def normalize_heading(text: str) -> str:
    if _CJK.search(text):  # not folded: NFKD would take Hangul syllables apart
        return re.sub(r"[\s:：・\W]+", "", _COUNT.sub("", text.lower()))
    text = fold(text.replace(SEP, " "))
    text = _COUNT.sub("", text)  # "Work Experience(3)": a theme printing how many entries follow
    text = _STRIP.sub("", text)
    text = text.replace("&", " and ").replace("/", " and ")
    words = re.findall(r"[a-z0-9'-]+", text)
    # Letter-spaced headings ("E X P E R I E N C E") come out as single letters.
    if len(words) > 3 and sum(len(w) == 1 for w in words) >= 0.8 * len(words):
        words = ["".join(words)]
    return " ".join(words)


def heading_kind(text: str) -> str | None:
    """The section kind a heading names, or None if the text is not a known heading."""
    raw = text.replace(SEP, " ").strip()
    if not raw or len(raw) > 60 or raw.endswith((".", ",")):
        return None
    norm = normalize_heading(raw)
    if not norm or len(norm.split()) > 6:
        return None
    if norm in _LOOKUP:
        return _LOOKUP[norm]
    if norm in _CJK_HEADINGS:
        return _CJK_HEADINGS[norm]
    if " " not in norm and norm in _SPACELESS:
        return _SPACELESS[norm]
    variants = {norm.replace(" and ", " "), norm.replace(" and ", " & ")}
    for v in variants:
        if v in _LOOKUP:
            return _LOOKUP[v]
    # "Technical Skills Summary", "Relevant Work Experience": a known heading plus a qualifier.
    words = norm.split()
    if len(words) <= 4 and ":" not in raw.rstrip(":"):
        for size in (3, 2):
            for i in range(len(words) - size + 1):
                if kind := _LOOKUP.get(" ".join(words[i : i + size])):
                    return kind
        last = _LOOKUP.get(words[-1])
        if last and last != "other" and len(words) <= 3:
            return last
    return None


def is_heading_line(line: Line, body_size: float) -> str | None:
    """The section kind if this line is a section heading, 'other' for an unknown styled heading."""
    text = line.text.strip().rstrip(":")
    if line.bullet or not text or SEP in text:
        return None  # a row with a wide gap is a heading only as "HEADING | content" (see layout)
    if "\u2002" in text:
        # "WORK  EXPERIENCE" in wide print is one heading; "Skills  Python, Go" is not.
        return heading_kind(text.replace("\u2002", " ")) or None
    kind = heading_kind(text)
    if kind:
        # A heading stands alone: a known word inside a sentence is not one.
        return kind if len(text) <= 50 and not re.search(r"[.;]\s|\d{4}", text) else None
    if line.heading and len(text) <= 60:
        return "other"
    return None
