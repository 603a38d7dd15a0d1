"""Entry segmentation: a section's lines grouped into jobs, degrees, projects.

An entry is one or more header lines (title, organisation, dates, place) followed by bullets or
description. Dates anchor the split: a header line after body text, or a second date range,
starts the next entry. ``header`` reads an entry's header into fields, ``pieces`` tells its
free pieces apart.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..document import SEP, SOFT, Line
from .header import header_fields
from .patterns import PRESENT, find_date_range, looks_like_location


@dataclass
class Entry:
    head: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)  # bullets and description lines
    fields: dict[str, str] | None = None  # from markup (LaTeX)

    @property
    def first_line(self) -> Line | None:
        return self.head[0] if self.head else (self.body[0] if self.body else None)


def _is_description(line: Line) -> bool:
    """Prose, not an entry header: long, or sentence-like (many lowercase words, full stops)."""
    text = line.text.split(SEP)[0]
    if len(text) > 110:
        return True
    if found := find_date_range(text):
        # "sept. 2013 – juin 2017 Université de Genève, Master in …": the dates' lower-case
        # month words say nothing about whether the rest is prose.
        a, b = found[2]
        text = f"{text[:a]} {text[b:]}"
    words = text.split()
    if len(words) < 8:
        return False
    # Linking words are lower case in names too ("Université de Genève", "Master of Science").
    lower = sum(1 for w in words if w[:1].islower() and w not in _LINKING)
    return (
        lower >= 0.4 * len(words) or text.rstrip().endswith(".") or bool(re.search(r"[a-z]\.\s+[A-Z]", text))
    )


_LINKING = frozenset("of de des du la le les et en del y e di da der die das und für im am van von".split())


# A theme's label above an entry's bullets ("Highlights", "Key achievements"): no field.
_BODY_LABEL = re.compile(
    r"^(?:highlights|key (?:achievements|accomplishments)|achievements|responsibilities|tasks"
    r"|réalisations|missions|aufgaben|erfolge|logros|funciones)\s*:?$",
    re.I,
)


def segment(lines: list[Line]) -> list[Entry]:
    entries: list[Entry] = []
    cur: Entry | None = None
    labelled = False  # a "Highlights" label was just read: what is indented below it is body
    for line in lines:
        if _BODY_LABEL.match(line.text.strip()) and line.entry is None:
            labelled = cur is not None and cur.fields is None
            continue
        if labelled and cur is not None and cur.head and line.x0 > max(h.x0 for h in cur.head) + 8:
            cur.body.append(line)  # bullets drawn as graphics under the label
            continue
        labelled = False
        if line.entry is not None:
            cur = Entry(fields=dict(line.entry), head=[line])
            entries.append(cur)
            continue
        if line.bullet and cur is not None and cur.fields is None and _PRESENT_ONLY.match(line.text):
            continue  # "• Present": a theme's open end of dates it has no start for
        if line.bullet or _is_description(line):
            if cur is None:
                cur = Entry()
                entries.append(cur)
            cur.body.append(line)
            continue
        has_date = find_date_range(line.text) is not None
        if has_date and cur is not None and not cur.body and cur.fields is None and _bare_dates(cur, line):
            # "2017" above "2021": a range printed one date a line, start first.
            cur.head[-1].text = f"{cur.head[-1].text.strip()} – {line.text.strip()}"
            continue
        if cur is not None and cur.fields is None and not has_date and _reads_as_body(cur, line):
            cur.body.append(line)
            continue
        if cur is None or _starts_new(cur, line, has_date):
            cur = Entry(head=[*_carry_over(cur, has_date, entries[-2] if len(entries) > 1 else None), line])
            entries.append(cur)
        else:
            cur.head.append(line)
    return [e for e in entries if e.head or e.fields]


_PRESENT_ONLY = re.compile(rf"^[\s–—-]*{PRESENT}[\s.]*$", re.I)


def _unlike_body(cur: Entry, line: Line) -> bool:
    """Printed unlike the body above it: a lower-case employer ("tidewell.io") in a heading
    style or bold, not a wrapped description line."""
    last = cur.body[-1] if cur.body else None
    return last is not None and ((line.heading and not last.heading) or (line.bold and not last.bold))


def _outdented(cur: Entry, line: Line) -> bool:
    """Back at the header's margin, left of the body printed under it: a new header."""
    xs = [b.x0 for b in cur.body if b.x0]
    return bool(line.x0 and xs and line.x0 < min(xs) - 4 and cur.head and line.x0 <= cur.head[0].x0 + 2)


def _bare_date(text: str) -> bool:
    found = find_date_range(text)
    return found is not None and not found[1] and found[2] == (0, len(text.strip()))


def _bare_dates(cur: Entry, line: Line) -> bool:
    last = cur.head[-1] if cur.head else None
    return (
        last is not None
        and _bare_date(last.text)
        and _bare_date(line.text)
        and not any(find_date_range(h.text) for h in cur.head[:-1])
        and abs(last.x0 - line.x0) < 2
    )


def _reads_as_body(cur: Entry, line: Line) -> bool:
    if cur.body and line.text[:1].islower() and not _outdented(cur, line) and not _unlike_body(cur, line):
        return True  # a wrapped description line
    first = cur.head[0] if cur.head else None
    if (
        first is not None
        and first.x0
        and line.x0 > max(h.x0 for h in cur.head) + 8
        and any(find_date_range(h.text) is not None for h in cur.head)
    ):
        return True  # indented under a dated header: bullets drawn as graphics, not glyphs
    # Once the header has its date and its names, smaller print is the description under it.
    if not (first and first.size and line.size and line.size < first.size - 0.4 and not line.bold):
        return False
    hf = header_fields(Entry(head=cur.head))
    return bool(hf.start) and len(hf.pieces) >= 2


