"""RawDocument -> StructuredCV: sections dispatched to their field extractors."""

from __future__ import annotations

import re

from pydantic import BaseModel

from ...schema import Education, Project, StructuredCV, Volunteer, Work
from ..document import SEP, SOFT, RawDocument
from . import contacts, lists
from .basics import fill_basics
from .context import Context
from .entries import Entry, segment
from .header import header_fields
from .layout import Section, body_font_size, clean_text, join_wrapped, split_sections
from .patterns import PAGE_NUMBER_LINE, find_date_range
from .pieces import split_degree_school, split_title_org
from .vocab import degree_match


def build_cv(doc: RawDocument) -> StructuredCV:
    raw_text = doc.text  # before joining, so provenance line numbers index into raw_text
    for no, line in enumerate(doc.lines, start=1):
        line.no = no
    lines = join_wrapped(doc.lines)
    for line in lines:
        line.text = clean_text(line.text)
    lines = [ln for ln in lines if ln.text and not PAGE_NUMBER_LINE.match(ln.text)]
    strict = doc.format == "latex" and sum(ln.heading for ln in lines) >= 2
    name_line = None if doc.hints.get("name") else contacts.name_line_by_size(lines, body_font_size(lines))
    header, sections = split_sections(lines, strict=strict, name_line=name_line)
    cv = StructuredCV(raw_text=raw_text, warnings=list(doc.warnings))
    ctx = Context(cv=cv)
    contact_lines = header + [ln for s in sections if s.kind == "contact" for ln in s.lines]
    fill_basics(ctx, header, contact_lines, lines, doc, name_line)
    for section in sections:
        _HANDLERS.get(section.kind, _ignore)(ctx, section)
    if not cv.skills:
        lists.skills_from_text(cv)
    if not sections:
        cv.warnings.append("No section headings were recognised; fields may be incomplete.")
    _tidy(cv, keep={"raw_text"})
    return cv


def _tidy(obj, keep: set[str] = frozenset()) -> None:
    """Field separators (tab, en space) are layout hints: no field value keeps them."""
    for name in type(obj).model_fields:
        if name in keep:
            continue
        value = getattr(obj, name)
        if isinstance(value, str):
            if SEP in value or SOFT in value:
                setattr(obj, name, _detab(value))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str) and (SEP in item or SOFT in item):
                    value[i] = _detab(item)
                elif isinstance(item, BaseModel):
                    _tidy(item)
        elif isinstance(value, BaseModel):
            _tidy(value)


def _detab(text: str) -> str:
    return " ".join(text.replace(SEP, " ").replace(SOFT, " ").split())


def _entries(section: Section) -> list[Entry]:
    return segment(section.lines)


def _bullets(entry: Entry) -> list[str]:
    """The entry's bullet points; with none, its description split into sentences."""
    return _described(entry)[1]


def _described(entry: Entry) -> tuple[str, list[str]]:
    """(summary, highlights) of an entry, never the same text in both: its bullet points and
    the prose beside them, or, with no bullets, its prose split into sentences and no summary
    (one paragraph read as both printed every job's text twice)."""
    texts = [t for t in (_clean(b.text.split(SEP)[0]) for b in entry.body if b.bullet) if t]
    prose = _prose(entry)
    return (prose, texts) if texts else ("", _split_desc(prose))


def _prose(entry: Entry) -> str:
    """Description lines that are not bullets (under a LaTeX entry they follow its header)."""
    lines = entry.head[1:] if entry.fields is not None else entry.body
    return _unwrap(" ".join(_clean(ln.text.split(SEP)[0]) for ln in lines if not ln.bullet))


def _unwrap(text: str) -> str:
    """Prose joined from wrapped lines: "develop- ment" was one word split by a hyphen."""
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "", text).strip()


def _clean(text: str) -> str:
    return text.replace(SOFT, " ").strip()


