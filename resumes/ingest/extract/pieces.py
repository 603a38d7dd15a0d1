"""Which free piece of an entry header is the title and which the organisation, and which
the degree, the field of study and the school: told apart by vocabulary (job-title words vs
organisation words, degree vs school words), ", " and " at " splitting a piece when needed.
"""

from __future__ import annotations

import re

from .header import split_commas
from .patterns import fold
from .vocab import degree_match, institution_score, org_score, title_score

_AT = re.compile(r"\s+(?:at|@|chez|bei|en)\s+", re.I)


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
            if title_score(pieces[0]) >= org_score(pieces[0]):
                return _EMPLOYMENT.sub("", pieces[0]), ""
            return "", pieces[0]
    pieces = [q for p in pieces for q in _split_mixed(p)]
    lean = [_lean(p) for p in pieces]
    pairs = [(i, j) for i in range(len(pieces)) for j in range(len(pieces)) if i != j]
    i, j = max(pairs, key=lambda p: (lean[p[0]] - lean[p[1]], p[0] < p[1], -p[0], -p[1]))
    return _EMPLOYMENT.sub("", pieces[i]), pieces[j]


# "Data Analyst as Contractor at Kestrel Labs" (job-board exports): the kind of employment
# printed after the title is not part of it.
_EMPLOYMENT = re.compile(
    r"\s+as\s+(?:an?\s+)?(?:full[- ]time|part[- ]time|contract(?:or)?|freelance(?:r)?|intern(?:ship)?"
    r"|temporary|permanent|self[- ]employed|seasonal|apprentice(?:ship)?|volunteer|employee|consultant)$",
    re.I,
)


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
    pieces = _rejoin_wrapped([p for piece in pieces for p in split_commas(piece)])
    if not pieces:
        return "", "", ""
    expanded: list[str] = []
    for p in pieces:
        # "PhD Statistics at Trinity College Dublin": a job-board style "degree at school".
        at = _AT.search(p)
        if at and degree_match(p[: at.start()]) and institution_score(p[at.end() :]) > 0:
            expanded += [p[: at.start()].strip(), p[at.end() :].strip()]
            continue
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
        plain = [i for i in others if not _academic(pieces[i])]
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
_ACADEMIC_WORDS = re.compile(
    r"scien|engineer|ingenier|genie\b|stud|math|matem|physi|fisica|chemi|quimica|chimie|biolog|econom"
    r"|business|manage|arts?\b|design|law|derecho|droit|recht|medic|admin|technolog|tecnolog|informati"
    r"|comput|statist|estadist|financ|market|psycholog|psicolog|histor|philosoph|filosof|literat|letras"
    r"|lettres|educat|communic|comunica|architect|arquitect|account|wissenschaft|wirtschaft|donnees|datos"
    r"|major|minor|honou?rs|gpa",
    re.I,
)


def _academic(text: str) -> bool:
    """A field of study's words, accents folded ("Ingeniería Informática", "Mathématiques")."""
    return _ACADEMIC_WORDS.search(fold(text)) is not None


def _rejoin_wrapped(pieces: list[str]) -> list[str]:
    """ "Georgia Institute of" / "Technology": a name wrapped after a linking word goes on."""
    out: list[str] = []
    for p in pieces:
        if out and re.search(r"\s(?:of|for|and|&|de|des|du|für|der|del|la)$", out[-1], re.I):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _rejoin_school_city(pieces: list[str]) -> list[str]:
    """ "University of California, Berkeley": the campus after a school name stays with it."""
    out: list[str] = []
    for i, p in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        if (
            out
            and institution_score(out[-1]) > 0
            and "," not in out[-1]
            and (not nxt or degree_match(nxt) or _academic(nxt))
            and not degree_match(p)
            and not _academic(p)
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
