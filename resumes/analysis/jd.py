"""Job-description understanding: what the job requires, what it would like, and for whom.

Skills come from the term index (vocabulary + supplement) so aliases and multi-word terms
resolve to one canonical name. Whether a skill is required or preferred is read from the
section it sits in ("Requirements" vs "Nice to have") and from the wording of its own line
("… is a plus", "preferred"). Terms the vocabulary lacks are found statistically: words and
two-word phrases the description repeats, or capitalised names mid-sentence, that are not
ordinary English.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from . import phrases, terms
from .text import STOPWORDS, words

_PREFERRED_HEADING = re.compile(
    r"^\W*(nice[\s-]to[\s-]haves?|preferred|bonus|pluses|desired|desirable|good to have|"
    r"(?:it'?s )?a plus|extra credit|would be great)\b",
    re.I,
)
_REQUIRED_HEADING = re.compile(
    r"^\W*(requirements?|required|must[\s-]haves?|qualifications|minimum qualifications|basic "
    r"qualifications|what you(?:'ll)? (?:need|bring)|who you are|about you|you have|skills|"
    r"essential|what we(?:'re)? looking for)\b",
    re.I,
)
# Headings that start the role's own content again after an "About us" block.
_ROLE_HEADING = re.compile(
    r"^\W*(responsibilities|key responsibilities|what you(?:'ll| will) do|the role|your role|"
    r"role overview|about the role|duties|your impact|day to day|in this role)\b",
    re.I,
)
_OTHER_HEADING = re.compile(
    r"^\W*(about (?:us|the company|the team)|benefits|perks|what we offer|why join|compensation|"
    r"salary|location|how to apply|equal opportunity)\b",
    re.I,
)
_PREFERRED_LINE = re.compile(
    r"\b(nice to have|preferred|is a plus|are a plus|a bonus|bonus points|ideally|desirable|"
    r"would be (?:nice|great|a plus)|familiarity with|exposure to)\b",
    re.I,
)
_REQUIRED_LINE = re.compile(r"\b(must|required|requires|essential|mandatory|need to have|strong)\b", re.I)
_YEARS = re.compile(
    r"(\d{1,2})\s*\+?\s*(?:-|–|to)?\s*(\d{1,2})?\s*\+?\s*years?(?:'|’)?\s*(?:of\s+)?"
    r"(?:(?:professional|relevant|hands-on|industry|commercial|work)\s+)?(?:experience|exp\b)?",
    re.I,
)
_TITLE_LINE = re.compile(r"^\s*(?:job\s*title|title|position|role)\s*[:\-–]\s*(.+)$", re.I)
_TITLE_PHRASE = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|join us as|recruiting)\s+(?:an?|our|the)?\s*"
    r"(?:(?:talented|experienced|passionate|motivated|skilled)\s+)*([A-Z][\w/&+.\- ]{2,60}?)"
    r"(?=\s+(?:to|who|with|that|for|in|at|on)\b|[.,:;!(]|$)",
    re.M,
)
_TITLE_WORDS = re.compile(
    r"\b(engineer|developer|scientist|analyst|manager|designer|architect|consultant|specialist|"
    r"administrator|lead|director|officer|intern|researcher|accountant|nurse|teacher|writer|"
    r"coordinator|technician|programmer|head|owner|associate|representative|executive|assistant|"
    r"leader|supervisor|worker|operative|driver|chef|cook|carer|cleaner|receptionist|clerk|advis[eo]r|"
    r"agent|caretaker|porter|picker|packer|electrician|plumber|mechanic|pharmacist|therapist)\b",
    re.I,
)
_SENIORITY = [
    ("executive", re.compile(r"\b(chief|cto|ceo|cfo|vp|vice president|head of|director)\b", re.I)),
    ("senior", re.compile(r"\b(senior|sr\.?|lead|principal|staff|manager|architect)\b", re.I)),
    (
        "entry",
        re.compile(r"\b(junior|jr\.?|intern|internship|graduate|entry[\s-]level|trainee|apprentice)\b", re.I),
    ),
]


@dataclass
class JobRequirements:
    title: str = ""
    seniority: str = ""
    years_min: int | None = None
    years_max: int | None = None
    required_skills: list[str] = field(default_factory=list)
    preferred_skills: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    soft_skills: list[str] = field(default_factory=list)
    qualifications: list[str] = field(default_factory=list)  # required ones; only these are scored
    preferred_qualifications: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    # For each skill, the JD lines that mention it (advice quotes the job's own words).
    context: dict[str, list[str]] = field(default_factory=dict)
    source: str = "job_description"
    # One entry per skill: name, level (required/preferred), kind (hard/soft), origin
    # ("vocabulary" for a curated term, "phrase" for one found by phrase extraction) and the
    # sentence it came from.
    skill_details: list[dict] = field(default_factory=list)

    @property
    def skills(self) -> list[str]:
        return [*self.required_skills, *self.preferred_skills]

    @property
    def is_empty(self) -> bool:
        return not (self.skills or self.keywords)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("context")
        # ``skills``: every skill the description names, technical first, then soft skills.
        return {"skills": [*self.skills, *self.soft_skills], **data}


def analyse_job(text: str) -> JobRequirements:
    text = text or ""
    job = JobRequirements()
    required: dict[str, None] = {}
    preferred: dict[str, None] = {}
    section = "required"
    soft: set[str] = set()
    index = terms.index()
    job.title = job_title(text)
    title_key = terms.term_key(job.title)
    for raw_line in _logical_lines(text):
        line = raw_line.strip()
        if not line:
            continue
        section = _section_of(line, section)
        level = _line_level(line, section)
        for qualification in qualifications_in(line):
            bucket = job.qualifications if level == "required" else job.preferred_qualifications
            if qualification not in job.qualifications and qualification not in bucket:
                bucket.append(qualification)
        found = terms.find_terms(line)
        if section != "other" and line.strip(" #*:-") != job.title:
            # About-us and benefits text names no skill the candidate needs.
            for phrase in phrases.extract(line):
                # The job's own title ("care assistant") is not a skill it asks for.
                if title_key and title_key in phrase.name:
                    continue
                # Nor is any other occupation ("software engineer", "senior carer").
                if _TITLE_WORDS.fullmatch(phrase.name.split()[-1]):
                    continue
                if phrase.name not in found:
                    found.append(phrase.name)
                    if phrase.soft:
                        soft.add(phrase.name)
        for name in found:
            job.context.setdefault(name, []).append(line)
            target = required if level == "required" else preferred
            if name not in required:
                target.setdefault(name, None)

    def is_soft(name: str) -> bool:
        return index.category(name) == terms.SOFT_SKILL or name in soft

    job.required_skills = [s for s in required if not is_soft(s)]
    job.preferred_skills = [s for s in preferred if s not in required and not is_soft(s)]
    job.soft_skills = [s for s in [*required, *preferred] if is_soft(s)]
    job.skill_details = [
        {
            "name": name,
            "level": "required" if name in required else "preferred",
            "kind": "soft" if is_soft(name) else "hard",
            "origin": "vocabulary" if terms.canonical(name) == name else "phrase",
            "source": job.context[name][0],
        }
        for name in [*job.required_skills, *job.preferred_skills, *job.soft_skills]
    ]
    job.tools = [s for s in job.skills if index.category(s) in terms.TOOL_CATEGORIES]
    job.preferred_qualifications = [q for q in job.preferred_qualifications if q not in job.qualifications]
    job.years_min, job.years_max = _years(text)
    job.seniority = seniority(job.title, years=job.years_min, text=text)
    # Words a qualification or the title already stands for are not extra terms ("phd").
    skip = set(words(job.title.lower())) | {
        w.lower() for line in text.splitlines() if qualifications_in(line) for w in words(line) if len(w) <= 5
    }
    # Repeated terms the vocabulary lacks (a phrase skill may be one too: the score counts it once).
    curated = {s for s in [*job.skills, *job.soft_skills] if terms.canonical(s) == s}
    job.keywords = statistical_terms(text, known=curated, skip=skip)
    return job


def _logical_lines(text: str) -> list[str]:
    """Lines, with bullets split on their own and a heading glued to its first item split off."""
    lines: list[str] = []
    for line in text.splitlines():
        # Clauses too: "Must know Python; nice to have: Airflow" holds two levels.
        lines.extend(part for part in _CLAUSE_BREAK.split(line) if part.strip())
    return lines


# Bullets, semicolons and sentence ends. A sentence may end in an acronym ("… Airflow, SQL.
# Nice to have: …"), so any letter or digit before the stop counts, except a lone letter:
# "e.g. PostgreSQL" and "U.S. citizens" go on in the same clause.
_CLAUSE_BREAK = re.compile(r"\s+[•●▪◦]\s+|;\s+|(?<=[A-Za-z0-9)])(?<![\s.(][A-Za-z])(?<!^[A-Za-z])[.!?]\s+")


def _section_of(line: str, current: str) -> str:
    if len(line) > 80:
        return current
    if _PREFERRED_HEADING.match(line):
        return "preferred"
    if _ROLE_HEADING.match(line):
        return "required"
    if _OTHER_HEADING.match(line):
        return "other"
    if _REQUIRED_HEADING.match(line):
        return "required"
    return current


def _line_level(line: str, section: str) -> str:
    if _PREFERRED_LINE.search(line):
        return "preferred"
    if section == "preferred" and not _REQUIRED_LINE.search(line):
        return "preferred"
    # "About us" mentions of the company's stack are context, not requirements.
    return "preferred" if section == "other" else "required"


_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen".split()
    )
}
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?:\s*\(\d+\))?(?=\s*\+?\s*(?:-|to)?\s*\w*\s*years?)", re.I
)
# "for 20 years we have…", "in the past 5 years": about the company, not the candidate.
_NOT_A_REQUIREMENT = re.compile(r"(past|last|next|for over|founded|ago|since)\W*$", re.I)


def _years(text: str) -> tuple[int | None, int | None]:
    text = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)
    found = []
    for match in _YEARS.finditer(text):
        if _NOT_A_REQUIREMENT.search(text[max(0, match.start() - 25) : match.start()]):
            continue
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) else None
        if 0 < low <= 30:
            found.append((low, high))
    if not found:
        return None, None
    low, high = max(found, key=lambda pair: pair[0])
    return low, high


def job_title(text: str) -> str:
    lines = [line.strip(" \t#*-:") for line in text.splitlines() if line.strip(" \t#*-:")]
    for line in lines[:15]:
        match = _TITLE_LINE.match(line)
        if match:
            return _clean_title(match.group(1))
    for line in lines[:3]:
        head = re.split(r"[.;!?](?:\s|$)", line, maxsplit=1)[0]
        if len(head) <= 70 and _TITLE_WORDS.search(head):
            return _clean_title(line)
    match = _TITLE_PHRASE.search(text)
    if match and _TITLE_WORDS.search(match.group(1)):
        return _clean_title(match.group(1))
    return ""


def _clean_title(title: str) -> str:
    title = re.split(r"\s+(?:[-–|@]|at)\s+|[.;:!?](?:\s|$)", title.strip(), maxsplit=1)[0]
    return re.sub(r"\s*\((?:m/f/d|f/m/d|m/w/d|remote|hybrid)\)\s*", " ", title, flags=re.I).strip(" .,")[:120]


def seniority(title: str, *, years: int | None, text: str = "") -> str:
    for level, pattern in _SENIORITY:
        if title and pattern.search(title):
            return level
    if years is not None:
        return "executive" if years >= 12 else "senior" if years >= 5 else "mid" if years >= 2 else "entry"
    for level, pattern in _SENIORITY:
        if level == "entry" and pattern.search(text):
            return "entry"
    return "mid" if title else ""


def qualifications_in(text: str) -> list[str]:
    return [name for name, pattern in _qualification_patterns() if pattern.search(text)]


@lru_cache(maxsize=1)
def _qualification_patterns() -> list[tuple[str, re.Pattern]]:
    # Compiled once: every line of every job description is tried against each of them.
    return [
        (item["name"], re.compile(item["pattern"], re.I)) for item in terms.supplement()["qualifications"]
    ]


_JD_FILLER = frozenset(
    """experience team work working role company years year ability strong skills knowledge
    including include includes across using use build building join help new great good
    excellent plus preferred required requirements responsibilities opportunity environment
    candidate candidates looking position etc ideal must nice have has will would like
    understanding proven track record solid deep hands-on related relevant degree field similar
    equivalent business customers customer products product people world best high quality
    fast-paced day impact own ownership grow growth based remote office hybrid benefits salary
    collaborate closely make makes want love passionate motivated self bonus us our we you your
    apply job time across within able well level part full familiarity exposure skill skills
    computer science engineering""".split()
)


def statistical_terms(text: str, *, known: set[str], skip: set[str], limit: int = 10) -> list[str]:
    """Terms the vocabulary lacks that this description repeats (words and two-word phrases),
    leaving out the title's own words, known skills and hiring boilerplate."""
    lowered = [w.lower() for w in words(text)]
    known_keys = {terms.term_key(k) for k in known}
    counts: Counter[str] = Counter()
    for i, word in enumerate(lowered):
        if _is_content(word) and word not in skip:
            counts[word] += 1
            following = lowered[i + 1] if i + 1 < len(lowered) else ""
            if _is_content(following) and following not in skip:
                counts[f"{word} {following}"] += 1
    ranked: list[str] = []
    # Most repeated first; ties in alphabetical order so the list is reproducible.
    for term, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count < 2 or term in known_keys or terms.canonical(term):
            continue
        if any(term in k.split() for k in known_keys) or any(term in kept.split() for kept in ranked):
            continue
        ranked.append(term)
        if len(ranked) >= limit:
            break
    return ranked


def _is_content(word: str) -> bool:
    return len(word) > 2 and word not in STOPWORDS and word not in _JD_FILLER and not word.isdigit()
