"""List-like sections: skills, languages, interests, certificates, awards, publications, references."""

from __future__ import annotations

import re

from ...schema import Award, Certificate, Publication, Reference, Skill, StructuredCV
from ..document import Line
from .context import Context
from .entries import segment
from .layout import Section
from .patterns import find_date_range
from .skills_section import parse_interests, parse_languages, parse_skill_lines, spoken_languages


def skills(ctx: Context, section: Section) -> None:
    for group in parse_skill_lines(section.lines, default_group=section.title):
        spoken = spoken_languages(group.keywords)
        if spoken:
            # "Spoken languages: English (native), German (B2)" under Skills lists languages;
            # the group stays among the skills as printed (as a Languages section's does).
            known = {lang.language.casefold() for lang in ctx.cv.languages}
            ctx.cv.languages.extend(lang for lang in spoken if lang.language.casefold() not in known)
        ctx.cv.skills.append(group)


def skills_from_text(cv: StructuredCV) -> None:
    from ..skills import find_skills

    found = find_skills(cv.raw_text)
    if found:
        from ...schema import Skill

        cv.skills.append(Skill(name="Skills", keywords=found))
        cv.warnings.append("No skills section found: skills were matched against the vocabulary.")


def languages(ctx: Context, section: Section) -> None:
    found = parse_languages(section.lines)
    ctx.cv.languages.extend(found)
    # Spoken languages are skills too: matchers and ATS checks look for them there.
    names = [lang.language for lang in found if lang.language]
    if names:
        title = section.title or "Languages"
        title = title.title() if title.isupper() else title  # "LANGUAGES" is a heading's case
        if any(g.name.casefold() == title.casefold() for g in ctx.cv.skills):
            title = "Spoken languages"  # "Languages" already names the programming languages
        ctx.cv.skills.append(Skill(name=title, keywords=names))


def interests(ctx: Context, section: Section) -> None:
    ctx.cv.interests.extend(parse_interests(section.lines))


def _simple_items(section: Section) -> list[tuple[str, str, Line]]:
    """(text, date) for each item of a list-like section (certificates, awards, talks)."""
    out = []
    for entry in segment(section.lines):
        lines = entry.head + entry.body
        if entry.fields is not None:
            f = entry.fields
            text = " — ".join(p for p in (f.get("title", ""), f.get("org", "")) if p)
            out.append((text, f.get("start", "") or f.get("end", ""), entry.head[0]))
            continue
        for ln in lines if all(len(x.text) < 140 for x in lines) else lines[:1]:
            text = ln.text
            date = ""
            if found := find_date_range(text):
                date = found[1] if found[1] and found[1] != "present" else found[0]
                a, b = found[2]
                text = (text[:a] + " " + text[b:]).strip()
            text = re.sub(r"\s*\t\s*", " — ", text).strip(" ,;|—–-()")
            if text:
                out.append((text, date, ln))
    return out


def certificates(ctx: Context, section: Section) -> None:
    for text, date, _ in _simple_items(section):
        name, issuer = text, ""
        # "Name, Issuer" or "Name – Issuer"; not "AWS Certified ML – Specialty".
        m = re.match(r"^(.*?)(?:,\s+|\s+[—–|-]\s+)(.+)$", text)
        if m and _issuer_like(m.group(2)):
            name, issuer = m.group(1), m.group(2)
        ctx.cv.certificates.append(Certificate(name=name, issuer=issuer, date=date))


_ISSUERS = re.compile(
    r"\b(?:coursera|edx|udemy|udacity|linkedin|google|microsoft|amazon|aws|oracle|cisco|ibm|meta|pmi|axelos"
    r"|comptia|isc2|\(isc\)²|isaca|salesforce|hashicorp|cncf|linux foundation|scrum\.org|scrum alliance"
    r"|red hat|vmware|sap|databricks|snowflake|tableau|hubspot|institute|academy|university|council|board"
    r"|association|foundation|ministry|chamber)\b",
    re.I,
)


def _issuer_like(text: str) -> bool:
    from .vocab import org_score

    return bool(_ISSUERS.search(text)) or org_score(text) >= 1


def awards(ctx: Context, section: Section) -> None:
    for text, date, _ in _simple_items(section):
        title, awarder = text, ""
        if m := re.match(r"^(.*?)\s+(?:[—–|]|-)\s+(.+)$", text):
            title, awarder = m.group(1), m.group(2)
        ctx.cv.awards.append(Award(title=title, awarder=awarder, date=date))


def publications(ctx: Context, section: Section) -> None:
    for text, date, _ in _simple_items(section):
        ctx.cv.publications.append(Publication(name=text, releaseDate=date))


def references(ctx: Context, section: Section) -> None:
    for text, _, _ in _simple_items(section):
        if re.search(r"upon request|on request|sur demande|auf anfrage|a petición", text, re.I):
            continue
        ctx.cv.references.append(Reference(name=text))
