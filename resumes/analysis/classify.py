"""Industry, experience level, years of experience and the target role of a CV.

Years count a role with a start date and no end date as ongoing, as JSON Resume means it.
"""

from __future__ import annotations

import re
from datetime import date

from ..schema import StructuredCV

_YEAR = re.compile(r"(19|20)\d{2}")

# Keyword sets per industry; the industry whose words appear most in titles and skills wins.
INDUSTRY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "technology": (
        "software",
        "developer",
        "engineer",
        "python",
        "java",
        "javascript",
        "react",
        "django",
        "cloud",
        "aws",
        "devops",
        "kubernetes",
        "sql",
        "machine learning",
        "data scientist",
        "backend",
        "frontend",
        "full stack",
        "api",
        "linux",
        "c++",
        "typescript",
        "docker",
    ),
    "finance": (
        "finance",
        "financial",
        "accounting",
        "accountant",
        "audit",
        "bank",
        "investment",
        "analyst",
        "cfa",
        "tax",
        "treasury",
        "trading",
        "risk",
        "portfolio",
        "controller",
    ),
    "healthcare": (
        "nurse",
        "nursing",
        "clinical",
        "patient",
        "hospital",
        "medical",
        "physician",
        "pharmacy",
        "healthcare",
        "therapist",
        "care",
        "doctor",
        "surgery",
    ),
    "education": (
        "teacher",
        "teaching",
        "professor",
        "lecturer",
        "curriculum",
        "tutor",
        "school",
        "education",
        "instructor",
        "research assistant",
        "student",
    ),
    "marketing": (
        "marketing",
        "seo",
        "content",
        "brand",
        "social media",
        "campaign",
        "advertising",
        "communications",
        "copywriting",
        "public relations",
    ),
    "sales": ("sales", "account executive", "business development", "crm", "salesforce", "quota"),
    "design": ("designer", "design", "ux", "ui", "figma", "photoshop", "illustrator", "graphic"),
    "engineering": (
        "mechanical",
        "electrical",
        "civil",
        "cad",
        "manufacturing",
        "autocad",
        "solidworks",
        "structural",
        "chemical engineer",
    ),
    "legal": ("lawyer", "attorney", "legal", "paralegal", "counsel", "litigation", "compliance"),
}
_EXECUTIVE = re.compile(
    r"\b(chief|ceo|cto|cfo|coo|vp|vice president|director|head of|founder|partner)\b", re.I
)
_SENIOR = re.compile(r"\b(senior|sr\.?|lead|principal|staff|manager|architect)\b", re.I)
_ENTRY = re.compile(r"\b(intern|internship|junior|jr\.?|trainee|graduate|assistant|apprentice)\b", re.I)


def date_span(start: str, end: str, *, today: date) -> tuple[int, int] | None:
    """(first month, last month) as month numbers; an empty end means "still there"."""
    first = year_month(start, today=today)
    last = year_month(end, today=today) if end else (today.year, today.month) if first else None
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


_INDUSTRY_PATTERNS = {
    industry: [re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])") for word in words]
    for industry, words in INDUSTRY_KEYWORDS.items()
}


def classify_industry(cv: StructuredCV) -> str:
    haystack = " ".join([cv.basics.label, *(job.position for job in cv.work), *cv.skill_names()]).lower()
    scores = {
        industry: sum(1 for pattern in patterns if pattern.search(haystack))
        for industry, patterns in _INDUSTRY_PATTERNS.items()
    }
    best = max(scores, key=lambda industry: scores[industry])
    return best if scores[best] else "general"


def year_month(value: str, *, today: date) -> tuple[int, int] | None:
    """(year, month) of a CV date ("2021-03", "2019", "present"), or None."""
    text = (value or "").strip().lower()
    if text in {"present", "current", "now", "today", "ongoing"}:
        return today.year, today.month
    match = re.match(r"((?:19|20)\d{2})(?:-(\d{1,2}))?", text)
    if match:
        return int(match.group(1)), int(match.group(2) or 1)
    found = _YEAR.search(text)
    return (int(found.group(0)), 1) if found else None


def covered_months(spans: list[tuple[int, int]]) -> int:
    """Months covered by (first, last) month-number spans, overlaps counted once."""
    months, current_end = 0, -1
    for first, last in sorted(spans):
        if last <= current_end:
            continue
        months += last - max(first, current_end)
        current_end = last
    return months


def experience_level(cv: StructuredCV, *, years: float) -> str:
    titles = " ".join(job.position for job in cv.work[:2]) or cv.basics.label
    if _EXECUTIVE.search(titles) or years >= 15:
        return "executive"
    if _SENIOR.search(titles) or years >= 6:
        return "senior"
    if years >= 2 and not _ENTRY.search(titles):
        return "mid"
    return "entry"
