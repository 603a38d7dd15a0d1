"""RawDocument -> StructuredCV: sections dispatched to their field extractors."""

from __future__ import annotations

import re
import statistics

from ...schema import (
    Award,
    Basics,
    Certificate,
    Education,
    Location,
    Profile,
    Project,
    Provenance,
    Publication,
    Reference,
    StructuredCV,
    Volunteer,
    Work,
)
from ..document import SEP, SOFT, Line, RawDocument
from . import contacts
from .entries import Entry, header_fields, segment, split_degree_school, split_title_org
from .layout import Section, body_font_size, clean_text, join_wrapped, split_sections
from .patterns import PAGE_NUMBER_LINE, find_date_range, looks_like_location
from .sections import heading_kind
from .skills_section import parse_interests, parse_languages, parse_skill_lines
from .vocab import degree_match


def build_cv(doc: RawDocument) -> StructuredCV:
    raw_text = doc.text  # before joining, so provenance line numbers index into raw_text
    for no, line in enumerate(doc.lines, start=1):
        line.no = no
    lines = join_wrapped(doc.lines)
    for line in lines:
        line.text = clean_text(line.text)
    lines = [ln for ln in lines if ln.text and not PAGE_NUMBER_LINE.match(ln.text)]
    strict = doc.format == "latex" and sum(ln.heading for ln in lines) >= 2
    name_line = None if doc.hints.get("name") else contacts.name_line_by_size(lines, body_font_size(lines))
    header, sections = split_sections(lines, strict=strict, name_line=name_line)
    cv = StructuredCV(raw_text=raw_text, warnings=list(doc.warnings))
    ctx = _Context(cv=cv)
    contact_lines = header + [ln for s in sections if s.kind == "contact" for ln in s.lines]
    _basics(ctx, header, contact_lines, lines, doc, name_line)
    for section in sections:
        _HANDLERS.get(section.kind, _ignore)(ctx, section)
    if not cv.skills:
        _skills_from_text(cv)
    if not sections:
        cv.warnings.append("No section headings were recognised; fields may be incomplete.")
    return cv


class _Context:
    def __init__(self, cv: StructuredCV) -> None:
        self.cv = cv

    def mark(self, path: str, line: Line | None) -> None:
        """Provenance: ``line`` is the 1-based line of ``raw_text`` the value was read from."""
        if line is not None and line.no:
            self.cv.provenance.append(Provenance(field=path, page=line.page, line=line.no, source="builtin"))


# --------------------------------------------------------------------------- basics
def _basics(
    ctx: _Context, header: list[Line], contact_lines: list[Line], lines: list[Line], doc, name_line
) -> None:
    basics = ctx.cv.basics
    zone = contact_lines or lines[:15]
    zone_text = "\n".join(ln.text for ln in zone)
    all_text = "\n".join(ln.text for ln in lines)
    emails = contacts.find_emails(zone_text) or contacts.find_emails(all_text)[:1]
    basics.email = ", ".join(emails)
    phones = contacts.find_phones(zone_text) or _labelled_phones(lines) or _contact_line_phones(lines)
    basics.phone = ", ".join(phones[:3])
    # A contact strip outside the header (a footer, a sidebar further down) counts for links.
    strips = [
        ln for ln in lines if ln not in zone and (contacts.find_emails(ln.text) or _has_contact_link(ln))
    ]
    _links(basics, zone + strips[:3], doc, emails)
    if name_line is not None and name_line in contact_lines:
        # The biggest name-like print on page 1 (a sidebar may come first in reading order).
        name_zone, at = contact_lines, contact_lines.index(name_line)
        name = contacts.clean_name(contacts.first_piece(name_line.text))
    else:
        name_zone = header or lines[:8]
        name, at = contacts.pick_name(name_zone)
        if not name and header is not lines:
            name, at = contacts.pick_name(lines[:8])
            name_zone = lines[:8]
    basics.name = name
    if at >= 0:
        ctx.mark("basics.name", name_zone[at])
        basics.label = _inline_headline(name_zone[at].text, name) or _headline(name_zone, at)
    rest = [ln for i, ln in enumerate(zone) if not (zone is name_zone and i == at)]
    city = contacts.header_location(rest)
    if city:
        basics.location = _location(city)
    for ln in zone:
        if emails and emails[0] in ln.text.lower():
            ctx.mark("basics.email", ln)
            break
    _apply_hints(basics, doc.hints)
    summary = [ln.text for ln in header if len(ln.text) > 90 and not contacts.find_emails(ln.text)]
    if summary and not basics.summary:
        basics.summary = " ".join(summary)


