"""Line clean-up before extraction: wrapped bullets joined, hyphenation undone, sections split."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ..document import SEP, SOFT, Line
from .patterns import find_date_range, looks_like_meta
from .sections import display_title, heading_kind, is_heading_line

_SOFT_HYPHEN = ("\ufffe", "\x02", "\u00ad")


@dataclass
class Section:
    kind: str
    title: str
    lines: list[Line] = field(default_factory=list)


def body_font_size(lines: list[Line]) -> float:
    sizes = [ln.size for ln in lines if ln.size > 0 for _ in range(max(1, len(ln.text) // 20))]
    return statistics.median(sizes) if sizes else 0.0


def join_wrapped(lines: list[Line]) -> list[Line]:
    """A bullet's wrapped continuation is one more line in the PDF: glue it back."""
    lines = _join_cell_wraps(lines)
    out: list[Line] = []
    bullet_x: float | None = None
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.bullet and not line.bullet and _continues(prev, line, bullet_x):
            prev.text = _glue_pieces(prev.text, line.text)
            prev.links.extend(line.links)
            continue
        if line.bullet:
            bullet_x = line.x0
        out.append(line)
    return out


_HYPHENS = "".join(_SOFT_HYPHEN)
# A narrow first column hyphenated beside the rest of its row: "Licen­ Universidad de …".
_CELL_BREAK = re.compile(
    rf"^(?P<frag>[^{SEP}{SOFT}{_HYPHENS}]{{1,24}})[{_HYPHENS}][ {SEP}{SOFT}]+(?P<rest>\S.*)$"
)
_LINKING_END = re.compile(r"\s(?:of|in|and|de|des|du|en|del|der|für|und)$", re.I)


def _join_cell_wraps(lines: list[Line]) -> list[Line]:
    """A table's narrow first column (a degree beside its school) wraps with hyphens over the
    next lines: "Licen-" / "ciatu-" / "ra", "Ba-" / "che-" / "lor of" / "Sci-" / "ence". The
    word is put back together at the head of its row; what the other columns printed on
    those lines follows it, cell by cell."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _CELL_BREAK.match(line.text) if line.entry is None and not line.bullet else None
        if m is None:
            out.append(line)
            i += 1
            continue
        word, rest, hyphen = m.group("frag").strip(), [m.group("rest")], True
        j = i + 1
        while j < len(lines) and (hyphen or _LINKING_END.search(word)):
            nxt = lines[j]
            if nxt.page != line.page or abs(nxt.x0 - line.x0) > 1.5 or nxt.entry is not None or nxt.bullet:
                break
            cell, *more = re.split(f"[{SEP}{SOFT}]", nxt.text, maxsplit=1)
            cell_hyphen = cell.rstrip().endswith(_SOFT_HYPHEN)
            cell = cell.rstrip().rstrip(_HYPHENS).strip()
            if not cell or len(cell) > 30:
                break
            word = f"{word}{cell}" if hyphen else f"{word} {cell}"
            rest += [r for r in more if r.strip()]
            hyphen = cell_hyphen
            j += 1
        if j == i + 1:
            out.append(line)
            i += 1
            continue
        line.text = SEP.join([word, *rest])
        out.append(line)
        i = j
    return out


def _continues(prev: Line, line: Line, bullet_x: float | None) -> bool:
    if line.entry is not None or line.heading or line.page != prev.page:
        return False
    first, *meta = line.text.split(SEP)
    if any(not looks_like_meta(m) for m in meta):
        return False
    if heading_kind(first):
        return False
    if line.bold and not prev.bold:
        return False
    if prev.text.endswith(_SOFT_HYPHEN) or prev.text.endswith("-"):
        return True
    if line.x0 and bullet_x is not None:
        # Wrapped text is indented past the bullet glyph; a new entry header is not.
        if line.x0 > bullet_x + 2 and abs(line.size - prev.size) < 0.6:
            return not (find_date_range(line.text) and len(line.text) < 40)
        return False
    return line.text[:1].islower() and not prev.text.rstrip().endswith((".", "!", "?"))


def _glue_pieces(a: str, b: str) -> str:
    """Join the text parts; right-aligned metadata of both lines stays behind separators."""
    a_first, *a_meta = a.split(SEP)
    b_first, *b_meta = b.split(SEP)
    return SEP.join([_glue(a_first, b_first), *a_meta, *b_meta])


def _glue(a: str, b: str) -> str:
    if a.endswith(_SOFT_HYPHEN):
        return a[:-1] + b
    if a.endswith("-") and b[:1].islower() and not a.endswith(" -"):
        return a + b
    return a.rstrip() + " " + b.lstrip()


def clean_text(text: str) -> str:
    # A soft hyphen ending a line broke a word there ("Imple-" / "mented"): keep it as the
    # hyphen the page shows, so prose joined from the lines can rejoin the word. Elsewhere a
    # soft hyphen is invisible.
    stripped = text.rstrip()
    if stripped.endswith(_SOFT_HYPHEN):
        text = stripped[:-1] + "-"
    for ch in _SOFT_HYPHEN:
        text = text.replace(ch, "")
    # Icon-font glyphs (private use area) draw a pin, a phone, a clock: they mark where one
    # field ends and the next starts, and are no part of either.
    text = _ICON.sub(SOFT, text)
    text = re.sub(f"^[{SOFT} ]+|[{SOFT} ]+$", "", text)
    text = re.sub(f" *{SOFT}[{SOFT} ]*", SOFT, text)
    text = _LETTER_SPACED.sub(_unspace, text)
    # "Jul, 2022" and "1 year 1 month" from two runs, printed with no space between them.
    text = re.sub(r"((?:19|20)\d\d)(?=\d{1,2}\s*(?:years?|yrs?|months?|mos?)\b)", rf"\1{SOFT}", text)
    return re.sub(r"[ \u00a0]{2,}", " ", text).strip()


_ICON = re.compile(r"[\ue000-\uf8ff]+")
# Letter-spaced print ("E D U C A T I O N", "S e p t 2 0 1 8"): six or more single
# characters a space apart; word gaps survive as two or more spaces, or are lost.
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\s\t] ){5,}[^\s\t](?!\S)")


def _unspace(m: re.Match[str]) -> str:
    glued = m.group(0).replace(" ", "")
    # A date written this way comes apart again where letters meet digits and at dashes.
    glued = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", glued)
    return re.sub(r"\s*([–—-])\s*", r" \1 ", glued) if re.search(r"\d", glued) else m.group(0)


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
    from .contacts import find_emails, find_phones, find_urls

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
        from ..skills import find_skills
        from .skills_section import SPOKEN_LANGUAGES

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
    from .vocab import degree_match, institution_score

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
        from .vocab import title_score

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
    from ..skills import find_skills
    from .vocab import degree_match, institution_score

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
