"""Reading order from glyph boxes: runs -> column gutters -> lines.

PDF coordinates grow upwards; every "top" here is the larger y. The rules are geometric and
general: a run is glyphs on one baseline with no wide gap; a gutter is a vertical strip that
no short run crosses; a gutter splits the page into columns unless the narrower side only
holds dates/locations aligned with the other side's rows (a date column belongs to its row).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from ..document import SEP, SOFT, Line
from ..extract.patterns import BULLET_CHARS, PAGE_NUMBER_LINE, looks_like_meta
from ..extract.sections import heading_kind


class Glyph(NamedTuple):
    ch: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool
    space: bool  # the content stream had whitespace before this glyph


class Run:
    __slots__ = (
        "_text",
        "bold",
        "chars",
        "gaps",
        "last_size",
        "last_x0",
        "lead_space",
        "n",
        "size",
        "x0",
        "x1",
        "y0",
        "y1",
    )

    def __init__(self, g: Glyph) -> None:
        self.chars = [g.ch]
        self.gaps: list[tuple[float, bool]] = []  # before each later glyph: (gap in em, stream space)
        self.x0, self.x1, self.y0, self.y1 = g.x0, g.x1, g.y0, g.y1
        self.size = g.size
        self.last_x0 = g.x0
        self.last_size = g.size
        self.lead_space = g.space  # the content stream put whitespace before this run
        self.bold = int(g.bold)
        self.n = 1
        self._text: str | None = None

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._spaced()
        return self._text

    def _spaced(self) -> str:
        """Glyphs joined, with spaces at word gaps. Letter-spaced print ("S O F T W A R E")
        has wide gaps everywhere: there only gaps well above the usual one part words."""
        if not self.gaps:
            return self.chars[0]
        widths = sorted(g for g, _ in self.gaps)
        usual = widths[len(widths) // 2] if len(widths) >= 3 else 0.0  # between letters: about 0
        # (OCR hands over whole words, not letters: their gaps are all word gaps.)
        spaced_out = usual > 0.18 and sum(len(c) == 1 for c in self.chars) >= 0.9 * len(self.chars)
        cut = max(0.22, usual * 1.7) if spaced_out else 0.22
        out = [self.chars[0]]
        for ch, (gap, space) in zip(self.chars[1:], self.gaps, strict=True):
            if gap > cut or (space and (not spaced_out or gap > usual * 1.3)):
                out.append(" ")
            out.append(ch)
        return "".join(out)


_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": "-", "␣": " "})
# "3", "Page 2 of 3", "- 2 -", "John Doe – 1/2", "Seite 2": page numbering in the margins.
_PAGE_NUMBER = re.compile(
    r"(?:^|\s)(?:page|seite|p\.)?\s*\d{1,3}\s*(?:/|of|von|sur|de)\s*\d{1,3}$|^\W*\d{1,3}\W*$|\b(?:page|seite)\s+\d{1,3}\b",
    re.I,
)
MIN_GUTTER = 9.0  # points; narrower gaps are word spacing or bullet indents


def page_lines(
    glyphs: list[Glyph],
    width: float,
    height: float,
    page_no: int,
    links: list[tuple[str, tuple[float, ...]]] = (),
) -> list[Line]:
    runs = _runs(glyphs)
    if not runs:
        return []
    ordered = _split_margin_headings(_order(runs, width, depth=0))
    lines = [_line(group, page_no) for group in ordered]
    _attach_links(lines, ordered, links)
    for line, row in zip(lines, ordered, strict=True):
        cy = row[0].cy
        line.edge = cy < 0.12 * height or cy > 0.9 * height
    return [ln for ln in lines if ln.text and not _is_page_number(ln)]


def _is_page_number(line: Line) -> bool:
    text = line.text.replace(SEP, " ").strip()
    if PAGE_NUMBER_LINE.match(text):
        return True
    return line.edge and bool(_PAGE_NUMBER.search(text))


def _runs(glyphs: list[Glyph]) -> list[Run]:
    runs: list[Run] = []
    cur: Run | None = None
    for g in glyphs:
        if cur is not None:
            em = max(g.size, cur.size, 1.0)
            gap = g.x0 - cur.x1
            same_line = abs((g.y0 + g.y1) / 2 - cur.cy) <= 0.35 * max(g.y1 - g.y0, cur.height)
            # Ligatures ("ﬁ") come as several glyphs sharing one box: overlap is fine as long
            # as we do not move back before the previous glyph's start.
            # A word gap where the print size jumps (a big margin heading beside an entry's
            # title) ends the run: the two are different blocks that share a baseline.
            resized = gap > 0.25 * em and abs(g.size - cur.last_size) > 0.15 * max(g.size, cur.last_size)
            if same_line and g.x0 >= cur.last_x0 - 0.5 and gap <= 0.8 * em and not resized:
                cur.gaps.append((gap / em, g.space))
                cur.chars.append(g.ch)
                cur.x1 = max(cur.x1, g.x1)
                cur.last_x0 = g.x0
                cur.last_size = g.size
                cur.y0, cur.y1 = min(cur.y0, g.y0), max(cur.y1, g.y1)
                cur.size = max(cur.size, g.size)
                cur.bold += g.bold
                cur.n += 1
                continue
        cur = Run(g)
        runs.append(cur)
    return [r for r in runs if r.text.strip()]


def _order(runs: list[Run], width: float, depth: int) -> list[list[Run]]:
    """Runs grouped into lines in reading order, splitting at a real column gutter."""
    if depth < 2:
        for lo, hi in _gutters(runs, width):
            split = _try_split(runs, (lo + hi) / 2, width, depth)
            if split is not None:
                return split
    return _rows(runs)


def _gutters(runs: list[Run], width: float) -> list[tuple[float, float]]:
    """Candidate gutters (left edge, right edge), widest first.

    A column starts where several runs share a left edge; its gutter runs from the rightmost
    end of the runs wholly left of that edge. Runs that cross the edge (a full-width header)
    do not count here: ``_try_split`` rejects the gutter if they sit among the columns.
    """
    starts: dict[int, int] = {}
    for r in runs:
        starts[round(r.x0)] = starts.get(round(r.x0), 0) + 1
    ends = sorted(r.x1 for r in runs)
    gaps: list[tuple[float, float]] = []
    for x, count in starts.items():
        if count < 2:
            continue
        k = bisect.bisect_right(ends, x - 1)
        if k == 0:
            continue
        gap_left = ends[k - 1]
        if x - gap_left >= MIN_GUTTER:
            gaps.append((gap_left, float(x)))
    gaps.sort(key=lambda g: g[0] - g[1])
    return gaps[:8]


def _try_split(runs: list[Run], x: float, width: float, depth: int) -> list[list[Run]] | None:
    left = [r for r in runs if r.x1 <= x]
    right = [r for r in runs if r.x0 >= x]
    if not left or not right:
        return None
    # The columns share a vertical band; what lies wholly above it (the CV header) or below
    # it comes first or last, whichever side it is on.
    band_top = min(max(r.y1 for r in left), max(r.y1 for r in right))
    band_bottom = max(min(r.y0 for r in left), min(r.y0 for r in right))
    above = [r for r in runs if r.cy > band_top]
    below = [r for r in runs if r.cy < band_bottom]
    inside = [r for r in runs if band_bottom <= r.cy <= band_top]
    left = [r for r in inside if r.x1 <= x]
    right = [r for r in inside if r.x0 >= x]
    across = [r for r in inside if r.x0 < x < r.x1]
    n_left, n_right = sum(r.n for r in left), sum(r.n for r in right)
    total = sum(r.n for r in runs)
    if not left or not right or len(across) > 2:
        return None  # full-width text among the "columns": a table-like row layout
    narrow, wide = (left, right) if n_left < n_right else (right, left)
    if min(n_left, n_right) < 0.05 * total and not any(heading_kind(r.text) for r in narrow):
        return None  # a few stray words, unless they are a small sidebar with its own headings
    if _is_row_attached(narrow, wide):
        return None
    # The longer column runs on below the band: it continues that column, before the other.
    if below and all(r.x1 <= x for r in below):
        left, below = left + below, []
    elif below and all(r.x0 >= x for r in below):
        right, below = right + below, []
    out: list[list[Run]] = []
    out += _order(above, width, depth + 1) if above else []
    out += _order(left, width, depth + 1)
    out += _order(right, width, depth + 1)
    out += _rows(across)
    out += _order(below, width, depth + 1) if below else []
    return out


def _is_row_attached(narrow: list[Run], wide: list[Run]) -> bool:
    """A side column of dates/places/labels/margin headings that sits on the other side's rows."""
    rows = _rows(narrow)
    wide_rows = _rows(wide)
    texts = [" ".join(r.text for r in row) for row in rows]
    headings = [i for i, t in enumerate(texts) if heading_kind(t)]
    if headings:
        # Margin headings (moderncv "fancy"): the side holds little but headings, each on the
        # first row of its section's text. A real sidebar has content under its headings.
        content = len(rows) - headings[0] - len(headings)
        body = [i for i in range(len(rows)) if i not in headings]
        dates = sum(1 for i in body if looks_like_meta(texts[i]) and _aligned(rows[i], wide_rows) is not None)
        if body and dates >= 0.4 * len(body):
            return True  # the cut runs through entries' date column: another gutter is the sidebar's
        if content > len(headings):
            return False
        return any(
            (other := _aligned(rows[i], wide_rows)) is not None
            and not heading_kind(" ".join(r.text for r in other))
            for i in headings
        )
    meta = sum(1 for t in texts if looks_like_meta(t))
    if meta >= 0.6 * len(texts):
        return True
    aligned = sum(1 for row in rows if _aligned(row, wide_rows) is not None)
    return aligned >= 0.8 * len(rows)


