"""Industry and experience level (from ``basic``), years of experience and the target role.

Years here count a role with a start date and no end date as ongoing, as JSON Resume means
it; ``basic.total_years`` (the upload checklist's) counts it as zero length.
"""

from __future__ import annotations

import re
from datetime import date

from ..schema import StructuredCV
from .basic import _year_month, classify_industry, covered_months, experience_level

__all__ = ["classify_industry", "date_span", "experience_level", "target_role", "total_years"]


def date_span(start: str, end: str, *, today: date) -> tuple[int, int] | None:
    """(first month, last month) as month numbers; an empty end means "still there"."""
    first = _year_month(start, today=today)
    last = _year_month(end, today=today) if end else (today.year, today.month) if first else None
    if not first or not last:
        return None
    return first[0] * 12 + first[1], last[0] * 12 + last[1]


def total_years(cv: StructuredCV, *, today: date) -> float:
    """Years covered by dated jobs, overlaps counted once."""
    spans = []
    for job in cv.work:
        span = date_span(job.startDate, job.endDate, today=today)
        if span and span[1] >= span[0]:
            spans.append(span)
    return covered_months(spans) / 12


def _title_like(text: str) -> str:
    """A job title, or "" for a sentence the parser put in a title field."""
    title = re.split(r",|\s[|–—]\s|\s@\s", text.strip(), maxsplit=1)[0].strip()
    if not title or len(title.split()) > 7 or title.endswith(".") or title.lower().startswith("present"):
        return ""
    return title


def target_role(cv: StructuredCV) -> str:
    """The role the CV aims at: its headline, else the latest job title."""
    for candidate in [cv.basics.label, *(job.position for job in cv.work)]:
        title = _title_like(candidate or "")
        if title:
            return title
    return ""