def _carry_over(cur: Entry | None, has_date: bool, before_cur: Entry | None = None) -> list[Line]:
    """Header lines that belong to the next entry after all.

    With no bullets between entries ("School / Degree  2018–2021 / School / Degree  2014–2018"),
    the second date shows where the next entry is, and the entry's first date line tells how
    many header lines come before the date: the same number moves over, less the lines the
    entry before printed after its date ("Org / Place / Dates / *Title*"), which this one has too.
    """
    if cur is None or cur.body or cur.fields is not None or not has_date:
        return []
    dated = [i for i, h in enumerate(cur.head) if find_date_range(h.text)]
    if not dated:
        return []
    before = dated[0]
    spare = len(cur.head) - (dated[-1] + 1)
    take = min(before, spare - _lines_after_date(before_cur))
    if before == 0 and spare and _complete_row(cur.head[0]):
        # A table row holding the whole entry ("Degree | School, Field | Place | 2015 – 2019"):
        # the rows after it, bar a place, are the next entry's, whose date comes below them.
        take = sum(1 for _ in itertools.takewhile(_names_row, reversed(cur.head[dated[-1] + 1 :])))
    if take <= 0:
        return []
    moved = cur.head[-take:]
    del cur.head[-take:]
    return moved


def _lines_after_date(entry: Entry | None) -> int:
    """How many header lines an entry printed after its date (0 when it tells nothing)."""
    if entry is None or entry.fields is not None:
        return 0
    dated = [i for i, h in enumerate(entry.head) if find_date_range(h.text)]
    return len(entry.head) - dated[-1] - 1 if len(dated) == 1 else 0


_NAME_SPLIT = re.compile(rf"\s+[—–|-]\s+|,\s+|[{SEP}{SOFT}]")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.I)


def _names(line: Line) -> tuple[bool, bool]:
    """(holds a job title, holds an employer) by the words of the line's pieces, dates aside."""
    from .vocab import org_score, title_score

    text = line.text
    if found := find_date_range(text):
        a, b = found[2]
        text = f"{text[:a]}{SEP}{text[b:]}"
    has_title = has_org = False
    for piece in _NAME_SPLIT.split(text):
        piece = piece.strip()
        if not piece or len(piece) > 60:
            continue
        lean = title_score(piece) - org_score(piece)
        has_title = has_title or lean > 0
        has_org = has_org or lean < 0 or bool(_DOMAIN.match(piece))
    return has_title, has_org


def _names_complete(head: list[Line]) -> bool:
    found = [_names(h) for h in head]
    return any(t for t, _ in found) and any(o for _, o in found)


def _complete_row(line: Line) -> bool:
    """Dates and at least two other cells on one line."""
    found = find_date_range(line.text)
    if found is None:
        return False
    a, b = found[2]
    cells = [c for c in re.split(f"[{SEP}{SOFT}]", line.text[:a] + line.text[b:]) if c.strip(" –-|,")]
    return len(cells) >= 2


def _names_row(line: Line) -> bool:
    return len(line.text) > 12 and not looks_like_location(line.text.replace(SEP, ", "))


def _starts_new(cur: Entry, line: Line, has_date: bool) -> bool:
    if cur.fields is not None:
        # After a LaTeX entry, plain lines are its description.
        return False
    if cur.body:
        # Body text then a short line: a wrapped line starting lowercase continues the body.
        return (
            not (line.text[:1].islower() and not has_date) or _outdented(cur, line) or _unlike_body(cur, line)
        )
    if _names_complete(cur.head) and _names(line)[0]:
        # The header already has its title and employer; another title opens the next entry
        # (an undated job with no bullets: "quanta-forge.com — 产品经理" / "上海… — 后端开发工程师").
        return True
    head_dates = sum(find_date_range(h.text) is not None for h in cur.head)
    first = cur.head[0] if cur.head else None
    if (
        first is not None
        and first.size
        and head_dates
        and len(cur.head) >= 2
        and _same_look(first, line)
        and not all(_same_look(first, h) for h in cur.head[1:])
        and (has_date or find_date_range(first.text) is None)  # a pattern led by dates repeats with one
    ):
        # The header pattern starts again: "Title (12pt) / Company / Date" repeats. Where every
        # line looks the same (a Word document in one style) the look tells nothing.
        return True
    if has_date and head_dates:
        return True  # a second dated line: the next entry (a bare date or a full header)
    if head_dates and len(cur.head) >= 4:
        # "School / Degree / 2018 to 2021 / School / Degree": lines after the date, fewer than
        # came before it, may be the next entry's header; its date will tell (``_carry_over``).
        dated = next(i for i, h in enumerate(cur.head) if find_date_range(h.text))
        if dated == 0:  # dates first, then the names, a line each (some wrapped)
            return len(cur.head) >= 6
        return len(cur.head) - dated - 1 >= dated
    return len(cur.head) >= 4


def _same_look(a: Line, b: Line) -> bool:
    return (
        abs(a.size - b.size) < 0.3 and a.bold == b.bold and a.heading == b.heading and abs(a.x0 - b.x0) < 1.2
    )
