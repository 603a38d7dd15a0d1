"""Skills, languages and interests sections: grouped lists as the CV prints them."""

from __future__ import annotations

import re

from ...schema import Interest, Language, Skill
from ..document import SEP, Line

_LABEL = re.compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s*(.+)$")
_LEVEL = re.compile(
    r"^(?P<lang>[^\d(:–—-]+?)\s*(?:[(:–—-]\s*(?P<level>[^)]+?)\)?)?\s*$",
)


_RATING = re.compile(
    r"\s*[●○◉◯★☆✪✩■□▪▫◆◇⬤◼◻]+\s*|\s*\(?\b[1-5]\s*/\s*5\b\)?"
    r"|\s*(?:[-–:]\s*|\()(?:beginner|basic|elementary|intermediate|advanced|expert|proficient)\)?\s*$",
    re.I,
)


def split_items(text: str, *, levels: bool = False) -> list[str]:
    """Comma/semicolon/pipe/bullet separated items, not splitting inside parentheses."""
    items, depth, cur = [], 0, []
    # Soft gaps separate tags only where nothing else does ("Python  Go  Rust" tag clouds).
    seps = ",;|•·▪\t" + ("" if re.search(r"[,;|•·]", text) else "\u2002")
    text = text if "\u2002" in seps else text.replace("\u2002", " ")
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        if depth == 0 and ch in seps:
            items.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    items.append("".join(cur))
    out = []
    for item in items:
        if not levels:
            item = _RATING.sub("", item)  # "Python ●●●●○", "Go - advanced": the rating is not the skill
        item = re.sub(r"^\s*(?:and|&|et|und|y)\s+", "", item.strip()).strip().rstrip(".")
        if item and len(item) <= 80:
            out.extend(_split_pair(item))
    return out


def _split_pair(item: str) -> list[str]:
    """ "Docker and Kubernetes" is two skills; "Research and Development" is one; a tag row
    whose gaps came out as plain spaces ("Scala Rust C++") is one skill a word."""
    from ..skills import canonical_skill

    m = re.fullmatch(r"(.{1,40}?)\s+(?:and|&|/|et|und)\s+(.{1,40})", item)
    if m and canonical_skill(m.group(1)) and canonical_skill(m.group(2)):
        return [m.group(1).strip(), m.group(2).strip()]
    words = item.split()
    if 2 <= len(words) <= 12 and canonical_skill(item) is None and all(canonical_skill(w) for w in words):
        return words
    return [item]


_MORE_LABELS = re.compile(r"(?:\t|\u2002|\s{2,}|(?<=[\w)+#.])\s)(?=[A-Z][\w&/+ -]{0,28}:\s)")


def _chunks(text: str) -> list[str]:
    """ "Languages: Java, Go  Cloud: AWS" holds two labelled groups on one line."""
    if text.count(":") < 2:
        return [text]
    return [c for c in _MORE_LABELS.split(text) if c.strip()]


def _rejoin_wrapped(lines: list[Line]) -> list[tuple[str, Line]]:
    """A comma list wrapped mid-skill ("… Google Cloud" / "Platform, …") reads as one line again.

    Only where the two halves make a skill we know and the second half alone is none: lists
    that merely end their lines ("Python, Go, Rust" / "Docker, …") stay apart.
    """
    out: list[tuple[str, Line]] = []
    for line in lines:
        text = line.text.strip()
        if out and not line.bullet and _wrapped_mid_skill(out[-1][0], text):
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
            continue
        out.append((text, line))
    return out


def _wrapped_mid_skill(prev: str, text: str) -> bool:
    from ..skills import canonical_skill

    if "," not in prev or prev.rstrip().endswith((",", ";", "|", "•", ":")) or SEP in prev + text:
        return False
    tail = re.split(r"[,;|•]", prev)[-1].strip()
    head = re.split(r"[,;|•]", text)[0].strip()
    if not tail or not head or len(f"{tail} {head}") > 60 or _LABEL.match(text):
        return False
    return canonical_skill(f"{tail} {head}") is not None and canonical_skill(head) is None


def parse_skill_lines(lines: list[Line], *, default_group: str = "Skills") -> list[Skill]:
    groups: list[Skill] = []
    free: list[str] = []
    texts = [(chunk, line) for joined, line in _rejoin_wrapped(lines) for chunk in _chunks(joined)]
    for text, line in texts:
        text = text.strip()
        label, items = _label_and_items(text)
        if label is not None:
            groups.append(Skill(name=label, keywords=items))
        elif groups and not line.bullet and _continues(groups[-1], text):
            groups[-1].keywords.extend(split_items(text))
        else:
            free.extend(split_items(text))
    if free:
        groups.insert(
            0,
            Skill(
                name=default_group.strip().title() if default_group.isupper() else default_group,
                keywords=free,
            ),
        )
    return [g for g in groups if g.keywords]


