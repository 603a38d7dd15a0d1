"""A first, deterministic ATS-readiness score, industry and experience level.

Every point is explainable: the score is the sum of the checks below, each with a fixed
weight, and each missed check becomes an issue the user can act on. No randomness, no model
call — the same CV always gets the same score. The analysis issue refines this later.

| check                         | points |
|-------------------------------|--------|
| text could be extracted        | 15     |
| name, email, phone             | 5 each |
| work, education, skills        | 10 each|
| summary                        | 5      |
| dated work entries             | 10     |
| bullet highlights              | 10     |
| quantified achievements        | 10     |
| length 250–1200 words          | 5      |
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from ..schema import StructuredCV

_NUMBER = re.compile(
    r"(\d+(\.\d+)?\s*(%|percent|x\b|k\b|m\b|million|billion))|([$€£]\s?\d)|(\b\d{2,}\b)", re.I
)
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


@dataclass
class BasicAnalysis:
    ats_score: float
    industry: str
    experience_level: str
    years_of_experience: float
    breakdown: dict[str, int] = field(default_factory=dict)
    issues: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def basic_analysis(cv: StructuredCV, *, today: date | None = None) -> BasicAnalysis:
    today = today or date.today()
    breakdown, issues = _checks(cv)
    years = total_years(cv, today=today)
    return BasicAnalysis(
        ats_score=float(sum(breakdown.values())),
        industry=classify_industry(cv),
        experience_level=experience_level(cv, years=years),
        years_of_experience=round(years, 1),
        breakdown=breakdown,
        issues=issues,
    )


def _checks(cv: StructuredCV) -> tuple[dict[str, int], list[str]]:
    basics = cv.basics
    words = len(cv.raw_text.split())
    highlights = [text for job in cv.work for text in job.highlights]
    achievements = highlights + [job.summary for job in cv.work if job.summary]
    checks = [
        (
            "parseable",
            15,
            bool(cv.raw_text.strip()) or bool(basics.name),
            "No text could be read from the file.",
        ),
        ("name", 5, bool(basics.name), "Your name was not found at the top of the CV."),
        ("email", 5, bool(basics.email), "Add an email address."),
        ("phone", 5, bool(basics.phone), "Add a phone number."),
        ("experience", 10, bool(cv.work), "No work experience section was found."),
        ("education", 10, bool(cv.education), "No education section was found."),
        ("skills", 10, bool(cv.skill_names()), "No skills section was found."),
        ("summary", 5, bool(basics.summary), "Add a short professional summary."),
        (
            "dated_entries",
            10,
            bool(cv.work) and all(job.startDate for job in cv.work),
            "Give every job a start and end date.",
        ),
        ("bullets", 10, len(highlights) >= 3, "Describe each job with bullet points."),
        (
            "quantified",
            10,
            any(_NUMBER.search(text) for text in achievements),
            "Quantify achievements with numbers (%, amounts, team sizes).",
        ),
        (
            "length",
            5,
            250 <= words <= 1200,
            f"The CV has {words} words; 250 to 1200 reads best.",
        ),
    ]
    breakdown = {name: (points if passed else 0) for name, points, passed, _ in checks}
    issues = [message for _, _, passed, message in checks if not passed]
    return breakdown, issues


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


def _year_month(value: str, *, today: date) -> tuple[int, int] | None:
    text = (value or "").strip().lower()
    if text in {"present", "current", "now", "today", "ongoing"}:
        return today.year, today.month
    match = re.match(r"((?:19|20)\d{2})(?:-(\d{1,2}))?", text)
    if match:
        return int(match.group(1)), int(match.group(2) or 1)
    found = _YEAR.search(text)
    return (int(found.group(0)), 1) if found else None


def total_years(cv: StructuredCV, *, today: date) -> float:
    """Years covered by dated jobs, overlaps counted once."""
    spans: list[tuple[int, int]] = []
    for job in cv.work:
        start = _year_month(job.startDate, today=today)
        end = _year_month(job.endDate, today=today) if job.endDate else start
        if start and end:
            first, last = start[0] * 12 + start[1], end[0] * 12 + end[1]
            if last >= first:
                spans.append((first, last))
    return covered_months(spans) / 12


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
