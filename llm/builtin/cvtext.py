"""A compact rule-based CV text → ``StructuredCV`` extraction, and the reverse (CV → text).

It is the builtin fallback for ``extract_cv``; the resumes app's ingest parser (when present)
is preferred because it knows layouts, this only knows headings, dates and bullets.
"""

from __future__ import annotations

import re

from resumes.schema import Basics, Education, Project, Skill, StructuredCV, Work

from .text import find_skills, group_skills

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
URL = re.compile(r"https?://\S+|(?:www\.|linkedin\.com/|github\.com/)\S+", re.I)
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
DATE = rf"(?:(?:{MONTHS})[a-z]*\.?\s+\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}|\d{{4}})"
RANGE = re.compile(
    rf"(?P<start>{DATE})\s*(?:-|–|—|to|until)\s*(?P<end>{DATE}|present|current|now|today)", re.I
)
BULLET = re.compile(r"^\s*(?:[-•*▪◦·]|\d+[.)])\s+")
MONTH_NUM = {m: i for i, m in enumerate(MONTHS.split("|")[:12], start=1)} | {"sept": 9}

SECTIONS = {
    "summary": ("summary", "profile", "about", "about me", "objective", "professional summary"),
    "work": (
        "experience",
        "work experience",
        "employment",
        "professional experience",
        "work history",
        "career",
    ),
    "education": ("education", "academic background", "qualifications", "studies"),
    "skills": ("skills", "technical skills", "core skills", "competencies", "technologies", "tech stack"),
    "projects": ("projects", "selected projects", "personal projects"),
    "certificates": ("certifications", "certificates", "licenses"),
    "languages": ("languages",),
}
_HEADING = {alias: key for key, aliases in SECTIONS.items() for alias in aliases}
NAME_LINE = re.compile(r"^[A-Za-zÀ-ÿ'’.-]+(?:\s+[A-Za-zÀ-ÿ'’.-]+){1,3}$")
DEGREE = re.compile(
    r"\b(B\.?Sc|BSc|BA|B\.?A|BEng|MSc|M\.?Sc|MA|MBA|MEng|PhD|Ph\.D|Bachelor|Master|Doctor|Diploma|Associate)\b[^,\n]*",
    re.I,
)


def _heading(line: str) -> str | None:
    clean = re.sub(r"[#*:_=\-]+", " ", line).strip().lower()
    return _HEADING.get(clean) if len(clean) <= 40 else None


def normalise_date(text: str) -> str:
    text = text.strip().lower()
    if text in ("present", "current", "now", "today"):
        return "present"
    if m := re.match(r"(\d{4})-(\d{2})", text):
        return f"{m[1]}-{m[2]}"
    if m := re.match(r"(\d{1,2})/(\d{4})", text):
        return f"{m[2]}-{int(m[1]):02d}"
    if m := re.match(rf"({MONTHS})[a-z]*\.?\s+(\d{{4}})", text):
        return f"{m[2]}-{MONTH_NUM[m[1][:4] if m[1].startswith('sept') else m[1][:3]]:02d}"
    return text


def split_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"header": []}
    current = "header"
    for raw in text.splitlines():
        line = raw.rstrip()
        key = _heading(line) if line.strip() else None
        if key:
            current = key
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    return sections


def _basics(header: list[str], whole: str) -> Basics:
    lines = [line.strip().lstrip("#").strip() for line in header if line.strip()]
    basics = Basics()
    # The name: the first of the opening lines made of 2-4 words of letters only (PDF text
    # often puts an address or a headline before it).
    for index, line in enumerate(lines[:6]):
        if NAME_LINE.match(line):
            basics.name = line.title() if line.isupper() else line
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and not (EMAIL.search(following) or PHONE.search(following)) and len(following) < 80:
                basics.label = following
            break
    if m := EMAIL.search(whole):
        basics.email = m[0]
    if m := PHONE.search(whole):
        basics.phone = m[0].strip()
    if m := URL.search(whole):
        basics.url = m[0].rstrip(").,")
    return basics


def _entries(lines: list[str]) -> list[list[str]]:
    """Group a section's lines into entries: a new entry starts at a non-bullet line after bullets
    or at a line carrying a date range."""
    entries: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        is_bullet = bool(BULLET.match(line))
        starts_new = not entries or (
            not is_bullet
            and (
                (RANGE.search(line) is not None and any(RANGE.search(x) for x in entries[-1]))
                or BULLET.match(entries[-1][-1]) is not None
            )
        )
        if starts_new:
            entries.append([line])
        else:
            entries[-1].append(line)
    return entries


