"""The neutral document every renderer draws: sections of entries, already ordered.

It holds plain strings only — no markup. Each renderer escapes for its own format (Typst
reads it as JSON data, so it never becomes markup at all).
"""

import re
from dataclasses import dataclass

import segno

from resumes.schema import StructuredCV

from .options import MARGINS_CM, SECTION_IDS, RenderOptions

TITLES = {
    "summary": "Summary",
    "experience": "Experience",
    "projects": "Projects",
    "education": "Education",
    "skills": "Skills",
    "certifications": "Certifications",
    "publications": "Publications",
    "awards": "Awards",
    "languages": "Languages",
    "volunteer": "Volunteering",
    "interests": "Interests",
    "references": "References",
}

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")
_URL_SCHEME = re.compile(r"^https?://(www\.)?")
_LINKABLE = re.compile(r"^(https?://|mailto:)")


def format_date(value: str) -> str:
    """``2021-03`` → ``Mar 2021``; ``present`` → ``Present``; anything else as printed."""
    value = (value or "").strip()
    match = _ISO_MONTH.match(value)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{_MONTHS[int(match.group(2)) - 1]} {match.group(1)}"
    if value.lower() in {"present", "current", "now"}:
        return "Present"
    return value


def date_range(start: str, end: str) -> str:
    start, end = format_date(start), format_date(end)
    if start and end:
        return f"{start} – {end}"
    return start or end


@dataclass
class Evidence:
    url: str
    qr_svg: str = ""

    def as_dict(self) -> dict:
        return {"url": self.url, "label": display_url(self.url), "qr": self.qr_svg}


def display_url(url: str) -> str:
    return _URL_SCHEME.sub("", url).rstrip("/")


def _evidence(url: str, options: RenderOptions) -> dict | None:
    url = (url or "").strip()
    if not url or not options.include_evidence or not _LINKABLE.match(url):
        return None
    qr = ""
    if options.evidence_format == "qr_codes":
        qr = segno.make(url, error="m").svg_inline(scale=2, border=0, omitsize=False)
    return Evidence(url=url, qr_svg=qr).as_dict()


def _entry(*, title="", subtitle="", dates="", location="", summary="", bullets=(), url="", options):
    bullets = [b.strip() for b in bullets if b and b.strip()]
    return {
        "title": title.strip(),
        "subtitle": subtitle.strip(),
        "dates": dates,
        "location": location.strip(),
        "summary": "" if _says_again(summary, bullets) else summary.strip(),
        "bullets": bullets,
        "link": _evidence(url, options),
    }


