"""Basics: name, headline, e-mail, phone, links and place, from the CV's contact zone."""

from __future__ import annotations

import re
import statistics

from ...schema import Basics, Location, Profile
from ..document import Line, RawDocument
from . import contacts
from .context import Context
from .patterns import find_date_range, looks_like_location
from .sections import heading_kind


def fill_basics(
    ctx: Context, header: list[Line], contact_lines: list[Line], lines: list[Line], doc, name_line
) -> None:
    basics = ctx.cv.basics
    zone = contact_lines or lines[:15]
    zone_text = contacts.unwrap_emails("\n".join(ln.text for ln in zone))
    all_text = contacts.unwrap_emails("\n".join(ln.text for ln in lines))
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
        # A name from the CV's header block is likelier than one picked from further down.
        ctx.mark("basics.name", name_zone[at], 0.9 if name_zone is header or name_line is not None else 0.7)
        basics.label = _inline_headline(name_zone[at].text, name) or _headline(name_zone, at)
    rest = [ln for i, ln in enumerate(zone) if not (zone is name_zone and i == at)]
    city = contacts.header_location(rest)
    if city:
        basics.location = _location(city)
    _mark_contacts(ctx, zone, lines, emails, phones)
    _apply_hints(basics, doc.hints)
    summary = [ln.text for ln in header if len(ln.text) > 90 and not contacts.find_emails(ln.text)]
    if summary and not basics.summary:
        basics.summary = " ".join(summary)


def _mark_contacts(
    ctx: Context, zone: list[Line], lines: list[Line], emails: list[str], phones: list[str]
) -> None:
    """Where the e-mail and phone were read, and how sure: in the contact zone, or found
    further down the document (a footer, a sidebar), which is likelier to be someone else's."""
    for path, value in (
        ("basics.email", emails[0] if emails else ""),
        ("basics.phone", phones[0] if phones else ""),
    ):
        if not value:
            continue
        needle = value.lower() if path == "basics.email" else "".join(c for c in value if c.isdigit())[-7:]
        for where, confidence in ((zone, 0.95), (lines, 0.7)):
            hit = next((ln for ln in where if needle in _haystack(ln.text, path)), None)
            if hit is not None:
                ctx.mark(path, hit, confidence)
                break


def _haystack(text: str, path: str) -> str:
    return text.lower() if path == "basics.email" else "".join(c for c in text if c.isdigit())


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
        and (" " in text or text[:1].isupper() or not text[:1].isascii())  # not a bare handle like "jdoe"
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
