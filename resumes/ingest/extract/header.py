"""An entry header split into fields: dates, place, and the free pieces left for ``pieces``.

Inside the header, wide gaps, table cells and separators (" | ", " — ", " - ") give the
pieces; labels ("Location: Berlin"), the date range and the place are recognised by pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import SEP
from .patterns import DATE_AT_START, DURATION, PRESENT, find_date_range, looks_like_location, normalize_date
from .places import split_location_tail
from .vocab import degree_match, institution_score, org_score, title_score

if TYPE_CHECKING:
    from .entries import Entry

_PIECE_SPLIT = re.compile(r"\s*(?:\t|\u2002|\s\|\s|\s[—–]\s|\s·\s|\s•\s|\s⋄\s|\s∙\s|\s-\s)\s*")


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
    out.pieces = _named_by_link(out.pieces)
    return out


_SITE = re.compile(r"^https?://(?:www\.)?([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})/?$", re.I)


def _squashed(text: str) -> str:
    return re.sub(r"[^\w]", "", text.lower())


def _named_by_link(pieces: list[str]) -> list[str]:
    """An employer's website printed beside its name ("fernhill.tech" / "https://fernhill.tech")
    is not a piece of its own; an employer printed only as its link is named by the host
    ("https://corvid.dev" -> "corvid.dev")."""
    names = [_squashed(p) for p in pieces if not _SITE.match(p)]
    kept = []
    for piece in pieces:
        if not (m := _SITE.match(piece)):
            kept.append(piece)
            continue
        host = m.group(1)
        stem = _squashed(host.rsplit(".", 1)[0])
        if not any(_squashed(host) == n or (len(stem) >= 4 and stem in n) for n in names):
            kept.append(host)
    return kept


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
    return re.sub(r"^[,;:|()·•\s]+|[,;:|(·•\s]+$", "", rest)