def _flat(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _says_again(summary: str, bullets: list[str]) -> bool:
    """Whether a summary only repeats the bullets under it (all of them, or one of them): a CV
    parsed from one paragraph into both must not print it twice."""
    said = _flat(summary)
    if not said or not bullets:
        return False
    return said == _flat(" ".join(bullets)) or any(f" {said} " in f" {_flat(b)} " for b in bullets)


def _contacts(cv: StructuredCV) -> list[dict]:
    basics = cv.basics
    contacts = []
    if basics.email:
        contacts.append({"kind": "email", "text": basics.email, "url": f"mailto:{basics.email}"})
    if basics.phone:
        contacts.append({"kind": "phone", "text": basics.phone, "url": ""})
    loc = basics.location
    place = ", ".join(p for p in (loc.city, loc.region, loc.countryCode) if p)
    if place:
        contacts.append({"kind": "location", "text": place, "url": ""})
    if basics.url:
        contacts.append({"kind": "url", "text": display_url(basics.url), "url": basics.url})
    for profile in basics.profiles:
        shown = display_url(profile.url)
        if profile.url and ("/" in shown or not profile.username):
            contacts.append({"kind": "profile", "text": shown, "url": profile.url})
        elif profile.url:  # a bare site link: say whose profile it is
            text = f"{profile.network or shown}: {profile.username}"
            contacts.append({"kind": "profile", "text": text, "url": profile.url})
        elif profile.username:
            text = f"{profile.network}: {profile.username}" if profile.network else profile.username
            contacts.append({"kind": "profile", "text": text, "url": ""})
    return contacts


# Entry sections: the StructuredCV list each draws from, and how one item becomes an entry.
_ENTRY_SOURCES = {
    "experience": (
        lambda cv: cv.work,
        lambda w: {
            "title": w.position,
            "subtitle": w.name,
            "dates": date_range(w.startDate, w.endDate),
            "location": w.location,
            "summary": w.summary,
            "bullets": w.highlights,
            "url": w.url,
        },
    ),
    "volunteer": (
        lambda cv: cv.volunteer,
        lambda v: {
            "title": v.position,
            "subtitle": v.organization,
            "dates": date_range(v.startDate, v.endDate),
            "summary": v.summary,
            "bullets": v.highlights,
            "url": v.url,
        },
    ),
    "education": (
        lambda cv: cv.education,
        lambda e: {
            "title": ", ".join(p for p in (e.studyType, e.area) if p) if e.studyType else e.area,
            "subtitle": e.institution,
            "dates": date_range(e.startDate, e.endDate),
            "location": e.location,
            "summary": f"Grade: {e.score}" if e.score else "",
            "bullets": e.courses,
            "url": e.url,
        },
    ),
    "projects": (
        lambda cv: cv.projects,
        lambda p: {
            "title": p.name,
            "subtitle": ", ".join(p.roles) or p.entity,
            "dates": date_range(p.startDate, p.endDate),
            "summary": p.description,
            "bullets": p.highlights,
            "url": p.url,
        },
    ),
    "certifications": (
        lambda cv: cv.certificates,
        lambda c: {"title": c.name, "subtitle": c.issuer, "dates": format_date(c.date), "url": c.url},
    ),
    "publications": (
        lambda cv: cv.publications,
        lambda p: {
            "title": p.name,
            "subtitle": p.publisher,
            "dates": format_date(p.releaseDate),
            "summary": p.summary,
            "url": p.url,
        },
    ),
    "awards": (
        lambda cv: cv.awards,
        lambda a: {
            "title": a.title,
            "subtitle": a.awarder,
            "dates": format_date(a.date),
            "summary": a.summary,
        },
    ),
    "references": (lambda cv: cv.references, lambda r: {"title": r.name, "summary": r.reference}),
}


def _entries_for(section: str, cv: StructuredCV, o: RenderOptions) -> list[dict]:
    if section not in _ENTRY_SOURCES:
        return []
    items, fields = _ENTRY_SOURCES[section]
    return [_entry(**fields(item), options=o) for item in items(cv)]


def _groups_for(section: str, cv: StructuredCV) -> list[dict]:
    if section in ("skills", "interests"):  # named keyword lists; a bare name is its own item
        groups = [
            {"name": g.name if g.keywords else "", "items": g.keywords or [g.name]}
            for g in getattr(cv, section)
        ]
    elif section == "languages":
        items = [
            f"{lang.language} ({lang.fluency})" if lang.fluency else lang.language for lang in cv.languages
        ]
        groups = [{"name": "", "items": items}] if items else []
    else:
        return []
    return [
        g | {"items": [x.strip() for x in g["items"] if x and x.strip()]} for g in groups if any(g["items"])
    ]


GROUP_SECTIONS = {"skills", "languages", "interests"}
MAX_CUSTOM_SECTIONS = 10


def custom_sections_of(raw) -> list[dict]:
    """A document's own sections (CV Tailor's ``customSections``), in the order given:
    ``{title: [lines]}`` or ``[{"title", "lines"}]`` → ``[{"title", "lines"}]``, blank titles
    and lines dropped."""
    pairs = raw.items() if isinstance(raw, dict) else ((s.get("title"), s.get("lines")) for s in raw or [])
    sections = []
    for title, lines in pairs:
        lines = [lines] if isinstance(lines, str) else list(lines or [])
        kept = [str(line).strip() for line in lines if str(line).strip()]
        if str(title or "").strip() and kept:
            sections.append({"title": str(title).strip(), "lines": kept})
    return sections[:MAX_CUSTOM_SECTIONS]


def custom_section(index: int, title: str, lines: list[str]) -> dict:
    """One line reads as a paragraph, several as a bullet list; every renderer draws both."""
    body = {"id": f"custom-{index}", "title": title, "custom": True}
    if len(lines) == 1:
        return body | {"kind": "text", "text": lines[0]}
    return body | {"kind": "list", "items": lines}


def build_section(section: str, cv: StructuredCV, options: RenderOptions) -> dict | None:
    body: dict = {"id": section, "title": TITLES[section]}
    if section == "summary":
        if not cv.basics.summary.strip():
            return None
        return body | {"kind": "text", "text": cv.basics.summary.strip()}
    if section in GROUP_SECTIONS:
        groups = _groups_for(section, cv)
        return body | {"kind": "groups", "groups": groups} if groups else None
    entries = [e for e in _entries_for(section, cv, options) if e["title"] or e["subtitle"] or e["summary"]]
    return body | {"kind": "entries", "entries": entries} if entries else None


def build_document(
    *,
    cv: StructuredCV,
    options: RenderOptions,
    manifest: dict,
    letter: dict | None = None,
    custom_sections=None,
) -> dict:
    """Everything a template needs, as plain JSON-able data. The document's own sections
    (``custom_sections``) follow the template's, in the main column; a letter prints them
    after its signature."""
    default_order = manifest.get("section_order") or list(SECTION_IDS)
    sidebar_ids = set(manifest.get("sidebar_sections", []))
    sections = [
        s for s in (build_section(sid, cv, options) for sid in options.ordered_sections(default_order)) if s
    ]
    for section in sections:
        section["sidebar"] = section["id"] in sidebar_ids
        section["custom"] = False
    for index, custom in enumerate(custom_sections_of(custom_sections), start=1):
        sections.append(custom_section(index, custom["title"], custom["lines"]) | {"sidebar": False})
    return {
        "name": cv.basics.name.strip(),
        "label": cv.basics.label.strip(),
        "contacts": _contacts(cv),
        "sections": sections,
        "letter": _letter(letter, cv) if manifest.get("kind") == "cover_letter" else None,
        "options": resolved_options(options, manifest),
    }


def _letter(letter: dict | None, cv: StructuredCV) -> dict:
    letter = letter or {}
    paragraphs = letter.get("paragraphs") or [
        p for p in re.split(r"\n\s*\n", letter.get("body", "")) if p.strip()
    ]
    return {
        "date": str(letter.get("date", "")),
        "recipient": str(letter.get("recipient", "")),
        "company": str(letter.get("company", "")),
        "address": str(letter.get("address", "")),
        "role": str(letter.get("role", "")),
        "greeting": str(letter.get("greeting") or "Dear Hiring Manager,"),
        "paragraphs": [str(p).strip() for p in paragraphs if str(p).strip()],
        "closing": str(letter.get("closing") or "Sincerely,"),
        "signature": str(letter.get("signature") or cv.basics.name),
    }


def resolved_options(options: RenderOptions, manifest: dict) -> dict:
    """Turn choices into the numbers and colours a template draws with."""
    colours = manifest.get("colors", {})
    scheme = options.color_scheme
    accent = "#000000" if scheme == "monochrome" else colours.get("accent", "#1f4e79")
    return {
        "paper": "a4" if options.page_size == "a4" else "us-letter",
        "margin_cm": MARGINS_CM[options.margins],
        "font_size": options.font_size or manifest.get("font_size", 10.5),
        "color_scheme": scheme,
        "accent": accent,
        "fill": colours.get("fill", "#eef3f8") if scheme == "full_color" else "#ffffff",
        # A light panel colour (sidebars) that every scheme keeps; monochrome turns it grey.
        "tint": "#f2f2f2" if scheme == "monochrome" else colours.get("fill", "#eef3f8"),
        "heading": accent,  # headings take the accent; only monochrome turns both black
        "watermark": {"text": options.watermark_text, "opacity": options.watermark_opacity},
        "evidence": options.evidence_format if options.include_evidence else "none",
    }
