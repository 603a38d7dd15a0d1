"""The reader-neutral form of a document: lines of text with layout hints.

Every reader (PDF, DOCX, LaTeX, Markdown, text) turns its file into a ``RawDocument`` so one
extractor serves them all. Readers that know more (a DOCX heading style, a LaTeX ``\\cventry``)
say so through ``heading`` and ``entry`` instead of leaving the extractor to guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Field separator a reader puts between pieces of one visual line that a wide gap, a table
# cell or a macro argument kept apart ("Engineer<TAB>Jan 2020 – Present").
SEP = "\t"
# A softer break: a gap wider than a word space but not a column gap (tags, icon-led contact
# items). Extractors may split on it; text meant for people shows it as a space.
SOFT = "\u2002"


@dataclass(slots=True)
class Line:
    text: str
    page: int = 1
    size: float = 0.0  # font size in points, 0 when unknown
    bold: bool = False
    heading: bool = False  # the reader knows this is a section heading
    bullet: bool = False  # a list item
    x0: float = 0.0
    # A structured entry from markup (LaTeX macros): role -> value, e.g. {"title": .., "org": ..}.
    entry: dict[str, str] | None = None
    links: list[str] = field(default_factory=list)
    edge: bool = False  # in a page's top or bottom margin (running header/footer candidates)
    no: int = 0  # 1-based line number in RawDocument.text (= StructuredCV.raw_text)


@dataclass(slots=True)
class RawDocument:
    format: str
    lines: list[Line]
    pages: int = 1
    links: list[str] = field(default_factory=list)  # hyperlink targets, document order
    warnings: list[str] = field(default_factory=list)
    # What markup states outright (LaTeX \name, \email, \social...): trusted over guessing.
    # Keys: name, label, location, emails, phones, url, profiles [(network, username, url)].
    hints: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(line.text.replace(SEP, "  ").replace(SOFT, " ") for line in self.lines)
