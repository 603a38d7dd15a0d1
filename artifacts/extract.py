"""What an artifact's text tells: technologies (from the one skills vocabulary), dates and links.

Pure functions over text, used on the text the parse sandbox read from a file and on the
entries of an imported CV."""

from __future__ import annotations

import datetime
import re

from resumes.ingest import canonical_skill, find_skills

MAX_FOUND = 50
_URL = re.compile(r"\bhttps?://[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b")
_NAMED_DATE = re.compile(rf"\b({_MONTH_NAMES})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_SLASH_DATE = re.compile(r"\b(0?[1-9]|1[0-2])/((?:19|20)\d{2})\b")


def technologies_in(text: str) -> list[str]:
    """Canonical technology and skill names the text mentions, in order of first mention."""
    return find_skills(text or "")[:MAX_FOUND]


def canonical_technologies(names: list[str]) -> list[str]:
    """Each name in the vocabulary's spelling where it knows it, without repeats."""
    seen: dict[str, str] = {}
    for name in names:
        shown = canonical_skill(name) or name.strip()
        if shown:
            seen.setdefault(shown.lower(), shown)
    return list(seen.values())


def links_in(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _URL.finditer(text or ""):
        seen.setdefault(match.group(0).rstrip(".,;:!?"), None)
    return list(seen)[:MAX_FOUND]


def dates_in(text: str) -> list[str]:
    """Dates the text prints, as YYYY-MM (or YYYY-MM-DD), sorted, without repeats."""
    found: set[str] = set()
    for match in _ISO_DATE.finditer(text or ""):
        year, month, day = match.groups()
        found.add(f"{year}-{month}-{day}" if day else f"{year}-{month}")
    for match in _NAMED_DATE.finditer(text or ""):
        found.add(f"{match.group(2)}-{_MONTHS[match.group(1).lower()]:02d}")
    for match in _SLASH_DATE.finditer(text or ""):
        found.add(f"{match.group(2)}-{int(match.group(1)):02d}")
    return sorted(found)[:MAX_FOUND]


def cv_date(value: str) -> datetime.date | None:
    """A StructuredCV date ("2019-03", "2019", "2019-03-14", "Mar 2019") as a date; None for
    "present", an empty or an unreadable one."""
    text = (value or "").strip()
    if match := re.fullmatch(r"((?:19|20)\d{2})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text):
        year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    if match := _NAMED_DATE.fullmatch(text):
        return datetime.date(int(match.group(2)), _MONTHS[match.group(1).lower()], 1)
    return None
