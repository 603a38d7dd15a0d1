"""Sections split from a CV's lines: headings found by their words, their look or the
content under them."""

from __future__ import annotations

import re

from ...document import SEP, SOFT, Line
from ..patterns import find_date_range
from ..sections import display_title, heading_kind, is_heading_line
from .base import Section, body_font_size


def split_sections(
    lines: list[Line], *, strict: bool = False, name_line: Line | None = None
) -> tuple[list[Line], list[Section]]:
    """(header lines before the first heading, sections in order).

    ``strict``: the markup marks every heading (LaTeX \\section), so a line that merely reads
    like one ("Detailed achievements:") is content.
    """
    body = body_font_size(lines)
    styles = set() if strict else _heading_styles(lines, body)
    header, sections = _split(lines, body, strict, name_line, styles)
    if not strict and not any(sec.kind not in ("other", "contact") for sec in sections):
        # No heading we know by name: take the look that short standalone lines share, and
        # tell what each section holds by its content.
        guessed = _guess_heading_style(lines, body, name_line)
        if guessed is not None:
            header, sections = _split(lines, body, strict, name_line, {guessed})
            for sec in sections:
                if sec.kind == "other":
                    sec.kind = _kind_by_content(sec.lines)
    for sec in sections:
        sec.kind = _named_kind_by_content(sec)
    return header, sections


def _named_kind_by_content(sec: Section) -> str:
    """A heading's name overruled by what the section plainly holds: a theme's "About" over
    the person's e-mail, phone and place is their contact block; a "Languages" group of
    programming languages is skills, not spoken languages."""
    from ..contacts import find_emails, find_phones, find_urls

    lines = sec.lines
    if sec.kind == "summary" and 2 <= len(lines) <= 10:
        short = all(len(ln.text) <= 60 and len(ln.text.split()) <= 6 for ln in lines)
        reached = sum(
            bool("@" in ln.text or find_emails(ln.text) or find_phones(ln.text) or find_urls(ln.text))
            for ln in lines
        )
        if short and reached >= 2:
            return "contact"
    if sec.kind == "languages" and lines:
        from ...skills import find_skills
        from ..skills_section import SPOKEN_LANGUAGES

        words = {w.casefold() for ln in lines for w in re.findall(r"[^\W\d_]+", ln.text)}
        if not words & SPOKEN_LANGUAGES and len(find_skills(" ".join(ln.text for ln in lines))) >= 2:
            return "skills"
    return sec.kind


def _split(
    lines: list[Line], body: float, strict: bool, name_line: Line | None, styles: set[tuple]
) -> tuple[list[Line], list[Section]]:
    header: list[Line] = []
    sections: list[Section] = []
    standing_out = 0 if strict else len(_standout_headings(lines, body))
    # Markup headings (Markdown #, Word styles) that name no known section are sections only at
    # the level of the known ones: "### Engineer — Shopify" under "## Experience" is an entry.
    known_sizes = [ln.size for ln in lines if ln.heading and ln.size and heading_kind(ln.text)]
    level = min(known_sizes) if known_sizes else 0.0
    last_entries: Section | None = None  # the latest experience/education/... section
    entry_looks: dict[int, set[tuple]] = {}  # id(section) -> looks of its entry headers
    for i, line in enumerate(lines):
        if sections and sections[-1].kind in _ENTRY_KINDS:
            last_entries = sections[-1]
        if _continues_on_new_page(lines, i, sections, last_entries):
            # Page 2 carries on the main column's section, not the sidebar's last one.
            sections.append(Section(kind=last_entries.kind, title=last_entries.title))
        if line is name_line and sections:
            # The name below a sidebar's sections opens the person's own header block.
            sections.append(Section(kind="contact", title="", lines=[line]))
            continue
        kind, rest = _heading_of(line, body) if not strict or line.heading else (None, None)
        if kind and rest is None and standing_out >= 3 and _body_like(line, body):
            kind = None  # "Detailed achievements:" in body print, where real headings stand out
        if (
            kind is None
            and styles
            and _style(line) in styles
            and _heading_shaped(line)
            and line is not name_line
        ):
            kind = "other"  # styled like the recognised headings: a section we have no name for
        if (
            kind == "other"
            and line.heading
            and ((level and line.size and line.size < level - 0.1) or (not sections and i < 3))
        ):
            kind = None  # a deeper markup heading, or the name at the top
        if (
            kind == "other"
            and sections
            and sections[-1].kind in _ENTRY_KINDS
            and (
                _opens_entry(lines, i, sections[-1].kind)
                or (_style(line) in entry_looks.get(id(sections[-1]), ()) and _bullets_follow(lines, i))
            )
        ):
            # A theme printing each employer or school in the sections' own heading style
            # ("Experience" / "Acme Corp" / "2019 – 2021"): an entry of the section, not a new
            # one; and so is an undated one printed in the same look as the dated ones before it.
            entry_looks.setdefault(id(sections[-1]), set()).add(_style(line))
            kind = None
        if kind:
            title = display_title(re.split(f"[{SEP}{SOFT}]", line.text)[0]).rstrip(":")
            sections.append(Section(kind=kind, title=title))
            if rest:
                sections[-1].lines.append(rest)
            continue
        (sections[-1].lines if sections else header).append(line)
    return header, sections


_ENTRY_KINDS = ("experience", "education", "projects", "volunteer")
_SIDEBAR_KINDS = ("skills", "languages", "contact", "interests", "certificates")


