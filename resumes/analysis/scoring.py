"""The non-keyword scores, each 0–100 with the reasons that moved it.

Formatting starts at 100 and loses fixed points per problem. Section completeness adds fixed
points per section found. Readability adds points for short sentences, active voice, action
verbs and quantified results. Each problem also becomes a ``Finding`` in ``findings.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .classify import date_span
from .cvview import CVView
from .text import PASSIVE, quantified, sentences, starts_with_action_verb, words

_ISO_DATE = re.compile(r"^(19|20)\d{2}(-\d{2})?$")


@dataclass
class Component:
    score: int
    reasons: list[str] = field(default_factory=list)
    flags: dict = field(default_factory=dict)  # facts findings.py turns into issues


def _clamp(value: float) -> int:
    return max(0, min(100, round(value)))


# --- formatting ------------------------------------------------------------------------------
FORMATTING_PENALTIES = {
    "no_text": 100,
    "no_headings": 20,
    "undated_roles": 5,  # per role, at most 15
    "mixed_date_formats": 5,
    "end_before_start": 5,
    "very_short": 25,
    "short": 10,
    "long": 10,
    "very_long": 20,
    "too_many_pages": 10,
    "no_bullets": 10,
    "tables": 10,
    "images": 5,
    "hidden_text": 25,
    "tiny_text": 15,
    # Reported as a high-severity issue but not scored: the removed text earns nothing, and an
    # injected line must not move the score either way (the AI engine's contract).
    "manipulation": 0,
    "keyword_stuffing": 15,
    "repeated_content": 15,
}


def stuffed_terms(view: CVView) -> list[str]:
    """Skills repeated far more than any reader needs (8+ mentions)."""
    counts = Counter(name for _, _, name in view.text_spans)
    return sorted(name for name, count in counts.items() if count >= 8)


def formatting(view: CVView, *, today: date) -> Component:
    cv, flags = view.cv, {}
    if not view.text.strip():
        return Component(0, ["No text could be read: an ATS would see an empty CV."], {"no_text": True})
    if any("No section headings" in w for w in cv.warnings):
        flags["no_headings"] = True
    undated = [job for job in cv.work if not job.startDate.strip()]
    if undated:
        flags["undated_roles"] = undated
    dates = [d for job in cv.work for d in (job.startDate, job.endDate) if d and d.lower() != "present"]
    shapes = {("iso" if _ISO_DATE.match(d) else "raw") for d in dates}
    if len(shapes) > 1:
        flags["mixed_date_formats"] = [d for d in dates if not _ISO_DATE.match(d)]
    backwards = [
        job
        for job in cv.work
        if (span := date_span(job.startDate, job.endDate, today=today)) and span[1] < span[0]
    ]
    if backwards:
        flags["end_before_start"] = backwards
    n = view.unique_words
    if n < 150:
        flags["very_short"] = n
    elif n < 250:
        flags["short"] = n
    elif n > 1800:
        flags["very_long"] = n
    elif n > 1200:
        flags["long"] = n
    if view.signals.pages and view.signals.pages > 3:
        flags["too_many_pages"] = view.signals.pages
    if cv.work and not view.bullets:
        flags["no_bullets"] = True
    for name, value in (
        ("tables", view.signals.tables),
        ("images", view.signals.images),
        ("hidden_text", view.signals.hidden_text),
        ("tiny_text", view.signals.tiny_text),
        ("manipulation", view.manipulation),
        ("keyword_stuffing", stuffed_terms(view)),
        ("repeated_content", view.repeated_lines),
    ):
        if value:
            flags[name] = value
    penalty = 0
    reasons = []
    for name in flags:
        points = FORMATTING_PENALTIES[name]
        if name == "undated_roles":
            points = min(15, points * len(flags[name]))
        penalty += points
        reasons.append(f"-{points}: {_FORMATTING_REASONS[name]}")
    if not flags:
        reasons.append("Readable text, recognised sections, dated roles, bullets and a sensible length.")
    return Component(_clamp(100 - penalty), reasons, flags)


_FORMATTING_REASONS = {
    "no_text": "no readable text",
    "no_headings": "no section headings recognised",
    "undated_roles": "roles without dates",
    "mixed_date_formats": "dates written in more than one format",
    "end_before_start": "a role ends before it starts",
    "very_short": "fewer than 150 words",
    "short": "fewer than 250 words",
    "long": "more than 1,200 words",
    "very_long": "more than 1,800 words",
    "too_many_pages": "more than 3 pages",
    "no_bullets": "roles described without bullet points",
    "tables": "tables, which many ATS parsers read out of order",
    "images": "images, which ATS parsers drop",
    "hidden_text": "hidden (white) text",
    "tiny_text": "text too small to read",
    "manipulation": "text addressed to an AI screener (ignored, reported as an issue)",
    "keyword_stuffing": "keyword stuffing",
    "repeated_content": "repeated lines",
}


# --- section completeness --------------------------------------------------------------------
SECTION_POINTS = {
    "name": 10,
    "email": 10,
    "phone": 5,
    "location_or_link": 5,
    "summary": 10,
    "experience": 25,
    "education": 15,
    "skills": 15,
    "extras": 5,
}


def section_presence(view: CVView) -> dict[str, bool]:
    cv = view.cv
    basics = cv.basics
    return {
        "name": bool(basics.name.strip()),
        "email": bool(basics.email.strip()),
        "phone": bool(basics.phone.strip()),
        "location_or_link": bool(
            basics.location.city or basics.location.address or basics.url or basics.profiles
        ),
        "summary": len(words(basics.summary)) >= 8,
        "experience": bool(cv.work),
        "education": bool(cv.education),
        "skills": bool(cv.skill_names()),
        "extras": bool(cv.projects or cv.certificates or cv.awards or cv.publications or cv.volunteer),
    }


def section_completeness(view: CVView) -> Component:
    if not view.text.strip():
        return Component(0, ["Nothing to read, so no section was found."], {"missing": list(SECTION_POINTS)})
    present = section_presence(view)
    score = sum(points for name, points in SECTION_POINTS.items() if present[name])
    missing = [name for name, ok in present.items() if not ok]
    reasons = [f"+{SECTION_POINTS[name]}: {name.replace('_', ' ')}" for name, ok in present.items() if ok] + [
        f"missing ({SECTION_POINTS[name]} points): {name.replace('_', ' ')}" for name in missing
    ]
    return Component(score, reasons, {"missing": missing})


# --- readability -----------------------------------------------------------------------------
READABILITY_POINTS = {"sentence_length": 25, "active_voice": 20, "action_verbs": 30, "quantified": 25}


def readability(view: CVView) -> Component:
    bullets = [b.text for b in view.bullets]
    summary_sentences = sentences(view.cv.basics.summary)
    units = bullets + summary_sentences
    if not units:
        return Component(0, ["No bullets or sentences describe your experience."], {"no_prose": True})
    lengths = [len(words(u)) for u in units]
    average = sum(lengths) / len(lengths)
    long_units = [u for u in units if len(words(u)) > 35]
    passive = [u for u in units if PASSIVE.search(u)]
    weak = [b for b in view.bullets if not starts_with_action_verb(b.text)]
    unquantified = [b for b in view.bullets if not quantified(b.text)]
    n_bullets = max(1, len(view.bullets))
    parts = {
        "sentence_length": 1.0 if average <= 22 else max(0.0, (45 - average) / 23),
        "active_voice": max(0.0, 1 - 2 * len(passive) / len(units)),
        "action_verbs": (n_bullets - len(weak)) / n_bullets if view.bullets else 0.0,
        "quantified": min(1.0, 2 * (n_bullets - len(unquantified)) / n_bullets) if view.bullets else 0.0,
    }
    score = sum(READABILITY_POINTS[k] * v for k, v in parts.items())

    def points(name: str) -> str:
        return f"{READABILITY_POINTS[name] * parts[name]:.0f}/{READABILITY_POINTS[name]}"

    reasons = [
        f"average sentence {average:.0f} words ({points('sentence_length')})",
        f"{len(passive)} of {len(units)} in passive voice ({points('active_voice')})",
        f"{len(view.bullets) - len(weak)} of {len(view.bullets)} bullets open with an action verb "
        f"({points('action_verbs')})",
        f"{len(view.bullets) - len(unquantified)} of {len(view.bullets)} bullets quantified "
        f"({points('quantified')})",
    ]
    flags = {"long": long_units, "passive": passive, "weak": weak, "unquantified": unquantified}
    return Component(_clamp(score), reasons, flags)
