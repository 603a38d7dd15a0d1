"""How much of a CV survives a trip through an ATS parser: a score per field, 0.0–1.0.

Used by the round-trip tests and ``bench/render_ats.py``: render, parse back with our own
parser, compare the facts a recruiter's system files a candidate under.
"""

import re
import unicodedata

from resumes.schema import StructuredCV

FIELDS = ("name", "contacts", "employers", "titles", "dates", "institutions", "skills")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"[\s.,;:–—-]+", " ", text).strip()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def _url(text: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", (text or "").lower()).rstrip("/")


def _date(value: str) -> str:
    value = (value or "").strip().lower()
    return "present" if value in {"present", "current", "now"} else value[:7]


def _facts(cv: StructuredCV) -> dict[str, set[str]]:
    basics = cv.basics
    contacts = {("email", basics.email.lower()), ("phone", _digits(basics.phone)), ("url", _url(basics.url))}
    # Profiles and the website are both ("url", link): a profile that comes back as the website
    # (or the other way round) still counts as found.
    contacts |= {("url", _url(p.url)) for p in basics.profiles if p.url}
    dates = {(_date(w.startDate), _date(w.endDate)) for w in cv.work}
    dates |= {(_date(e.startDate), _date(e.endDate)) for e in cv.education}
    return {
        "name": {_norm(basics.name)},
        "contacts": {c for c in contacts if c[1]},
        "employers": {_norm(w.name) for w in cv.work if w.name},
        "titles": {_norm(w.position) for w in cv.work if w.position},
        "dates": {d for d in dates if any(d)},
        "institutions": {_norm(e.institution) for e in cv.education if e.institution},
        "skills": {_norm(s) for s in cv.skill_names()},
    }


def ats_field_scores(original: StructuredCV, parsed: StructuredCV) -> dict[str, float]:
    want, got = _facts(original), _facts(parsed)
    scores = {}
    for field in FIELDS:
        expected = want[field]
        scores[field] = 1.0 if not expected else len(expected & got[field]) / len(expected)
    return scores


def ats_missing(original: StructuredCV, parsed: StructuredCV) -> dict[str, list]:
    """What did not come back, per field (for test failure messages)."""
    want, got = _facts(original), _facts(parsed)
    return {f: sorted(map(str, want[f] - got[f])) for f in FIELDS if want[f] - got[f]}