def _opens_entry(lines: list[Line], i: int, kind: str) -> bool:
    """Whether an unnamed heading at ``lines[i]`` reads as the header of an entry of ``kind``:
    a date range on it or on the next few lines (before any named heading), or, under
    education, a degree or a school on it or the line after."""
    from ..vocab import degree_match, institution_score

    ahead = [lines[i]]
    for ln in lines[i + 1 : i + 4]:
        if heading_kind(ln.text):
            break
        ahead.append(ln)
    if any(find_date_range(ln.text) for ln in ahead):
        return True
    if kind == "education":
        return any(degree_match(ln.text) or institution_score(ln.text) > 0 for ln in ahead[:2])
    if kind == "experience" and len(ahead) >= 3:
        # An undated job: the employer, a job title, then its bullets.
        from ..vocab import title_score

        title, first = ahead[1], ahead[2]
        return not title.bullet and first.bullet and len(title.text) <= 60 and title_score(title.text) > 0
    return False


def _bullets_follow(lines: list[Line], i: int) -> bool:
    """Bullet points within the next few lines, before any named heading: an entry's body."""
    for ln in lines[i + 1 : i + 5]:
        if heading_kind(ln.text):
            return False
        if ln.bullet:
            return True
    return False


def _continues_on_new_page(lines: list[Line], i: int, sections: list[Section], last: Section | None) -> bool:
    line = lines[i]
    if i == 0 or last is None or not sections or line.page == lines[i - 1].page:
        return False
    # Only a sidebar's kind of section (read after the main column) hands back to the main flow.
    if sections[-1].kind not in _SIDEBAR_KINDS or heading_kind(line.text):
        return False
    head = [ln for ln in lines[i : i + 3] if ln.page == line.page]
    return any(find_date_range(ln.text) for ln in head)


def _guess_heading_style(lines: list[Line], body: float, name_line: Line | None) -> tuple | None:
    counts: dict[tuple, int] = {}
    for ln in lines:
        if ln is name_line or not _heading_shaped(ln) or find_date_range(ln.text):
            continue
        text = ln.text.strip()
        if (
            (ln.size and ln.size > body + 0.5)
            or ln.bold
            or (text.isupper() and len(text) > 3)
            or text.endswith(":")
        ):
            counts[_style(ln)] = counts.get(_style(ln), 0) + 1
    if not counts:
        return None
    style, n = max(counts.items(), key=lambda kv: kv[1])
    return style if n >= 3 else None


def _kind_by_content(lines: list[Line]) -> str:
    from ...skills import find_skills
    from ..vocab import degree_match, institution_score

    if not lines:
        return "other"
    dated = sum(1 for ln in lines if find_date_range(ln.text))
    schooling = sum(1 for ln in lines if degree_match(ln.text) or institution_score(ln.text) > 0)
    if dated:
        return "education" if schooling >= max(1, dated / 2) else "experience"
    text = " ".join(ln.text for ln in lines)
    listy = sum(1 for ln in lines if ln.text.count(",") >= 2 or len(ln.text.split()) <= 3)
    if listy >= 0.6 * len(lines) and len(find_skills(text)) >= 2:
        return "skills"
    return "other"


def _style(line: Line) -> tuple[float, bool, bool, int]:
    text = line.text.replace(SEP, " ")
    return (round(line.size * 2) / 2, line.bold, text.isupper(), round(line.x0 / 4))


def _heading_styles(lines: list[Line], body: float) -> set[tuple]:
    """The look (size, weight, case, indent) most recognised headings share, when distinctive."""
    counts: dict[tuple, int] = {}
    for ln in lines:
        if ln.size and is_heading_line(ln, body):
            counts[_style(ln)] = counts.get(_style(ln), 0) + 1
    if not counts:
        return set()
    style, n = max(counts.items(), key=lambda kv: kv[1])
    distinctive = style[0] > body + 0.5 or style[1] or style[2]
    return {style} if n >= 2 and distinctive else set()


def _body_like(line: Line, body: float) -> bool:
    return bool(line.size) and line.size <= body + 0.5 and not line.bold and not line.text.isupper()


def _standout_headings(lines: list[Line], body: float) -> list[Line]:
    """Recognised headings printed bigger, bolder or in capitals than body text."""
    return [ln for ln in lines if ln.size and not _body_like(ln, body) and is_heading_line(ln, body)]


def _heading_shaped(line: Line) -> bool:
    text = line.text.replace(SEP, " ").strip()
    return (
        not line.bullet
        and 1 <= len(text.split()) <= 5
        and not re.search(r"\d{4}|@|https?:", text)
        and not text.endswith((".", ","))
        and find_date_range(text) is None
    )


def _heading_of(line: Line, body: float) -> tuple[str | None, Line | None]:
    kind = is_heading_line(line, body)
    if kind:
        return kind, None
    if (SEP in line.text or SOFT in line.text) and not line.bullet:
        # A table row "SKILLS | Python, Java" or a margin heading beside its first line.
        first, rest = re.split(f"[{SEP}{SOFT}]", line.text, maxsplit=1)
        kind = heading_kind(first)
        if kind and rest.strip() and (line.heading or first.strip().isupper() or line.bold or line.size):
            return kind, Line(text=rest.strip(), page=line.page, size=line.size, x0=line.x0, links=line.links)
    return None, None