def _continues(group: Skill, text: str) -> bool:
    return bool(group.keywords) and ("," in text or text[:1].islower())


def _label_and_items(text: str) -> tuple[str | None, list[str]]:
    if m := _LABEL.match(text.replace(SEP, " ")):
        label, rest = m.group(1).strip(), m.group(2)
        if len(label.split()) <= 5 and not re.search(r"https?$", label):
            return label, split_items(rest)
    if SEP in text:
        # "Languages <tab> Python, Go" is a labelled group; "Excel <tab> SQL <tab> Power BI" a grid.
        label, rest = text.split(SEP, 1)
        if len(label.split()) <= 4 and re.search(r"[,;|•·]", rest) and not _is_skill(label):
            return label.strip(), split_items(rest)
    return None, []


def _is_skill(text: str) -> bool:
    from ..skills import canonical_skill

    return canonical_skill(text) is not None


# A level as CVs print it next to a language: CEFR, words, or a rating.
_LEVEL_CELL = re.compile(
    r"^(?:[ABC][12]\+?|native|mother tongue|bilingual|fluent|proficient|professional(?: working)?"
    r"(?: proficiency)?|full professional|conversational|intermediate|advanced|basic|beginner|elementary"
    r"|limited working|good|very good|excellent|[1-5]\s*/\s*5|[●○◉◯★☆■□]+)"
    r"(?:\s*\([^)]*\))?$",
    re.I,
)


def _language_and_level(text: str) -> Language | None:
    """A table row "English | Native": two cells, the second a level."""
    cells = [cell.strip() for cell in text.split(SEP) if cell.strip()]
    if len(cells) == 2 and len(cells[0].split()) <= 3 and _LEVEL_CELL.match(cells[1]):
        return Language(language=cells[0], fluency=cells[1])
    return None


def parse_languages(lines: list[Line]) -> list[Language]:
    out: list[Language] = []
    for line in lines:
        if SEP in line.text and (row := _language_and_level(line.text)):
            out.append(row)
            continue
        label, items = _label_and_items(line.text)
        if label is not None and len(items) == 1 and len(label.split()) <= 2:
            out.append(Language(language=label, fluency=items[0]))
            continue
        for item in split_items(line.text, levels=True):
            m = _LEVEL.match(item)
            if not m or not m.group("lang").strip():
                continue
            lang = m.group("lang").strip()
            level = (m.group("level") or "").strip()
            if len(lang.split()) > 3:
                continue
            out.append(Language(language=lang, fluency=level))
    return out


def parse_interests(lines: list[Line]) -> list[Interest]:
    out: list[Interest] = []
    for line in lines:
        label, items = _label_and_items(line.text)
        if label is not None:
            out.append(Interest(name=label, keywords=items))
        else:
            out.extend(Interest(name=item) for item in split_items(line.text))
    return out


# Spoken languages, in English and as CVs in other languages name them: a skills group made
# only of these lists languages, not skills.
SPOKEN_LANGUAGES = frozenset(
    """
    afrikaans albanian amharic arabic armenian azerbaijani basque belarusian bengali bosnian
    bulgarian burmese cantonese catalan chinese croatian czech danish dutch english estonian
    farsi filipino finnish french galician georgian german greek gujarati hausa hebrew hindi
    hungarian icelandic indonesian irish italian japanese kannada kazakh khmer korean kurdish
    latvian lithuanian luxembourgish macedonian malay malayalam maltese mandarin marathi
    mongolian nepali norwegian pashto persian polish portuguese punjabi romanian russian
    serbian sinhala slovak slovenian somali spanish swahili swedish tagalog tamil telugu thai
    turkish ukrainian urdu uzbek vietnamese welsh yoruba zulu
    deutsch englisch französisch spanisch italienisch russisch
    français anglais allemand espagnol italien néerlandais
    español inglés alemán francés portugués italiano português inglês
    nederlands engels duits frans
    """.split()
)


def spoken_languages(keywords: list[str]) -> list[Language] | None:
    """The keywords as languages when every one names a spoken language ("German (B2)")."""
    found = []
    for keyword in keywords:
        m = _LEVEL.match(keyword)
        name = (m.group("lang") if m else keyword).strip()
        if name.casefold() not in SPOKEN_LANGUAGES:
            return None
        found.append(Language(language=name, fluency=((m.group("level") if m else "") or "").strip()))
    return found or None