def _aligned(row: list[Run], others: list[list[Run]]) -> list[Run] | None:
    cy, tol = row[0].cy, 0.35 * row[0].height
    for other in others:
        if abs(other[0].cy - cy) <= tol:
            return other
    return None


def _rows(runs: list[Run]) -> list[list[Run]]:
    rows: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: -r.cy):
        if rows:
            last = rows[-1]
            ref = max(last, key=lambda r: r.n)
            if abs(run.cy - ref.cy) <= 0.4 * min(run.height, ref.height) or (
                run.y1 <= ref.y1 + 1 and run.y0 >= ref.y0 - 1
            ):
                last.append(run)
                continue
        rows.append([run])
    for row in rows:
        row.sort(key=lambda r: r.x0)
    return rows


def _line(row: list[Run], page_no: int) -> Line:
    parts: list[str] = []
    prev: Run | None = None
    for run in row:
        if prev is not None:
            gap = run.x0 - prev.x1
            em = max(run.size, prev.size, 1.0)
            # Touching runs come from glyphs drawn out of order: they are one word.
            parts.append(
                SEP if gap > 1.6 * em else SOFT if gap > 0.8 * em else " " if gap > 0.15 * em else ""
            )
        parts.append(run.text)
        prev = run
    text = "".join(parts).translate(_LIGATURES).strip()
    bullet = False
    if re.match(r"^[+>o]\s+[A-Za-z]", text):
        text = text[1:]  # "+ Led the team": OCR's reading of a bullet, Word's "o" sub-bullet
        bullet = True
    while text and text[0] in BULLET_CHARS:
        bullet = True
        text = text[1:].lstrip(" " + SEP)
    n = sum(r.n for r in row) or 1
    size = max(r.size for r in row)
    return Line(
        text=text.strip(SEP + " "),
        page=page_no,
        size=round(size, 1),
        bold=sum(r.bold for r in row) * 2 > n,
        bullet=bullet,
        x0=row[0].x0,
    )


def _split_margin_headings(rows: list[list[Run]]) -> list[list[Run]]:
    """A heading in its own left column, level with its section's first line ("Work  Backend
    Developer"), becomes a line of its own before that line."""
    out: list[list[Run]] = []
    for row in rows:
        if len(row) >= 2 and _margin_heading(row[0], row[1]):
            out += [row[:1], row[1:]]
        else:
            out.append(row)
    return out


def _margin_heading(first: Run, nxt: Run) -> bool:
    """A section heading printed in its own column, level with the first line of its section:
    larger (or bolder) than what follows it and a known heading by itself."""
    stands_out = first.size > nxt.size + 0.5 or (first.bold * 2 > first.n and nxt.bold * 2 <= nxt.n)
    return stands_out and len(first.text) <= 40 and heading_kind(first.text) is not None


def _attach_links(lines: list[Line], rows: list[list[Run]], links) -> None:
    for uri, (lx0, ly0, lx1, ly1) in links:
        for line, row in zip(lines, rows, strict=True):
            if any(r.x0 < lx1 and r.x1 > lx0 and r.y0 < ly1 and r.y1 > ly0 for r in row):
                line.links.append(uri)
                break