def _split_title(title: str) -> tuple[str, str]:
    for sep in (" at ", " @ ", " | ", " — ", " – ", " - ", ", "):
        if sep in title:
            first, second = title.split(sep, 1)
            return first.strip(), second.strip()
    return title.strip(), ""


def _work(lines: list[str]) -> list[Work]:
    jobs = []
    for entry in _entries(lines):
        heads = [x for x in entry if not BULLET.match(x)]
        bullets = [BULLET.sub("", x).strip() for x in entry if BULLET.match(x)]
        head = " ".join(h.strip() for h in heads)
        job = Work()
        if m := RANGE.search(head):
            job.startDate, job.endDate = normalise_date(m["start"]), normalise_date(m["end"])
            head = (head[: m.start()] + head[m.end() :]).strip(" ,|()-–")
        job.position, job.name = _split_title(head)
        job.highlights = bullets
        if not bullets and len(heads) > 1:
            job.summary = " ".join(h.strip() for h in heads[1:])
        jobs.append(job)
    return jobs


def _education(lines: list[str]) -> list[Education]:
    items = []
    for entry in _entries(lines):
        head = " ".join(x.strip() for x in entry)
        item = Education()
        if m := RANGE.search(head):
            item.startDate, item.endDate = normalise_date(m["start"]), normalise_date(m["end"])
            head = (head[: m.start()] + head[m.end() :]).strip(" ,|()-–")
        elif m := re.search(r"\b(19|20)\d{2}\b", head):
            item.endDate = m[0]
        if m := DEGREE.search(head):
            item.studyType = m[1]
            area = re.sub(r"^(?:of|in)\s+", "", m[0][len(m[1]) :].strip(" ,.-")).strip()
            item.area = re.sub(r"\b(19|20)\d{2}\b", "", area).strip(" ,-")
            head = head.replace(m[0], "")
        item.institution = re.sub(r"\b(19|20)\d{2}\b", "", head).strip(" ,|-–") or item.institution
        items.append(item)
    return items


def extract(text: str) -> StructuredCV:
    sections = split_sections(text or "")
    cv = StructuredCV(raw_text=text or "")
    cv.basics = _basics(sections.get("header", []), text or "")
    cv.basics.summary = " ".join(x.strip() for x in sections.get("summary", []) if x.strip())
    cv.work = _work(sections.get("work", []))
    cv.education = _education(sections.get("education", []))
    skills_text = "\n".join(sections.get("skills", []))
    names = find_skills(skills_text) or [
        s.strip() for s in re.split(r"[,;|•\n]", skills_text) if 1 < len(s.strip()) < 40
    ]
    cv.skills = [Skill(name=group, keywords=items) for group, items in group_skills(names).items()]
    for entry in _entries(sections.get("projects", [])):
        bullets = [BULLET.sub("", x).strip() for x in entry if BULLET.match(x)]
        cv.projects.append(
            Project(name=entry[0].strip(), highlights=bullets, keywords=find_skills(" ".join(entry)))
        )
    if not cv.work:
        cv.warnings.append("No work experience section was recognised.")
    return cv


def external_parser():
    """The resumes app's ``parse_text`` when it is installed, else None."""
    try:
        from resumes.ingest import parse_text  # the ingest package may not exist yet
    except ImportError:
        return None
    return parse_text


def ingest_or_extract(text: str) -> StructuredCV:
    """Prefer the resumes app's parser (it knows layouts); fall back to ``extract``."""
    parser = external_parser()
    if parser is None:
        return extract(text)
    try:
        result = parser(text)
    except Exception:  # a parser failure must not take the AI engine down with it
        return extract(text)
    return result if isinstance(result, StructuredCV) else StructuredCV.model_validate(result)


def cv_as_text(cv: StructuredCV) -> str:
    """All the CV's words as plain text, for keyword matching and embeddings."""
    parts = [cv.basics.name, cv.basics.label, cv.basics.summary]
    for job in cv.work:
        parts += [job.position, job.name, job.summary, *job.highlights]
    for edu in cv.education:
        parts += [edu.studyType, edu.area, edu.institution]
    for group in cv.skills:
        parts += [group.name, *group.keywords]
    for project in cv.projects:
        parts += [project.name, project.description, *project.highlights, *project.keywords]
    parts += [c.name for c in cv.certificates]
    return "\n".join(p for p in parts if p)
