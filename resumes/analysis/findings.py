"""Issues and recommendations that name the section, the bullet, the keyword and the fix.

Every finding is built from the CV's and the job's own words; nothing here is generic filler.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .cvview import Bullet, CVView
from .jd import JobRequirements
from .keywords import KeywordResult, best_bullet
from .scoring import Component
from .text import first_word, past_tense, shorten, weak_opener

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Finding:
    category: str  # keywords | formatting | sections | readability | integrity
    severity: str  # high | medium | low
    section: str  # experience, skills, summary, header, education, document
    message: str  # what is wrong
    recommendation: str  # what to write instead
    field: str = ""  # where in the StructuredCV, e.g. work[0].highlights[1]
    keyword: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


# --- keywords --------------------------------------------------------------------------------
def keyword_findings(result: KeywordResult, job: JobRequirements, view: CVView) -> list[Finding]:
    out = []
    source = (
        "the job requires it" if result.against == "job description" else f"the {result.against} calls for it"
    )
    for level, missing in (("required", result.missing_required), ("preferred", result.missing_preferred)):
        for skill in missing:
            bullet = best_bullet(skill, job, view.bullets)
            why = source if level == "required" else source.replace("requires it", "lists it as a plus")
            if bullet:
                advice = (
                    f"Add '{skill}': {why} and your {bullet.quote} bullet in {bullet.where} could mention "
                    f"it, if you used {skill} there."
                )
            else:
                advice = (
                    f"Add '{skill}': {why}. If you have used it, name it in the Skills section and in the "
                    "bullet of the role where you used it."
                )
            out.append(
                Finding(
                    "keywords",
                    "high" if level == "required" else "low",
                    "skills",
                    f"Missing {level} keyword '{skill}'.",
                    advice,
                    bullet.field if bullet else "",
                    skill,
                )
            )
    for skill in result.listed_only:
        bullet = best_bullet(skill, job, view.bullets)
        place = (
            f"e.g. in your {bullet.quote} bullet in {bullet.where}"
            if bullet
            else "in the role where you used it"
        )
        out.append(
            Finding(
                "keywords",
                "medium",
                "experience",
                f"'{skill}' is only listed, not shown in any experience bullet.",
                f"Show '{skill}' in action: write what you built or achieved with it, {place}.",
                bullet.field if bullet else "",
                skill,
            )
        )
    if result.years_required and result.years_found < result.years_required:
        out.append(
            Finding(
                "keywords",
                "medium",
                "experience",
                f"The job asks for {result.years_required}+ years of experience; your dated roles cover "
                f"{result.years_found:g}.",
                "If you have more relevant experience (earlier roles, freelance, research), add it with "
                "start and end dates so it is counted.",
            )
        )
    for qualification in result.missing_qualifications:
        out.append(
            Finding(
                "keywords",
                "medium",
                "education",
                f"The job asks for a {qualification}, which the CV does not show.",
                f"If you hold a {qualification} (or equivalent), list it under Education with the "
                "institution and year.",
                keyword=qualification,
            )
        )
    if result.missing_keywords:
        terms = ", ".join(f"'{k}'" for k in result.missing_keywords[:5])
        out.append(
            Finding(
                "keywords",
                "low",
                "summary",
                f"The job description repeats {terms}, which your CV never uses.",
                f"Use the job's own words where they are true for you, e.g. in your summary: {terms}.",
            )
        )
    return out


# --- formatting ------------------------------------------------------------------------------
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


# --- sections --------------------------------------------------------------------------------
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


# --- readability -----------------------------------------------------------------------------
def readability_findings(component: Component, view: CVView) -> list[Finding]:
    flags, out = component.flags, []
    bullets = {b.text: b for b in view.bullets}
    for bullet in flags.get("weak", [])[:4]:
        opener = weak_opener(bullet.text)
        rewrite = rewrite_opening(bullet.text)
        message = (
            f"Your {bullet.quote} bullet in {bullet.where} opens with '{opener}', which describes a duty."
            if opener
            else f"Your {bullet.quote} bullet in {bullet.where} does not open with an action verb."
        )
        out.append(
            Finding(
                "readability",
                "medium",
                "experience",
                message,
                f"Lead with what you did and end with the result: “{rewrite}”."
                if rewrite
                else f"Rewrite {bullet.quote} to open with a verb that says what you did (Built, Led, "
                "Cut…) and end with its result.",
                bullet.field,
            )
        )
    unquantified = flags.get("unquantified", [])
    by_role: dict[str, list[Bullet]] = {}
    for bullet in unquantified:
        by_role.setdefault(bullet.where, []).append(bullet)
    quantified_roles = {b.where for b in view.bullets if b not in unquantified}
    for where, items in list(by_role.items())[:3]:
        if where in quantified_roles:
            continue
        out.append(
            Finding(
                "readability",
                "medium",
                "experience",
                f"No bullet in {where} has a number.",
                f"Quantify one result, e.g. extend {items[0].quote} with how many users, what % faster, the "
                "money or hours saved, or the team size.",
                items[0].field,
            )
        )
    for text in flags.get("long", [])[:2]:
        bullet = bullets.get(text)
        where = f"in {bullet.where} " if bullet else ""
        out.append(
            Finding(
                "readability",
                "low",
                "experience" if bullet else "summary",
                f"'{shorten(text, 50)}' {where}runs to {len(text.split())} words.",
                "Split it into two bullets of one achievement each, under 25 words.",
                bullet.field if bullet else "",
            )
        )
    for text in flags.get("passive", [])[:2]:
        bullet = bullets.get(text)
        out.append(
            Finding(
                "readability",
                "low",
                "experience" if bullet else "summary",
                f"'{shorten(text, 50)}' is in the passive voice.",
                "Say who did it: put yourself first with an active verb (“I was tasked with X” → “Led X”).",
                bullet.field if bullet else "",
            )
        )
    return out


def rewrite_opening(text: str) -> str:
    """A duty-style opening turned into an action: "Responsible for managing X" → "Managed X"."""
    opener = weak_opener(text)
    rest = text.strip()[len(opener) :].strip() if opener else text.strip()
    head = first_word(rest)
    if head.endswith("ing") and len(head) > 5:
        rest = past_tense(head).capitalize() + rest[len(head) :]
    elif opener:
        verb = "Led" if opener in {"responsible for", "in charge of", "tasked with"} else "Delivered"
        rest = f"{verb} {rest[0].lower() + rest[1:] if rest else rest}"
    else:
        return ""
    return shorten(rest.rstrip(". "), 90) + ", <result: number, % or time saved>"


def ordered(findings: list[Finding]) -> list[Finding]:
    """Most serious first; stable within a severity so the order is reproducible."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
