"""How the analysis reads a CV: its visible text, its bullets and where each one sits.

Everything a screener would not see or should not believe is taken out first — text the
document hides (white or tiny) and lines addressed to an AI — so it can never earn points.
Repeated lines are counted once, so pasting a CV twice earns nothing either.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property

from ..schema import StructuredCV
from . import terms
from .text import content_stems, ignored_lines, manipulation_lines, shorten, without_manipulation, words

_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣∙·–]|\d+[.)])\s+")


@dataclass(frozen=True)
class Bullet:
    text: str
    where: str  # "your 'Backend Engineer' role at Acme"
    field: str  # "work[0].highlights[2]"
    section: str = "experience"

    @property
    def quote(self) -> str:
        return f"'{shorten(self.text, 50)}'"

    # Stemmed once per analysis, however many missing skills look for a home among the bullets.
    @cached_property
    def stems(self) -> set[str]:
        return content_stems(self.text)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()


@dataclass
class DocumentSignals:
    """What only the file shows: hidden or tiny text, images, tables, page count."""

    hidden_text: list[str] = field(default_factory=list)
    tiny_text: list[str] = field(default_factory=list)
    images: int = 0
    tables: int = 0
    pages: int | None = None
    format: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> DocumentSignals:
        """The signals a parse stored (``as_dict``); keys this version does not know are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass
class CVView:
    cv: StructuredCV
    text: str  # visible, manipulation removed, repeated lines once
    bullets: list[Bullet]
    prose: str  # bullets and summaries: where a skill counts as evidenced
    unique_words: int
    repeated_lines: int
    manipulation: list[str]
    hidden: list[str]
    signals: DocumentSignals

    # The skills vocabulary is one large pattern: each text is scanned once per analysis.
    @cached_property
    def text_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of every skill mention in ``text``, repeats included."""
        return terms.find_spans(self.text)

    @cached_property
    def text_terms(self) -> list[str]:
        """The skills ``text`` mentions, in order of first mention (``terms.find_terms``)."""
        return list(dict.fromkeys(name for _, _, name in self.text_spans))

    @cached_property
    def prose_terms(self) -> list[str]:
        """The skills the bullets and summary mention: where a skill counts as evidenced."""
        return terms.find_terms(self.prose)


def _role_label(position: str, employer: str) -> str:
    position, employer = position.strip(), employer.strip()
    if position and employer:
        return f"your '{shorten(position, 40)}' role at {shorten(employer, 40)}"
    return f"your '{shorten(position or employer, 40)}' role" if position or employer else "your experience"


def structured_text(cv: StructuredCV) -> str:
    """A text form of the structured fields, for a CV that arrives without raw text."""
    parts = [cv.basics.name, cv.basics.label, cv.basics.email, cv.basics.phone, cv.basics.summary]
    for job in cv.work:
        parts += [f"{job.position} {job.name} {job.startDate} {job.endDate}", job.summary, *job.highlights]
    for edu in cv.education:
        parts.append(f"{edu.studyType} {edu.area} {edu.institution} {edu.startDate} {edu.endDate}")
    for project in cv.projects:
        parts += [project.name, project.description, *project.highlights, ", ".join(project.keywords)]
    parts.append(", ".join(cv.skill_names()))
    parts += [c.name for c in cv.certificates]
    return "\n".join(p for p in parts if p and p.strip())


def _strip_hidden(text: str, hidden: list[str]) -> str:
    for snippet in sorted({h.strip() for h in hidden if h.strip()}, key=len, reverse=True):
        # The reader may break or space the hidden run differently from the text layer.
        pattern = r"\s*".join(re.escape(ch) for ch in snippet if not ch.isspace())
        text = re.sub(pattern, " ", text)
    return text


def _unique_lines(text: str) -> tuple[list[str], int]:
    seen: set[str] = set()
    kept, repeated = [], 0
    for line in text.splitlines():
        key = " ".join(line.lower().split())
        if len(key) > 15 and key in seen:
            repeated += 1
            continue
        seen.add(key)
        kept.append(line)
    return kept, repeated


def _bullets(cv: StructuredCV, lines: list[str], hidden: list[str]) -> list[Bullet]:
    bullets: list[Bullet] = []
    seen: set[str] = set()

    def add(text: str, where: str, path: str, section: str = "experience") -> None:
        clean = without_manipulation(_strip_hidden(text, hidden)).strip(" -•*\t")
        key = " ".join(clean.lower().split())
        # "Python Flask React PostgreSQL" is a tech list, not a bullet that describes work.
        prose_words = sum(1 for w in words(clean) if w.islower() and len(w) > 3)
        if len(words(clean)) >= 3 and prose_words >= 2 and key not in seen:
            seen.add(key)
            bullets.append(Bullet(clean, where, path, section))

    for i, job in enumerate(cv.work):
        where = _role_label(job.position, job.name)
        for j, highlight in _joined(job.highlights):
            add(highlight, where, f"work[{i}].highlights[{j}]")
        if job.summary:
            add(job.summary, where, f"work[{i}].summary")
    for i, project in enumerate(cv.projects):
        where = f"your '{shorten(project.name, 40)}' project" if project.name else "your projects"
        for j, highlight in _joined(project.highlights):
            add(highlight, where, f"projects[{i}].highlights[{j}]", "projects")
        if project.description:
            add(project.description, where, f"projects[{i}].description", "projects")
    if (cv.work and not any(b.field.startswith("work") for b in bullets)) or not bullets:
        # The parser could not attach bullets to roles: read the bullet lines of the text's own
        # experience section (the whole text when it has no recognisable headings).
        summary = " ".join(cv.basics.summary.split())
        for n, line in _experience_lines(lines):
            flat = " ".join(line.split())
            if flat and flat in summary:
                continue
            if _BULLET.match(line) or (len(words(line)) >= 8 and line.count(",") < 4):
                add(_BULLET.sub("", line), "your experience", f"raw_text line {n + 1}")
    return bullets


_HEADING = re.compile(
    r"^\W*(work experience|professional experience|experience|employment(?: history)?|work history|"
    r"career history|projects?|personal projects|education|skills|technical skills|summary|profile|"
    r"certifications?|awards|publications|languages|interests|references|volunteer(?:ing)?)\W*$",
    re.I,
)
_EXPERIENCE_HEADINGS = re.compile(r"experience|employment|history|project", re.I)


def _experience_lines(lines: list[str]) -> list[tuple[int, str]]:
    headed = [(n, line) for n, line in enumerate(lines) if _HEADING.match(line.strip())]
    if not headed:
        return list(enumerate(lines))
    out, inside = [], False
    for n, line in enumerate(lines):
        if _HEADING.match(line.strip()):
            inside = bool(_EXPERIENCE_HEADINGS.search(line))
        elif inside:
            out.append((n, line))
    return out


def _joined(highlights: list[str]) -> list[tuple[int, str]]:
    """Highlights with line-wrap fragments ("oping product strategies…") put back on the line
    they continue, each with the index of the highlight it starts at."""
    out: list[tuple[int, str]] = []
    for j, text in enumerate(highlights):
        stripped = text.strip()
        if out and stripped[:1].islower():
            first, previous = out[-1]
            out[-1] = (first, f"{previous} {stripped}")
        else:
            out.append((j, text))
    return out


def cv_view(cv: StructuredCV, *, signals: DocumentSignals | None = None) -> CVView:
    signals = signals or DocumentSignals()
    hidden = [*signals.hidden_text, *signals.tiny_text]
    source = cv.raw_text if cv.raw_text.strip() else structured_text(cv)
    manipulation = manipulation_lines(source) + ignored_lines(cv.warnings)
    visible = without_manipulation(_strip_hidden(source, hidden))
    lines, repeated = _unique_lines(visible)
    bullets = _bullets(cv, lines, hidden)
    summary = without_manipulation(cv.basics.summary)
    prose = "\n".join([summary, *(b.text for b in bullets)])
    text = "\n".join(lines)
    return CVView(
        cv=cv,
        text=text,
        bullets=bullets,
        prose=prose,
        unique_words=len(words(text)),
        repeated_lines=repeated,
        manipulation=manipulation,
        hidden=hidden,
        signals=signals,
    )
