"""Seeded persona generator: invented CV contents as JSON Resume data plus the print options
the renderers need (language, date style, missing dates, employer printed only as a link).

Every persona is invented from the word pools in ``vocab.py``; no real person's data is used. The same
seed always gives the same personas, so the labels in ``labels/`` can be regenerated and
compared byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from vocab import (
    CITIES,
    COMPANIES,
    DEGREES,
    FIRST,
    LAST,
    LINK_EMPLOYERS,
    OBJECTS,
    OUTCOMES,
    PROJECTS,
    SCHOOLS,
    SKILL_GROUP,
    SKILLS,
    TITLES,
    VERBS,
)


@dataclass
class Persona:
    key: str
    lang: str
    date_style: str  # how dates print: see renderers.dates
    resume: dict  # JSON Resume data
    link_employer: set[int] = field(default_factory=set)  # work indexes printed only as a link
    jobboard: bool = False  # jobs printed "Title as Role at Company / Mon YYYY to Mon YYYY"


DATE_STYLES = {
    "en": ["mon_year", "month_year", "mm_yyyy", "year"],
    "fr": ["mon_year", "mm_yyyy", "since"],
    "de": ["mm_yyyy", "month_year", "since"],
    "es": ["mon_year", "mm_yyyy", "month_year"],
    "zh": ["yyyy_mm_dot", "yyyy_nian"],
}


def _bullet(rng: random.Random, long: bool) -> str:
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if long:
        text += f", {rng.choice(OUTCOMES)}, working with product, design and support to ship it on time"
    else:
        text += f" {rng.choice(OUTCOMES)}"
    return text


def _timeline(rng: random.Random, n: int) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """n jobs, newest first, back from the present; the first is ongoing."""
    out = []
    y, m = 2024, rng.randint(1, 12)
    for i in range(n):
        months = rng.randint(8, 40)
        sm = m - months
        sy = y + (sm - 1) // 12
        sm = (sm - 1) % 12 + 1
        out.append(((sy, sm), None if i == 0 else (y, m)))
        gap = rng.randint(0, 3)
        y, m = sy + (sm - 1 - gap) // 12, (sm - 1 - gap) % 12 + 1
    return out


def _ym(d: tuple[int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}"


def make_persona(seed: int, lang: str, idx: int) -> Persona:
    rng = random.Random(seed * 1000 + idx)
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    name = f"{last} {first}" if lang == "zh" and rng.random() < 0.5 else f"{first} {last}"
    ascii_name = "".join(c for c in f"{first}.{last}".lower() if c.isascii() and (c.isalnum() or c == "."))
    n_jobs = rng.choice([1, 2, 3, 3, 4, 4, 5, 6, 8, 12])
    date_style = rng.choice(DATE_STYLES[lang])
    jobboard = lang == "en" and rng.random() < 0.25
    work, link_employer = [], set()
    companies = rng.sample(COMPANIES[lang], k=min(n_jobs, len(COMPANIES[lang])))
    for i, (start, end) in enumerate(_timeline(rng, n_jobs)):
        company = companies[i % len(companies)]
        url = ""
        if not jobboard and rng.random() < 0.12:
            company = rng.choice(LINK_EMPLOYERS)
            url = f"https://{company}"
            link_employer.add(i)
        dated = rng.random() > 0.08  # some jobs print no dates at all
        job = {
            "name": company,
            "position": rng.choice(TITLES[lang]),
            "location": rng.choice(CITIES[lang]) if rng.random() < 0.6 else "",
            "startDate": _ym(start) if dated else "",
            "endDate": (_ym(end) if end else "") if dated else "",
            "url": url,
            "highlights": [
                _bullet(rng, rng.random() < 0.4) for _ in range(rng.randint(0 if n_jobs > 6 else 1, 4))
            ],
        }
        if date_style == "year" and dated:
            job["startDate"] = job["startDate"][:4]
            job["endDate"] = job["endDate"][:4]
        work.append(job)
    # Education starts before the oldest job.
    n_edu = rng.choice([1, 1, 2, 2, 3])
    oldest = min((int(w["startDate"][:4]) for w in work if w["startDate"]), default=2015)
    education, end_y = [], oldest
    schools = rng.sample(SCHOOLS[lang], k=n_edu)
    degrees = sorted(rng.sample(DEGREES[lang], k=min(n_edu, len(DEGREES[lang]))), key=lambda d: -_level(d[0]))
    for i in range(n_edu):
        deg, area = degrees[i % len(degrees)]
        years = rng.choice([2, 3, 4])
        education.append(
            {
                "institution": schools[i],
                "area": area,
                "studyType": deg,
                "startDate": f"{end_y - years}-09",
                "endDate": f"{end_y}-06",
                "location": rng.choice(CITIES[lang]) if rng.random() < 0.5 else "",
            }
        )
        end_y -= years
    skills = []
    for g in range(rng.randint(1, 3)):
        skills.append(
            {"name": SKILL_GROUP[lang][g], "keywords": rng.sample(SKILLS[g][1], k=rng.randint(3, 5))}
        )
    projects = [
        {"name": p, "description": _bullet(rng, False), "startDate": "", "endDate": ""}
        for p in rng.sample(PROJECTS, k=rng.randint(0, 2))
    ]
    resume = {
        "basics": {
            "name": name,
            "label": rng.choice(TITLES[lang]),
            "email": f"{ascii_name}@{rng.choice(['mailbox.example', 'example.org', 'post.example.net'])}",
            "phone": _phone(rng, lang),
            "url": f"https://{ascii_name.replace('.', '')}.example.dev" if rng.random() < 0.4 else "",
            "location": {"city": rng.choice(CITIES[lang])},
            "summary": "",
            "profiles": [
                {
                    "network": "GitHub",
                    "username": ascii_name.replace(".", ""),
                    "url": f"https://github.com/{ascii_name.replace('.', '')}",
                }
            ]
            if rng.random() < 0.6
            else [],
        },
        "work": work,
        "education": education,
        "skills": skills,
        "projects": projects,
    }
    return Persona(
        key=f"{lang}{idx:02d}",
        lang=lang,
        date_style=date_style,
        resume=resume,
        link_employer=link_employer,
        jobboard=jobboard,
    )


def _level(degree: str) -> int:
    d = degree.lower()
    if d.startswith(("phd", "doct", "prom", "博士")):
        return 3
    if d.startswith(("m", "硕士", "diplôme", "diplom")):
        return 2
    return 1


def _phone(rng: random.Random, lang: str) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(8))
    return {
        "en": f"+44 7{digits[:3]} {digits[3:]}{rng.randint(0, 9)}",
        "fr": f"+33 6 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}",
        "de": f"+49 151 {digits}",
        "es": f"+34 6{digits[:2]} {digits[2:5]} {digits[5:]}",
        "zh": f"+86 139 {digits[:4]} {digits[4:]}",
    }[lang]


def personas(seed: int = 14, per_lang: dict[str, int] | None = None) -> list[Persona]:
    per_lang = per_lang or {"en": 12, "fr": 5, "de": 5, "es": 4, "zh": 4}
    return [make_persona(seed, lang, i) for lang, n in per_lang.items() for i in range(n)]


def label(p: Persona, documents: list[str], design: str) -> dict:
    """The scorer's label (dev-corpus schema) for one persona."""
    r = p.resume
    b = r["basics"]
    links = ([b["url"]] if b["url"] else []) + [
        {"network": x["network"], "username": x["username"], "url": x["url"]} for x in b["profiles"]
    ]
    return {
        "documents": documents,
        "label_source": f"bench/corpus/personas.py persona {p.key}",
        "label_provenance": f"gold-source: the data the documents were rendered from ({design})",
        "name": b["name"],
        "headline": b["label"] or None,
        "email": [b["email"]],
        "phone": [b["phone"]],
        "location": b["location"]["city"],
        "links": links,
        "experience": [
            {
                "title": w["position"],
                "company": w["name"],
                "start": w["startDate"] or None,
                "end": (w["endDate"] or "present") if w["startDate"] else None,
                "location": w["location"] or None,
            }
            for w in r["work"]
        ],
        "education": [
            {
                "degree": e["studyType"],
                "area": e["area"],
                "institution": e["institution"],
                "start": e["startDate"],
                "end": e["endDate"],
                "location": e["location"] or None,
            }
            for e in r["education"]
        ],
        "skills": [{"group": s["name"], "items": s["keywords"]} for s in r["skills"]],
        "notes": f"language={p.lang} date_style={p.date_style} jobboard={p.jobboard} "
        f"link_employers={sorted(p.link_employer)}",
    }