def _apply_hints(basics: Basics, hints: dict) -> None:
    """What the markup states (LaTeX header macros) wins over what the text suggests."""
    if not hints:
        return
    basics.name = hints.get("name") or basics.name
    basics.label = hints.get("label") or basics.label
    if hints.get("emails"):
        basics.email = ", ".join(e.strip().lower() for e in hints["emails"])
    if hints.get("phones"):
        basics.phone = ", ".join(hints["phones"])
    if hints.get("url"):
        basics.url = contacts.normalise_url(hints["url"])
    place = hints.get("location") or hints.get("address")
    if place:
        basics.location = _location(place)
    for network, username, url in hints.get("profiles", []):
        if not any(p.network == network and p.username == username for p in basics.profiles):
            basics.profiles.append(Profile(network=network, username=username, url=url))


def _has_contact_link(line: Line) -> bool:
    return any(u.lower().startswith(("mailto:", "tel:")) for u in line.links)


def _contact_line_phones(lines: list[Line]) -> list[str]:
    """A phone printed beside the e-mail or profile links (a footer contact strip)."""
    for ln in lines:
        if (contacts.find_emails(ln.text) or _has_contact_link(ln)) and (
            found := contacts.find_phones(ln.text)
        ):
            return found
    for i, ln in enumerate(lines[:-1]):
        if contacts.find_emails(lines[i + 1].text) and (found := contacts.find_phones(ln.text)):
            return found
    return []


def _labelled_phones(lines: list[Line]) -> list[str]:
    for ln in lines:
        if re.search(r"\b(?:phone|tel|mobile|cell|telefon|téléphone|teléfono|handy)\b", ln.text, re.I):
            found = contacts.find_phones(ln.text)
            if found:
                return found
    return []


def _links(basics: Basics, zone: list[Line], doc: RawDocument, emails: list[str]) -> None:
    """Profiles and the personal site: from the contact zone, plus profile-shaped links elsewhere."""
    in_zone: list[str] = []
    for ln in zone:
        in_zone += ln.links
        in_zone += contacts.find_urls(ln.text)
    zone_set = set(in_zone)
    seen: set[str] = set()
    profiles: list[Profile] = []
    other: list[str] = []
    for url in in_zone + doc.links:
        low = url.lower()
        if low.startswith(("mailto:", "tel:")) or "@" in low.split("/")[0]:
            continue
        key = re.sub(r"^(?:https?://)?(?:www\.)?", "", low).rstrip("/")
        if key in seen or not key:
            continue
        seen.add(key)
        profile = contacts.profile_for(url)
        deep = url not in zone_set  # a link further down: a project, a paper, a repository
        if profile is not None:
            if not _good_profile(profile) or (deep and not _profile_shaped(url)):
                continue
            if deep and any(p.network == profile.network for p in profiles):
                continue
            if not any(p.network == profile.network and p.username == profile.username for p in profiles):
                profiles.append(profile)
        elif not deep:
            other.append(contacts.normalise_url(url))
    for profile in contacts.profiles_from_labels("\n".join(ln.text for ln in zone)):
        if not any(p.network == profile.network for p in profiles):
            profiles.append(profile)
    basics.profiles = profiles
    if other:
        basics.url = other[0]


def _good_profile(profile: Profile) -> bool:
    # "linkedin.com/in/..." placeholders and empty usernames are not profiles.
    return bool(re.fullmatch(r"@?[\w][\w.\-]{0,99}", profile.username)) and profile.username not in (
        "in",
        "pub",
    )


def _profile_shaped(url: str) -> bool:
    """github.com/user, linkedin.com/in/user: one account, not a repository or a post."""
    path = re.sub(r"^(?:[a-z]+://)?[^/]+", "", url.strip().lower()).split("?")[0].strip("/")
    segs = [x for x in path.split("/") if x]
    return len(segs) == 1 or (len(segs) == 2 and segs[0] in ("in", "pub", "u", "user", "users", "profile"))


def _zone_urls(zone: list[Line]) -> set[str]:
    return {u for ln in zone for u in ln.links}


