"""Line clean-up: wrapped bullets and table cells joined, hyphenation undone, icon glyphs and
letter-spacing removed."""

from __future__ import annotations

import re

from ...document import SEP, SOFT, Line
from ..patterns import find_date_range, looks_like_meta
from ..sections import heading_kind

_SOFT_HYPHEN = ("\ufffe", "\x02", "\u00ad")


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
