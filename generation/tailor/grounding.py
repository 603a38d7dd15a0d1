"""The grounding verifier: every claim a generated document makes must come from the sources.

It runs after any writer, the builtin engine or a remote model. Each employer, title, date,
degree, institution, certificate, technology, link and metric is checked against the
artifact it is attributed to (names against all of the user's sources); sentences are
checked for numbers, technologies and proper names the sources lack, and for more years of
experience than the dated roles cover. An unsupported field is rewritten from the source
when the entry itself is the user's (a wrong title at a real employer takes the artifact's
title), an unsupported bullet is replaced by the artifact's own closest bullet or dropped,
and an entry no artifact stands behind is removed. The report says what was checked and
what went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumes.analysis import terms
from resumes.analysis.text import SENTENCE_END, STOPWORDS, content_stems

from .ranking import artifact_skills
from .sources import skills_shown

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_YEARS_CLAIM = re.compile(r"(\d+)\s*\+?\s*(?:years?|yrs?)\b", re.I)
_NAME = re.compile(r"\b[A-Z][\w&'.-]*[\w&]|\b[A-Z]\b")
# Capitalised words a writer uses without claiming a fact.
_ORDINARY = frozenset(
    "i jan feb mar apr may jun jul aug sep oct nov dec present dear kind regards application "
    "selected projects recent result work hands-on skilled one".split()
)
PROJECT_TYPES = ("project", "publication", "presentation")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text or "")}


def _skill_key(name: str) -> str:
    return (terms.canonical(name) or name).lower()


@dataclass
class Corpus:
    """What the sources say, indexed for the checks."""

    artifacts: list[dict]
    profile: dict
    extra_texts: list[str] = field(default_factory=list)
    years: int = 0

    def __post_init__(self) -> None:
        texts = [self.text_of(a) for a in self.artifacts]
        texts += [str(v) for v in self.profile.values()] + list(self.extra_texts)
        self.all_text = "\n".join(texts)
        self.words = {w.lower() for w in re.findall(r"[\w&'.-]+", self.all_text)} | {
            w.lower().strip(".'-") for w in re.findall(r"[\w&'.-]+", self.all_text)
        }
        self.numbers = _numbers(self.all_text)
        self.skills = {_skill_key(s) for s in skills_shown(self.artifacts, self.profile)}
        self.links = {link for a in self.artifacts for link in a["evidence_links"]}
        self.links |= set(self.profile.get("links") or [])

    @staticmethod
    def text_of(item: dict) -> str:
        return " ".join(
            [
                item["title"],
                item["organisation"],
                item["description"],
                item["start_date"],
                item["end_date"],
                item["duration"],
                item.get("issued", ""),
                *item["technologies"],
                *item["bullets"],
            ]
        )


@dataclass
class Report:
    claims_checked: int = 0
    removed: list[dict] = field(default_factory=list)
    rewritten: list[dict] = field(default_factory=list)

    def check(self, count: int = 1) -> None:
        self.claims_checked += count

    def remove(self, where: str, claim: str, reason: str) -> None:
        self.removed.append({"field": where, "claim": claim, "reason": reason})

    def rewrite(self, where: str, claim: str, source: str) -> None:
        self.rewritten.append({"field": where, "claim": claim, "source": source})

    def as_dict(self) -> dict:
        return {"claims_checked": self.claims_checked, "removed": self.removed, "rewritten": self.rewritten}


def problems(
    text: str, corpus: Corpus, *, item: dict | None = None, allowed: set[str] = frozenset()
) -> list[str]:
    """Why ``text`` is not supported by the sources (nothing: it is).

    Numbers and technologies must be the attributed artifact's own when there is one; a
    proper name may come from any source."""
    own_text = Corpus.text_of(item) if item else corpus.all_text
    own_numbers = _numbers(own_text) if item else corpus.numbers
    own_skills = {_skill_key(s) for s in artifact_skills(item)} if item else corpus.skills
    found = []
    years_numbers = set()
    for match in _YEARS_CLAIM.finditer(text):
        years_numbers.add(match.group(1))
        if int(match.group(1)) > max(corpus.years, 0):
            found.append(f"claims {match.group(0)} but the dated roles cover {corpus.years}")
    for number in _numbers(text) - years_numbers:
        if number not in own_numbers:
            found.append(f"the number {number} is not in the sources")
    for skill in terms.find_terms(text):
        if _skill_key(skill) not in own_skills and _skill_key(skill) not in allowed:
            found.append(f"{skill} is not in the sources")
    for match in _NAME.finditer(text):
        word = match.group(0).strip(".'-")
        low = word.lower()
        before = text[: match.start()].rstrip()
        if not before or before[-1] in ".:!?;(\"'“–-":  # a sentence's (or a clause's) first word
            continue
        if low in corpus.words or low in allowed or low in _ORDINARY or low in STOPWORDS:
            continue
        if terms.canonical(word) and _skill_key(word) in own_skills | corpus.skills:
            continue
        found.append(f"“{word}” is not in the sources")
    return list(dict.fromkeys(found))


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split((text or "").strip()) if s.strip()]


def _checked_text(text: str, corpus: Corpus, report: Report, where: str, **kw) -> str:
    kept = []
    for sentence in _sentences(text):
        report.check()
        why = problems(sentence, corpus, **kw)
        if why:
            report.remove(where, sentence, "; ".join(why))
        else:
            kept.append(sentence)
    return " ".join(kept)


def _closest(claim: str, candidates: list[str]) -> str | None:
    wanted = content_stems(claim)
    scored = [(len(wanted & content_stems(c)), c) for c in candidates]
    scored = [pair for pair in scored if pair[0] > 0]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _match(entry_keys: tuple[str, str], sources: list[dict]) -> tuple[dict | None, str]:
    """The source for an entry claiming (primary, secondary) names: both, the primary alone,
    or the secondary alone; with how it matched."""
    primary, secondary = (_norm(k) for k in entry_keys)
    for source in sources:
        if (
            primary
            and secondary
            and _norm(source["organisation"]) == primary
            and _norm(source["title"]) == secondary
        ):
            return source, "both"
    for source in sources:
        if primary and _norm(source["organisation"]) == primary:
            return source, "organisation"
    for source in sources:
        if secondary and _norm(source["title"]) == secondary:
            return source, "title"
    return None, ""


def _field(entry: dict, key: str, source_value: str, report: Report, where: str) -> None:
    report.check()
    if _norm(entry.get(key, "")) != _norm(source_value):
        if entry.get(key):
            report.rewrite(f"{where}.{key}", entry[key], source_value)
        entry[key] = source_value


def _list_of(
    entry: dict, key: str, allowed: set[str], report: Report, where: str, *, norm=_skill_key
) -> None:
    kept = []
    for value in entry.get(key) or []:
        report.check()
        if norm(value) in allowed:
            kept.append(value)
        else:
            report.remove(f"{where}.{key}", value, "not in the sources")
    entry[key] = list(dict.fromkeys(kept))


def _bullets(entry: dict, key: str, source: dict, corpus: Corpus, report: Report, where: str) -> None:
    kept: list[str] = []
    for bullet in entry.get(key) or []:
        report.check()
        why = problems(bullet, corpus, item=source)
        if not why:
            kept.append(bullet)
            continue
        report.remove(f"{where}.{key}", bullet, "; ".join(why))
        replacement = _closest(bullet, [b for b in source["bullets"] if b not in kept])
        if replacement:
            report.rewrite(f"{where}.{key}", bullet, replacement)
            kept.append(replacement)
    entry[key] = list(dict.fromkeys(kept))


def _supported(content: dict, key: str, sources: list[dict], find, claim, reason: str, report: Report):
    """Each entry of ``content[key]`` with the artifact it stands on and where it is; an entry no
    artifact supports is removed (and reported) before its fields are checked."""
    kept = []
    for i, entry in enumerate(content.get(key) or []):
        where = f"{key}[{i}]"
        report.check()
        source = find(entry, sources)
        if source is None:
            report.remove(where, claim(entry), reason)
            continue
        kept.append(entry)
        yield entry, source, where
    content[key] = kept


def _by_title(field: str):
    return lambda entry, sources: next(
        (s for s in sources if _norm(s["title"]) == _norm(entry.get(field, ""))), None
    )


def _joined(separator: str, *fields: str):
    return lambda entry: separator.join(p for p in (entry.get(f) for f in fields) if p)


def _evidence_url(entry: dict, source: dict, report: Report, where: str) -> None:
    report.check()
    if entry.get("evidenceUrl") and entry["evidenceUrl"] not in source["evidence_links"]:
        report.remove(f"{where}.evidenceUrl", entry["evidenceUrl"], "not one of the artifact's links")
        entry["evidenceUrl"] = (source["evidence_links"] or [""])[0]


def _experience(content: dict, corpus: Corpus, report: Report) -> None:
    entries = _supported(
        content,
        "experience",
        [a for a in corpus.artifacts if a["type"] == "experience"],
        lambda entry, sources: _match((entry.get("organization", ""), entry.get("title", "")), sources)[0],
        _joined(" at ", "title", "organization"),
        "no artifact has this role",
        report,
    )
    for entry, source, where in entries:
        _field(entry, "organization", source["organisation"], report, where)
        _field(entry, "title", source["title"], report, where)
        _field(entry, "duration", source["duration"], report, where)
        _bullets(entry, "achievements", source, corpus, report, where)
        _list_of(entry, "technologiesUsed", {_skill_key(s) for s in artifact_skills(source)}, report, where)
        _list_of(entry, "evidenceReferences", set(source["evidence_links"]), report, where, norm=str)


def _projects(content: dict, corpus: Corpus, report: Report) -> None:
    entries = _supported(
        content,
        "projects",
        [a for a in corpus.artifacts if a["type"] in PROJECT_TYPES],
        _by_title("name"),
        lambda entry: entry.get("name", ""),
        "no artifact has this project",
        report,
    )
    for entry, source, where in entries:
        entry["description"] = _checked_text(entry.get("description", ""), corpus, report, where, item=source)
        if not entry["description"] and source["bullets"]:
            entry["description"] = source["bullets"][0]
        entry["impactMetrics"] = _checked_text(
            entry.get("impactMetrics", ""), corpus, report, where, item=source
        )
        _list_of(entry, "technologies", {_skill_key(s) for s in artifact_skills(source)}, report, where)
        _evidence_url(entry, source, report, where)


def _education(content: dict, corpus: Corpus, report: Report) -> None:
    entries = _supported(
        content,
        "education",
        [a for a in corpus.artifacts if a["type"] == "education"],
        lambda entry, sources: _match((entry.get("institution", ""), entry.get("degree", "")), sources)[0],
        _joined(", ", "degree", "institution"),
        "no artifact has this degree or institution",
        report,
    )
    for entry, source, where in entries:
        _field(entry, "institution", source["organisation"], report, where)
        _field(entry, "degree", source["title"], report, where)
        _field(entry, "duration", source["duration"], report, where)
        _bullets(entry, "details", source, corpus, report, where)


def _certifications(content: dict, corpus: Corpus, report: Report) -> None:
    entries = _supported(
        content,
        "certifications",
        [a for a in corpus.artifacts if a["type"] == "certification"],
        _by_title("name"),
        lambda entry: entry.get("name", ""),
        "no artifact has this certificate",
        report,
    )
    for entry, source, where in entries:
        _field(entry, "issuer", source["organisation"], report, where)
        ended = source["duration"].split(" – ")[-1] if source["duration"] else ""
        _field(entry, "date", ended, report, where)
        _evidence_url(entry, source, report, where)


def verify_cv(content: dict, corpus: Corpus, *, fallback_summary: str = "") -> tuple[dict, Report]:
    """The content with every unsupported claim removed or rewritten, and the report."""
    content = {key: value for key, value in content.items()}
    report = Report()
    summary = _checked_text(content.get("professionalSummary", ""), corpus, report, "professionalSummary")
    content["professionalSummary"] = summary or fallback_summary
    skills = [s for s in content.get("keySkills") or []]
    content["keySkills"] = skills
    _list_of(content, "keySkills", corpus.skills, report, "")
    _experience(content, corpus, report)
    _projects(content, corpus, report)
    _education(content, corpus, report)
    _certifications(content, corpus, report)
    return content, report


def verify_letter(letter: dict, corpus: Corpus, *, allowed_names: list[str]) -> tuple[dict, Report]:
    """A cover letter's paragraphs checked sentence by sentence; the company and role it is
    addressed to may be named."""
    report = Report()
    allowed = {w.lower() for name in allowed_names for w in re.findall(r"[\w&'.-]+", name or "")}
    allowed |= {w.strip(".'-") for w in allowed}
    # "Backend Engineer" names the role, not a skill the letter claims.
    allowed |= {_skill_key(t) for name in allowed_names for t in terms.find_terms(name or "")}
    paragraphs = []
    for i, paragraph in enumerate(letter.get("paragraphs") or []):
        text = _checked_text(paragraph, corpus, report, f"paragraphs[{i}]", allowed=allowed)
        if text:
            paragraphs.append(text)
    ids = {a["id"] for a in corpus.artifacts}
    cited = [i for i in letter.get("citedArtifacts") or [] if i in ids]
    greeting = letter.get("greeting") or ""
    report.check()
    if problems(greeting, corpus, allowed=allowed):
        report.remove("greeting", greeting, "names someone the sources and the request do not")
        greeting = ""
    return {**letter, "paragraphs": paragraphs, "citedArtifacts": cited, "greeting": greeting}, report