def _headline(zone: list[Line], at: int) -> str:
    """The line under the name that says what the person does ("Senior Data Engineer")."""
    cands = []
    for ln in zone[at + 1 : at + 6]:
        text = re.split(r"\t|\s[|•·]\s", ln.text)[0].strip()
        if _headline_like(text):
            cands.append((ln, text))
    if not cands:
        return ""
    body = statistics.median([ln.size for ln in zone if ln.size] or [0])
    bigger = [text for ln, text in cands if body and ln.size > body + 0.5]
    return bigger[0] if bigger else cands[0][1]


def _inline_headline(text: str, name: str) -> str:
    """ "RAVI KUMAR | Full Stack Developer": the headline printed beside the name."""
    pieces = [p.strip() for p in re.split(r"\t|\s[|•·–—]\s", text) if p.strip()]
    if len(pieces) >= 2 and _headline_like(pieces[1]):
        return pieces[1]
    return ""


def _headline_like(text: str) -> bool:
    return bool(
        text
        and 2 <= len(text) <= 80
        and len(text.split()) <= 10
        and (" " in text or text[:1].isupper())  # not a bare handle like "jdoe"
        and not contacts.find_emails(text)
        and not contacts.find_phones(text)
        and not contacts.find_urls(text)
        and not looks_like_location(text)
        and not contacts.address_town(text)
        and not find_date_range(text)
        and not re.search(r"[\ue000-\uf8ff@]", text)
        and not heading_kind(text)
    )


def _location(text: str) -> Location:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 2:
        region = parts[-1]
        return Location(city=", ".join(parts[:-1]), region=region, address=text)
    return Location(city=text, address=text)


# --------------------------------------------------------------------------- sections
def _entries(section: Section) -> list[Entry]:
    return segment(section.lines)


def _bullets(entry: Entry) -> list[str]:
    texts = (b.text.split(SEP)[0].replace(SOFT, " ").strip() for b in entry.body)
    return [t for t in texts if t]


