"""Entry segmentation (jobs, degrees, projects) and the split of an entry header into fields.

An entry is one or more header lines (title, organisation, dates, place) followed by bullets or
description. Dates anchor the split: a header line after body text, or a second date range,
starts the next entry. Inside the header, wide gaps, table cells and separators (" | ", " — ",
", ", " at ") give the pieces; the date range and the place are recognised by pattern and the
rest is told apart by vocabulary (job-title words vs organisation words, degree vs school).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import SEP, Line
from .patterns import DATE_AT_START, DURATION, PRESENT, find_date_range, looks_like_location, normalize_date
from .places import split_location_tail
from .vocab import degree_match, institution_score, org_score, title_score

_PIECE_SPLIT = re.compile(r"\s*(?:\t|\u2002|\s\|\s|\s[—–]\s|\s·\s|\s•\s|\s⋄\s|\s∙\s|\s-\s)\s*")
_AT = re.compile(r"\s+(?:at|@|chez|bei|en)\s+", re.I)


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
    words = text.split()
    if len(text) > 110:
        return True
    if len(words) < 8:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return (
        lower >= 0.4 * len(words) or text.rstrip().endswith(".") or bool(re.search(r"[a-z]\.\s+[A-Z]", text))
    )


def segment(lines: list[Line]) -> list[Entry]:
    entries: list[Entry] = []
    cur: Entry | None = None
    for line in lines:
        if line.entry is not None:
            cur = Entry(fields=dict(line.entry), head=[line])
            entries.append(cur)
            continue
        if line.bullet or _is_description(line):
            if cur is None:
                cur = Entry()
                entries.append(cur)
            cur.body.append(line)
            continue
        has_date = find_date_range(line.text) is not None
        if cur is not None and cur.fields is None and not has_date and _reads_as_body(cur, line):
            cur.body.append(line)
            continue
        if cur is None or _starts_new(cur, line, has_date):
            cur = Entry(head=[*_carry_over(cur, has_date), line])
            entries.append(cur)
        else:
            cur.head.append(line)
    return [e for e in entries if e.head or e.fields]


def _reads_as_body(cur: Entry, line: Line) -> bool:
    if cur.body and line.text[:1].islower():
        return True  # a wrapped description line
    first = cur.head[0] if cur.head else None
    if first is not None and first.x0 and line.x0 > first.x0 + 8 and find_date_range(first.text) is not None:
        return True  # indented under a dated header: bullets drawn as graphics, not glyphs
    # Once the header has its date and its names, smaller print is the description under it.
    if not (first and first.size and line.size and line.size < first.size - 0.4 and not line.bold):
        return False
    hf = header_fields(Entry(head=cur.head))
    return bool(hf.start) and len(hf.pieces) >= 2


def _carry_over(cur: Entry | None, has_date: bool) -> list[Line]:
    """Header lines that belong to the next entry after all.

    With no bullets between entries ("School / Degree  2018–2021 / School / Degree  2014–2018"),
    the second date shows where the next entry is, and the entry's first date line tells how
    many header lines come before the date: the same number moves over.
    """
    if cur is None or cur.body or cur.fields is not None or not has_date:
        return []
    dated = [i for i, h in enumerate(cur.head) if find_date_range(h.text)]
    if not dated:
        return []
    before = dated[0]
    spare = len(cur.head) - (dated[-1] + 1)
    take = min(before, spare)
    if take <= 0:
        return []
    moved = cur.head[-take:]
    del cur.head[-take:]
    return moved


def _starts_new(cur: Entry, line: Line, has_date: bool) -> bool:
    if cur.fields is not None:
        # After a LaTeX entry, plain lines are its description.
        return False
    if cur.body:
        # Body text then a short line: a wrapped line starting lowercase continues the body.
        return not (line.text[:1].islower() and not has_date)
    head_dates = sum(find_date_range(h.text) is not None for h in cur.head)
    first = cur.head[0] if cur.head else None
    if first is not None and first.size and head_dates and len(cur.head) >= 2 and _same_look(first, line):
        return True  # the header pattern starts again: "Title (12pt) / Company / Date" repeats
    if has_date and head_dates:
        return True  # a second dated line: the next entry (a bare date or a full header)
    return len(cur.head) >= 4


def _same_look(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < 0.3 and a.bold == b.bold and abs(a.x0 - b.x0) < 4


@dataclass
class HeaderFields:
    start: str = ""
    end: str = ""
    location: str = ""
    pieces: list[str] = field(default_factory=list)
    open_end: bool = False  # "Jan 2020 –" with no end printed on that line


def header_fields(entry: Entry) -> HeaderFields:
    out = HeaderFields()
    for line in entry.head:
        for seg in line.text.split(SEP):
            _header_segment(seg, out, keep=True)
    _drop_group_label(entry, out)
    # Right-aligned dates and places often share a row with the first bullets.
    for line in entry.body:
        for seg in line.text.split(SEP)[1:]:
            _header_segment(seg, out, keep=False)
    if out.open_end:
        _dangling_end(entry, out)
    return out


def _header_segment(seg: str, out: HeaderFields, *, keep: bool) -> None:
    rest = DURATION.sub("", _take_dates(seg, out))
    for piece in _PIECE_SPLIT.split(rest):
        piece = _trim(piece)
        label, value = _field_label(piece)
        if label == "location" and value:
            out.location = out.location or value
            continue
        piece = value if label else piece
        if not piece:
            continue
        if looks_like_location(piece) and not _org_like(piece):
            out.location = out.location or piece
            continue
        if not keep:
            continue
        parts = split_commas(piece)
        if len(parts) > 1:
            parts, place = split_location_tail(parts)
            out.location = out.location or place
        # Commas stay inside a piece ("Finance Manager, FP&A"); the title/organisation and
        # degree/school splitters break them when a piece is all there is.
        if parts:
            out.pieces.append(", ".join(parts))


_FIELD_LABELS = {
    "date": "date",
    "dates": "date",
    "period": "date",
    "duration": "date",
    "when": "date",
    "dauer": "date",
    "zeitraum": "date",
    "location": "location",
    "place": "location",
    "city": "location",
    "where": "location",
    "ort": "location",
    "lieu": "location",
    "company": "org",
    "employer": "org",
    "organization": "org",
    "organisation": "org",
    "client": "org",
    "position": "title",
    "role": "title",
    "title": "title",
    "job title": "title",
    "institution": "org",
    "school": "org",
    "university": "org",
    "degree": "title",
}
_LABEL_RE = re.compile(r"^([A-Za-z][A-Za-z ]{1,14})\s*:\s*(.*)$")


def _field_label(piece: str) -> tuple[str | None, str]:
    """ "Location: Berlin" -> ("location", "Berlin"); a bare "Date:" left after the date -> ("date", "")."""
    m = _LABEL_RE.match(piece)
    if m and m.group(1).strip().lower() in _FIELD_LABELS:
        return _FIELD_LABELS[m.group(1).strip().lower()], m.group(2).strip()
    if piece.lower().rstrip(":") in _FIELD_LABELS and (
        piece.endswith(":") or piece.lower() in ("date", "dates")
    ):
        return _FIELD_LABELS[piece.lower().rstrip(":")], ""
    return None, piece


def _trim(piece: str) -> str:
    piece = piece.strip(" ,;|()–—-")
    # A sentence-final full stop ("City.") goes; one that ends an abbreviation ("Inc.") stays.
    if piece.endswith(".") and not re.search(r"\b(?:[A-Z]|Inc|Ltd|Co|Corp|Jr|Sr|St)\.$", piece):
        piece = piece[:-1]
    return piece


def _drop_group_label(entry: Entry, out: HeaderFields) -> None:
    """ "Freelance" above "2019–2021 Developer, Acme, Berlin": a group label, not part of the entry.

    Only when the dated line names both sides on its own and the label carries no title,
    organisation or degree word.
    """
    if len(entry.head) < 2 or find_date_range(entry.head[0].text) or not find_date_range(entry.head[1].text):
        return
    first = entry.head[0].text.strip()
    if SEP in first or len(first.split()) > 3 or not out.pieces or out.pieces[0] != first:
        return
    if title_score(first) or org_score(first) >= 1 or institution_score(first) or degree_match(first):
        return
    if len(out.pieces) >= 3:
        out.pieces.pop(0)


def split_commas(text: str) -> list[str]:
    """Comma-separated parts, not splitting inside parentheses: "Engineer (Web, Mobile), Acme"."""
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}" and depth > 0
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return [p for p in parts if p]


def _dangling_end(entry: Entry, out: HeaderFields) -> None:
    """A date column too narrow for "June 2022 – Present" wraps the end onto the next line."""
    lines = entry.head + entry.body
    dated = next((i for i, ln in enumerate(lines) if find_date_range(ln.text)), None)
    if dated is None or dated + 1 >= len(lines):
        return
    nxt = lines[dated + 1]
    if m := DATE_AT_START.match(nxt.text):
        out.end = normalize_date(m.group(0))
        nxt.text = nxt.text[m.end() :].strip()


def _org_like(text: str) -> bool:
    return org_score(text) >= 1 or institution_score(text) > 0


def _take_dates(piece: str, out: HeaderFields) -> str:
    found = find_date_range(piece)
    if not found:
        return piece
    start, end, (a, b) = found
    if not out.start:
        out.start, out.end = start, end
        out.open_end = end == "present" and not re.search(PRESENT, piece[a:b], re.I)
    rest = (piece[:a] + " " + piece[b:]).strip()
    # "Jan 2020 - Mar 2021 (1 year)" or "2019 – 2021, London"
    return re.sub(r"^[,;:|()\s]+|[,;:|(\s]+$", "", rest)


def split_title_org(pieces: list[str]) -> tuple[str, str]:
    """(title, organisation) from the free pieces of a job header.

    Each piece leans towards "title" or "organisation" by its words; the pair with the
    clearest contrast wins. With no hint at all, the common order (title, then employer) holds.
    """
    pieces = [p for p in pieces if p]
    if not pieces:
        return "", ""
    if len(pieces) == 1:
        pieces = _split_one(pieces[0])
        if len(pieces) == 1:
            return (pieces[0], "") if title_score(pieces[0]) >= org_score(pieces[0]) else ("", pieces[0])
    pieces = [q for p in pieces for q in _split_mixed(p)]
    lean = [_lean(p) for p in pieces]
    pairs = [(i, j) for i in range(len(pieces)) for j in range(len(pieces)) if i != j]
    i, j = max(pairs, key=lambda p: (lean[p[0]] - lean[p[1]], p[0] < p[1], -p[0], -p[1]))
    return pieces[i], pieces[j]


def _lean(text: str) -> float:
    return title_score(text) - org_score(text)


def _split_mixed(piece: str) -> list[str]:
    """ "Job title, Employer" holds both sides; "Finance Manager, FP&A" is one title."""
    parts = split_commas(piece)
    if len(parts) > 1:
        leans = [_lean(p) for p in parts]
        if max(leans) > 0 > min(leans):
            return parts
    return [piece]


def _split_one(text: str) -> list[str]:
    if m := _AT.search(text):
        return [text[: m.start()], text[m.end() :]]
    return split_commas(text)


def split_degree_school(pieces: list[str]) -> tuple[str, str, str]:
    """(degree, area, institution) from the free pieces of an education header."""
    pieces = [p for piece in pieces for p in split_commas(piece)]
    if not pieces:
        return "", "", ""
    expanded: list[str] = []
    for p in pieces:
        # "PhD Princeton University, Computer Science": degree word glued to the school.
        m = degree_match(p)
        if m and m.start() == 0 and institution_score(p[m.end() :]) > 0:
            expanded += [p[: m.end()].strip(), *[x.strip() for x in p[m.end() :].split(",", 1)]]
        elif institution_score(p) > 0 and "," in p and not degree_match(p):
            head, tail = p.split(",", 1)
            expanded += [head.strip(), tail.strip()] if institution_score(head) > 0 else [p]
        else:
            expanded.append(p)
    pieces = _rejoin_school_city([p for p in expanded if p])
    school_i = max(
        range(len(pieces)), key=lambda i: (institution_score(pieces[i]), -bool(degree_match(pieces[i])), -i)
    )
    if institution_score(pieces[school_i]) == 0:
        # No school word: the piece that is neither a degree, a field of study nor a grade.
        others = [i for i, p in enumerate(pieces) if not degree_match(p) and not _GRADE.search(p)]
        plain = [i for i in others if not _ACADEMIC.search(pieces[i])]
        school_i = (plain or others or [-1])[0]
    school = pieces[school_i] if school_i >= 0 else ""
    rest = [p for i, p in enumerate(pieces) if i != school_i and not _GRADE.search(p)]
    degree, area = "", ""
    for p in rest:
        m = degree_match(p)
        if m and not degree:
            degree, area_part = _degree_area(p, m)
            area = area or area_part
        elif not area:
            area = p
    if not degree and rest and not area:
        area = rest[0]
    return degree, area, school


_GRADE = re.compile(r"\b(?:c?gpa|grade|score|note|mention|honou?rs?|percentage)\b|\d[.,]\d+\s*/\s*\d", re.I)
_ACADEMIC = re.compile(
    r"scien|engineer|stud|math|physic|chemi|biolog|econom|business|manage|arts?\b|design|law|medic|admin"
    r"|technolog|informati|comput|statist|financ|market|psycholog|histor|philosoph|literat|educat|communic"
    r"|architect|account|major|minor|honou?rs|gpa",
    re.I,
)


def _rejoin_school_city(pieces: list[str]) -> list[str]:
    """ "University of California, Berkeley": the campus after a school name stays with it."""
    out: list[str] = []
    for i, p in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        if (
            out
            and institution_score(out[-1]) > 0
            and "," not in out[-1]
            and (not nxt or degree_match(nxt) or _ACADEMIC.search(nxt))
            and not degree_match(p)
            and not _ACADEMIC.search(p)
            and 1 <= len(p.split()) <= 2
            and all(w[:1].isupper() for w in p.split())
        ):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


def _degree_area(text: str, m: re.Match[str]) -> tuple[str, str]:
    # "B.S. in Computer Science", "Master of Science in Data Science", "MSc, Physics", "BSc Maths"
    degree = text[m.start() : m.end()].strip()
    tail = text[m.end() :].strip()
    # "(Hons)", "(M.Sc.)": a qualifier or the abbreviation belongs to the degree.
    qualifier = re.match(
        r"^\((?:hons?|honou?rs|with honou?rs|(?:summa |magna )?cum laude|[A-Za-z. ]{2,10})\)", tail, re.I
    )
    if qualifier:
        degree, tail = f"{degree} {qualifier.group(0)}", tail[qualifier.end() :].strip()
    tail = re.sub(r"^(?:in the field of|in|en|im|of|,|:|-|–)\s+|^[,:(-]\s*", "", tail, flags=re.I)
    prefix = text[: m.start()].strip(" ,-–")
    if not tail.strip(" ,()") and prefix:
        return degree, prefix  # "Computer Science BSc", "计算机科学 硕士": the field comes first
    return degree, tail.strip(" ,()")
