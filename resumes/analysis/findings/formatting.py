"""Findings of the formatting score, including hidden text and manipulation (integrity)."""

from __future__ import annotations

from ..cvview import CVView
from ..scoring import Component
from ..text import shorten
from .finding import Finding


def formatting_findings(component: Component, view: CVView) -> list[Finding]:
    flags, out = component.flags, []

    def add(severity, section, message, recommendation, field=""):
        out.append(Finding("formatting", severity, section, message, recommendation, field))

    if flags.get("no_text"):
        add(
            "high",
            "document",
            "No text could be read from the CV.",
            "Export the CV from your word processor as a text-based PDF or DOCX (not a scan or image).",
        )
        return out
    if flags.get("no_headings"):
        add(
            "high",
            "document",
            "No section headings were recognised.",
            "Use standard headings on their own lines: Summary, Experience, Education, Skills.",
        )
    for i, job in enumerate(view.cv.work):
        if job in flags.get("undated_roles", []):
            add(
                "medium",
                "experience",
                f"{_role(job)} has no dates.",
                f"Give {_role(job)} a start and end date, e.g. 'Mar 2021 – Present'.",
                f"work[{i}].startDate",
            )
        if job in flags.get("end_before_start", []):
            add(
                "medium",
                "experience",
                f"{_role(job)} ends ({job.endDate}) before it starts ({job.startDate}).",
                "Check the dates of this role.",
                f"work[{i}].endDate",
            )
    if flags.get("mixed_date_formats"):
        odd = ", ".join(f"'{d}'" for d in flags["mixed_date_formats"][:3])
        add(
            "low",
            "experience",
            f"Dates are written in more than one format ({odd}).",
            "Write every date the same way, e.g. 'Jan 2020 – Mar 2022'.",
        )
    if "very_short" in flags or "short" in flags:
        n = flags.get("very_short", flags.get("short"))
        add(
            "high" if "very_short" in flags else "medium",
            "document",
            f"The CV has only {n} words.",
            "Describe each role with 3–5 bullets (what you did, with what, and the result) and add a "
            "summary and skills; 400–800 words reads best.",
        )
    if "long" in flags or "very_long" in flags:
        n = flags.get("long", flags.get("very_long"))
        add(
            "medium",
            "document",
            f"The CV has {n} words.",
            "Cut older or less relevant roles to one line each; keep it to two pages.",
        )
    if flags.get("too_many_pages"):
        add("medium", "document", f"The CV runs to {flags['too_many_pages']} pages.", "Keep it to two pages.")
    if flags.get("no_bullets"):
        add(
            "medium",
            "experience",
            "Your roles have no bullet points.",
            "Under each role, list 3–5 bullets that start with an action verb and end with a result.",
        )
    if flags.get("tables"):
        add(
            "medium",
            "document",
            f"The CV uses {flags['tables']} table(s); many ATS parsers read table cells out of order.",
            "Replace tables with plain headings and bullet lists.",
        )
    if flags.get("images"):
        add(
            "low",
            "document",
            f"The CV contains {flags['images']} image(s); ATS parsers drop images and any text in them.",
            "Put every fact in text; leave out photos, logos and skill bars.",
        )
    if flags.get("hidden_text"):
        sample = shorten(" ".join(flags["hidden_text"]), 60)
        out.append(
            Finding(
                "integrity",
                "high",
                "document",
                f"The CV contains hidden (white) text: '{sample}'. It was ignored for scoring.",
                "Remove hidden text: recruiters who spot it reject the CV, and ATS tools flag it.",
            )
        )
    if flags.get("tiny_text"):
        sample = shorten(" ".join(flags["tiny_text"]), 60)
        out.append(
            Finding(
                "integrity",
                "high",
                "document",
                f"The CV contains text too small to read: '{sample}'. It was ignored for scoring.",
                "Remove it or set it in the same size as the rest of the CV (10–12 pt).",
            )
        )
    if flags.get("manipulation"):
        sample = shorten(flags["manipulation"][0], 70)
        out.append(
            Finding(
                "integrity",
                "high",
                "document",
                f"The CV contains text addressed to AI screeners: '{sample}'. It was ignored.",
                "Delete it: it earns no points and recruiters who notice it reject the CV.",
            )
        )
    if flags.get("keyword_stuffing"):
        names = ", ".join(flags["keyword_stuffing"][:5])
        out.append(
            Finding(
                "integrity",
                "medium",
                "skills",
                f"Keyword stuffing: {names} repeated eight or more times.",
                "Name each skill once in Skills and once or twice where you used it; repetition earns no "
                "points and reads as spam.",
            )
        )
    if flags.get("repeated_content"):
        add(
            "medium",
            "document",
            f"{flags['repeated_content']} line(s) appear more than once.",
            "Remove the repeated lines; say each thing once.",
        )
    return out


def _role(job) -> str:
    if job.position and job.name:
        return f"'{shorten(job.position, 40)}' at {shorten(job.name, 40)}"
    return f"'{shorten(job.position or job.name, 40)}'" if job.position or job.name else "A role"