def _work(ctx: _Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            work = Work(
                name=f.get("org", ""),
                position=f.get("title", ""),
                location=f.get("location", ""),
                startDate=f.get("start", ""),
                endDate=f.get("end", ""),
                highlights=_bullets(entry) or _split_desc(f.get("description", "")),
            )
        else:
            hf = header_fields(entry)
            title, org = split_title_org(hf.pieces)
            work = Work(
                name=org,
                position=title,
                location=hf.location,
                startDate=hf.start,
                endDate=hf.end,
                highlights=_bullets(entry),
            )
        if not (work.name or work.position):
            continue
        if work.position and not work.name and work.startDate and ctx.cv.work and entry.fields is None:
            # A second role under the same employer heading ("Google / Senior Engineer ... /
            # Engineer 2018–2020"): the employer carries over.
            work.name = ctx.cv.work[-1].name
            work.location = work.location or ctx.cv.work[-1].location
        ctx.cv.work.append(work)
        ctx.mark(f"work[{len(ctx.cv.work) - 1}]", entry.first_line)


def _split_desc(text: str) -> list[str]:
    parts = [p.strip(" •-") for p in re.split(r"\n|(?<=[.!?])\s+(?=[A-Z])", text) if p.strip(" •-")]
    return parts


def _volunteer(ctx: _Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            title, org, start, end = (
                f.get("title", ""),
                f.get("org", ""),
                f.get("start", ""),
                f.get("end", ""),
            )
        else:
            hf = header_fields(entry)
            title, org = split_title_org(hf.pieces)
            start, end = hf.start, hf.end
        if title or org:
            ctx.cv.volunteer.append(
                Volunteer(
                    organization=org, position=title, startDate=start, endDate=end, highlights=_bullets(entry)
                )
            )


def _education(ctx: _Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            degree, area, school = _edu_from_fields(f)
            edu = Education(
                institution=school,
                studyType=degree,
                area=area,
                location=f.get("location", ""),
                startDate=f.get("start", ""),
                endDate=f.get("end", ""),
            )
        else:
            hf = header_fields(entry)
            degree, area, school = split_degree_school(hf.pieces)
            edu = Education(
                institution=school,
                studyType=degree,
                area=area,
                location=hf.location,
                startDate=hf.start,
                endDate=hf.end,
            )
            if hf.start and not hf.end and hf.start != "present":
                # A single date on a degree is when it was (or will be) completed.
                edu.startDate, edu.endDate = "", hf.start
        for line in entry.body + entry.head:
            if m := re.search(
                r"\b(?:GPA|CGPA|Grade|Note|Mention|Score)\s*:?\s*([\d.,]+\s*(?:/\s*[\d.]+)?)", line.text, re.I
            ):
                edu.score = m.group(1).strip()
                break
        if not (edu.institution or edu.studyType):
            continue
        ctx.cv.education.append(edu)
        ctx.mark(f"education[{len(ctx.cv.education) - 1}]", entry.first_line)


def _edu_from_fields(f: dict[str, str]) -> tuple[str, str, str]:
    """Markup says which argument is the degree (the entry's title) and which the school."""
    degree, school = f.get("title", ""), f.get("org", "")
    m = re.match(r"^(.{2,40}?)\s+(?:in|of|en)\s+(.+)$", degree)
    if m and degree_match(m.group(1)):
        return m.group(1), m.group(2), school
    return degree, "", school


def _projects(ctx: _Context, section: Section) -> None:
    for entry in _entries(section):
        if entry.fields is not None:
            f = entry.fields
            name = f.get("title") or f.get("org", "")
            desc = f.get("org", "") if f.get("title") else ""
            start, end = f.get("start", ""), f.get("end", "")
        else:
            hf = header_fields(entry)
            name = hf.pieces[0] if hf.pieces else ""
            desc = " ".join(hf.pieces[1:])
            start, end = hf.start, hf.end
        if not name:
            continue
        urls = [u for ln in entry.head for u in ln.links + contacts.find_urls(ln.text)]
        ctx.cv.projects.append(
            Project(
                name=name,
                description=desc,
                highlights=_bullets(entry),
                startDate=start,
                endDate=end,
                url=contacts.normalise_url(urls[0]) if urls else "",
            )
        )


def _skills(ctx: _Context, section: Section) -> None:
    for group in parse_skill_lines(section.lines, default_group=section.title):
        ctx.cv.skills.append(group)


def _skills_from_text(cv: StructuredCV) -> None:
    from ..skills import find_skills

    found = find_skills(cv.raw_text)
    if found:
        from ...schema import Skill

        cv.skills.append(Skill(name="Skills", keywords=found))
        cv.warnings.append("No skills section found: skills were matched against the vocabulary.")


def _languages(ctx: _Context, section: Section) -> None:
    from ...schema import Skill

    found = parse_languages(section.lines)
    ctx.cv.languages.extend(found)
    # Spoken languages are skills too: matchers and ATS checks look for them there.
    names = [lang.language for lang in found if lang.language]
    if names:
        title = section.title or "Languages"
        if any(g.name.casefold() == title.casefold() for g in ctx.cv.skills):
            title = "Spoken languages"  # "Languages" already names the programming languages
        ctx.cv.skills.append(Skill(name=title, keywords=names))


def _interests(ctx: _Context, section: Section) -> None:
    ctx.cv.interests.extend(parse_interests(section.lines))


def _simple_items(section: Section) -> list[tuple[str, str, Line]]:
    """(text, date) for each item of a list-like section (certificates, awards, talks)."""
    out = []
    for entry in _entries(section):
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


def _certificates(ctx: _Context, section: Section) -> None:
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


def _awards(ctx: _Context, section: Section) -> None:
    for text, date, _ in _simple_items(section):
        title, awarder = text, ""
        if m := re.match(r"^(.*?)\s+(?:[—–|]|-)\s+(.+)$", text):
            title, awarder = m.group(1), m.group(2)
        ctx.cv.awards.append(Award(title=title, awarder=awarder, date=date))


def _publications(ctx: _Context, section: Section) -> None:
    for text, date, _ in _simple_items(section):
        ctx.cv.publications.append(Publication(name=text, releaseDate=date))


def _references(ctx: _Context, section: Section) -> None:
    for text, _, _ in _simple_items(section):
        if re.search(r"upon request|on request|sur demande|auf anfrage|a petición", text, re.I):
            continue
        ctx.cv.references.append(Reference(name=text))


def _summary(ctx: _Context, section: Section) -> None:
    text = " ".join(ln.text.replace(SEP, " ").replace(SOFT, " ") for ln in section.lines)
    basics = ctx.cv.basics
    basics.summary = (
        (basics.summary + " " + text).strip() if basics.summary and text not in basics.summary else text
    )


def _ignore(ctx: _Context, section: Section) -> None:
    return None


_HANDLERS = {
    "summary": _summary,
    "experience": _work,
    "education": _education,
    "skills": _skills,
    "projects": _projects,
    "certificates": _certificates,
    "languages": _languages,
    "awards": _awards,
    "publications": _publications,
    "volunteer": _volunteer,
    "interests": _interests,
    "references": _references,
}
