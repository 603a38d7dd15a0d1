"""Plain text and Markdown: lines, with Markdown headings, bullets and links made explicit."""

from __future__ import annotations

import re

from ..document import SEP, Line, RawDocument

BULLET = re.compile(r"^\s*(?:[-*+•▪◦‣●○■□►▶➢✓✔–—·]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def read_text(text: str, *, markdown: bool = False) -> RawDocument:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    doc = RawDocument(format="markdown" if markdown else "text", lines=[])
    raw = text.split("\n")
    for i, src in enumerate(raw):
        if markdown:
            line = _markdown_line(src, raw[i + 1] if i + 1 < len(raw) else "", doc)
        else:
            line = _plain_line(src)
        if line is not None and line.text.strip():
            doc.lines.append(line)
    return doc


def _plain_line(src: str) -> Line:
    bullet = bool(BULLET.match(src))
    text = BULLET.sub("", src, count=1) if bullet else src
    # Runs of 3+ spaces or tabs separate columns in text exported from layouts; in a short
    # header-like line two spaces do too ("Acme Corp  Engineer  2019 – 2021").
    gap = r"\t+| {2,}" if len(text) < 90 and not bullet else r"\t+| {3,}"
    text = re.sub(gap, SEP, text.strip())
    return Line(text=text, bullet=bullet)


def _markdown_line(src: str, nxt: str, doc: RawDocument) -> Line | None:
    if _SETEXT.match(src) or _TABLE_RULE.match(src):
        return None
    links = [m.group(2) for m in _MD_LINK.finditer(src)] + _MD_AUTOLINK.findall(src)
    doc.links.extend(links)
    heading = False
    level = 0
    if m := _MD_HEADING.match(src):
        src, heading, level = m.group(2), True, len(m.group(1))
    elif src.strip() and _SETEXT.match(nxt) and not BULLET.match(src):
        heading, level = True, 1 if nxt.strip().startswith("=") else 2
    src = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), src)
    src = _MD_AUTOLINK.sub(r"\1", src)
    src = _HTML_TAG.sub("", src)
    if src.lstrip().startswith(">"):
        src = src.lstrip()[1:]
    if src.strip().startswith("|"):  # a table row: cells become fields
        src = SEP.join(c.strip() for c in src.strip().strip("|").split("|") if c.strip())
    line = _plain_line(_MD_EMPH.sub(r"\2", src))
    line.heading = heading
    line.links = links
    # A level-1 heading is usually the person's name, not a section.
    line.size = {1: 20.0, 2: 14.0, 3: 12.0}.get(level, 0.0)
    return line
