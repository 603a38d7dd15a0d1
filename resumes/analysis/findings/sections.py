"""Findings of section completeness: what is missing and what to write."""

from __future__ import annotations

from ..cvview import CVView
from ..scoring import Component
from .finding import Finding


def section_findings(
    component: Component, view: CVView, *, summary_draft: str, skills_found: list[str]
) -> list[Finding]:
    messages = {
        "name": (
            "high",
            "header",
            "Your name was not found at the top.",
            "Put your full name on the first line.",
        ),
        "email": ("high", "header", "No email address found.", "Add your email address under your name."),
        "phone": ("medium", "header", "No phone number found.", "Add a phone number under your name."),
        "location_or_link": (
            "low",
            "header",
            "No location or profile link found.",
            "Add your city and a LinkedIn or portfolio link to the header.",
        ),
        "summary": (
            "medium",
            "summary",
            "The profile summary is missing or very short.",
            f"Open with a 2–3 sentence summary, e.g.: “{summary_draft}”"
            if summary_draft
            else "Open with a 2–3 sentence summary naming your role, years of experience and top skills.",
        ),
        "experience": (
            "high",
            "experience",
            "No work experience section was found.",
            "Add an Experience section: role, employer, dates and 3–5 bullets per role.",
        ),
        "education": (
            "medium",
            "education",
            "No education section was found.",
            "Add an Education section with degree, institution and year (training and courses count).",
        ),
        "skills": (
            "medium",
            "skills",
            "No skills section was found.",
            "Add a Skills section listing the tools your bullets already name: "
            f"{', '.join(skills_found[:8])}."
            if skills_found
            else "Add a Skills section listing the tools and methods you use.",
        ),
        "extras": (
            "low",
            "projects",
            "No projects, certifications or awards.",
            "If you have them, add a Projects or Certifications section: they give recruiters "
            "concrete evidence.",
        ),
    }
    out = []
    for name in component.flags.get("missing", []):
        severity, section, message, recommendation = messages[name]
        out.append(Finding("sections", severity, section, message, recommendation))
    return out