def _work(ctx: Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            title, org = f.get("title", ""), f.get("org", "")
            location, start, end = f.get("location", ""), f.get("start", ""), f.get("end", "")
        else:
            hf = header_fields(entry)
            title, org = split_title_org(hf.pieces)
            location, start, end = hf.location, hf.start, hf.end
        summary, highlights = _described(entry)
        work = Work(
            name=org,
            position=title,
            location=location,
            startDate=start,
            endDate=end,
            summary=summary,
            highlights=highlights,
        )
        if not (work.name or work.position):
            continue
        if work.position and not work.name and work.startDate and ctx.cv.work and entry.fields is None:
            # A second role under the same employer heading ("Google / Senior Engineer ... /
            # Engineer 2018–2020"): the employer carries over.
            work.name = ctx.cv.work[-1].name
            work.location = work.location or ctx.cv.work[-1].location
        ctx.cv.work.append(work)
        _rate(
            ctx,
            f"work[{len(ctx.cv.work) - 1}]",
            entry,
            work.name,
            work.position,
            work.startDate or work.endDate,
        )


LOW_CONFIDENCE = 0.6
_WHAT = {"work": ("employer", "job title"), "education": ("institution", "degree")}


def entry_confidence(entry: Entry, org: str, title: str, date: str) -> tuple[float, list[str]]:
    """How sure the parser is of one job or degree (0–1), and what is doubtful about it.

    Markup that names its arguments (a LaTeX entry macro) is near certain. Otherwise each of
    the three parts a reader checks counts: an organisation, a title, a date that normalised;
    an organisation equal to the title, or a part long enough to be a sentence, was split wrong.
    """
    doubts: list[str] = []
    score = 0.95 if entry.fields is not None else 0.3
    if entry.fields is None:
        score += 0.25 * bool(org) + 0.2 * bool(title) + 0.25 * bool(re.match(r"\d{4}|present", date or ""))
    for part, name in ((org, "org"), (title, "title")):
        if not part:
            doubts.append(f"no {name}")
            score -= 0.2 if entry.fields is not None else 0.0
        elif len(part) > 80:
            doubts.append(f"{name} reads like a sentence")
            score -= 0.3
    if org and title and org.casefold() == title.casefold():
        doubts.append("the same text as title and org")
        score -= 0.3
    if not date:
        doubts.append("no dates")
    return max(0.05, min(1.0, score)), doubts


def _rate(ctx: Context, path: str, entry: Entry, org: str, title: str, date: str) -> None:
    confidence, doubts = entry_confidence(entry, org, title, date)
    line = entry.first_line
    ctx.mark(path, line, confidence)
    if confidence < LOW_CONFIDENCE:
        kind = path.split("[", 1)[0]
        org_word, title_word = _WHAT.get(kind, ("organisation", "title"))
        said = "; ".join(d.replace("org", org_word).replace("title", title_word) for d in doubts)
        where = f" (page {line.page}, line {line.no})" if line is not None and line.no else ""
        ctx.cv.warnings.append(
            f"Check {path}{where}: low confidence {confidence:.2f}: {said or 'uncertain split'}."
        )


def _split_desc(text: str) -> list[str]:
    parts = [p.strip(" •-") for p in re.split(r"\n|(?<=[.!?])\s+(?=[A-Z])", text) if p.strip(" •-")]
    return parts


def _volunteer(ctx: Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            title, org, start, end = (
                f.get("title", ""),
                f.get("org", ""),
                f.get("start", ""),
                f.get("end", ""),
            )
        else:
            hf = header_fields(entry)
            title, org = split_title_org(hf.pieces)
            start, end = hf.start, hf.end
        if title or org:
            ctx.cv.volunteer.append(
                Volunteer(
                    organization=org, position=title, startDate=start, endDate=end, highlights=_bullets(entry)
                )
            )


def _education(ctx: Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            degree, area, school = _edu_from_fields(f)
            location, start, end = f.get("location", ""), f.get("start", ""), f.get("end", "")
        else:
            hf = header_fields(entry)
            degree, area, school = split_degree_school(hf.pieces)
            location, start, end = hf.location, hf.start, hf.end
            if start and not end and start != "present":
                # A single date on a degree is when it was (or will be) completed.
                start, end = "", start
            if school and not degree:
                degree, area = _degree_below(entry, area)
        edu = Education(
            institution=school, studyType=degree, area=area, location=location, startDate=start, endDate=end
        )
        for line in entry.body + entry.head:
            if m := re.search(
                r"\b(?:GPA|CGPA|Grade|Note|Mention|Score)\s*:?\s*([\d.,]+\s*(?:/\s*[\d.]+)?)", line.text, re.I
            ):
                edu.score = m.group(1).strip()
                break
        if not (edu.institution or edu.studyType):
            continue
        ctx.cv.education.append(edu)
        _rate(
            ctx,
            f"education[{len(ctx.cv.education) - 1}]",
            entry,
            edu.institution,
            edu.studyType or edu.area,
            edu.startDate or edu.endDate,
        )


def _degree_below(entry: Entry, area: str) -> tuple[str, str]:
    """Degree and field printed on short lines under a "school · dates" header, one a line
    ("Business Administration" behind an icon glyph, then "MBA"). Only a short body of short
    lines qualifies, one of which names a degree; prose never does."""
    lines = [_detab(ln.text) for ln in entry.body]
    if not lines or len(lines) > 3 or any(len(text) > 70 or text.endswith(".") for text in lines):
        return "", area
    for index, text in enumerate(lines):
        if degree_match(text) and not find_date_range(text):
            rest = [t for t in lines[:index] + lines[index + 1 :] if t and not re.search(r"\d", t)]
            return text, area or (rest[0] if len(rest) == 1 and len(rest[0].split()) <= 6 else "")
    return "", area


def _edu_from_fields(f: dict[str, str]) -> tuple[str, str, str]:
    """Markup says which argument is the degree (the entry's title) and which the school."""
    degree, school = f.get("title", ""), f.get("org", "")
    m = re.match(r"^(.{2,40}?)\s+(?:in|of|en)\s+(.+)$", degree)
    if m and degree_match(m.group(1)):
        return m.group(1), m.group(2), school
    return degree, "", school


def _projects(ctx: Context, section: Section) -> None:
    if _one_per_line(section):
        for line in section.lines:
            parts = re.split(r"\s+[–—-]\s+|:\s+|\t", line.text, maxsplit=1)
            desc = parts[1].strip() if len(parts) > 1 else ""
            ctx.cv.projects.append(Project(name=parts[0].strip(), description=desc))
        return
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            name = f.get("title") or f.get("org", "")
            desc = f.get("org", "") if f.get("title") else ""
            start, end = f.get("start", ""), f.get("end", "")
        else:
            hf = header_fields(entry)
            name = hf.pieces[0] if hf.pieces else ""
            desc = " ".join(hf.pieces[1:])
            start, end = hf.start, hf.end
        if not name:
            continue
        urls = [u for ln in entry.head for u in ln.links + contacts.find_urls(ln.text)]
        ctx.cv.projects.append(
            Project(
                name=name,
                description=desc,
                highlights=_bullets(entry),
                startDate=start,
                endDate=end,
                url=contacts.normalise_url(urls[0]) if urls else "",
            )
        )


def _one_per_line(section: Section) -> bool:
    """A plain list of projects: no dates, no bullets, one "Name – what it is" a line."""
    lines = section.lines
    return (
        len(lines) >= 2
        and not any(ln.bullet or ln.entry is not None or find_date_range(ln.text) for ln in lines)
        and all(len(ln.text) < 160 for ln in lines)
    )


def _summary(ctx: Context, section: Section) -> None:
    text = _unwrap(" ".join(ln.text.replace(SEP, " ").replace(SOFT, " ") for ln in section.lines))
    basics = ctx.cv.basics
    basics.summary = (
        (basics.summary + " " + text).strip() if basics.summary and text not in basics.summary else text
    )


def _ignore(ctx: Context, section: Section) -> None:
    return None


_HANDLERS = {
    "summary": _summary,
    "experience": _work,
    "education": _education,
    "skills": lists.skills,
    "projects": _projects,
    "certificates": lists.certificates,
    "languages": lists.languages,
    "awards": lists.awards,
    "publications": lists.publications,
    "volunteer": _volunteer,
    "interests": lists.interests,
    "references": lists.references,
}
