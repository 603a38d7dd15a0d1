"""The builtin engine's CV Tailor writing (tasks ``generate_cv`` and ``generate_cover_letter``).

Every sentence is assembled from the artifacts and profile the task was given: bullets are
the artifacts' own descriptions led by action verbs, numbers kept; the most relevant
artifacts come first; the job's skills the user shows lead the skills. ``tone`` changes the
wording, ``length`` how much is said, ``focus_areas`` what comes first.
"""

from __future__ import annotations

from datetime import date

from resumes.analysis.classify import total_years
from resumes.analysis.text import quantified

from .ranking import artifact_skills, focus_score
from .sources import skills_shown, source_cv

LIMITS = {
    "concise": {"experience": 4, "bullets": 3, "projects": 3, "skills": 8, "technologies": 5, "cited": 2},
    "detailed": {"experience": 8, "bullets": 6, "projects": 6, "skills": 15, "technologies": 10, "cited": 3},
}
LETTER_MAX_WORDS = 330  # one page at the letter templates' size, with the sender block


def _preferences(inputs: dict) -> tuple[str, str, list[str]]:
    prefs = inputs.get("preferences") or {}
    tone = prefs.get("tone") or "professional"
    length = prefs.get("length") or "concise"
    return tone, length if length in LIMITS else "concise", list(prefs.get("focus_areas") or [])


def _wanted(inputs: dict) -> list[str]:
    job = inputs.get("job_requirements") or {}
    return [*job.get("required_skills", []), *job.get("preferred_skills", [])]


def _bullet_order(bullets: list[str], wanted: list[str], focus: list[str]) -> list[str]:
    from resumes.analysis import terms

    def weight(bullet: str) -> tuple:
        named = set(terms.find_terms(bullet))
        return (-len(named & set(wanted)), -focus_score(bullet, focus), not quantified(bullet))

    return sorted(bullets, key=weight)


def _skills(inputs: dict, artifacts: list[dict], focus: list[str], limit: int) -> list[str]:
    """The user's skills: those the job asks for first (required, then preferred), then those
    of the focus areas, then the rest in order of how often the artifacts show them."""
    shown = skills_shown(artifacts, inputs.get("profile"))
    counts = {s: sum(s in artifact_skills(a) for a in artifacts) for s in shown}
    wanted = _wanted(inputs)
    first = [s for s in wanted if s in counts]
    rest = sorted(
        (s for s in shown if s not in first),
        key=lambda s: (-focus_score(s, focus), -counts[s], shown.index(s)),
    )
    return (first + rest)[:limit]


def _technologies(item: dict, wanted: list[str], limit: int) -> list[str]:
    return sorted(item["technologies"], key=lambda t: t not in wanted)[:limit]


def experience_entries(
    artifacts: list[dict], wanted: list[str], focus: list[str], limits: dict
) -> list[dict]:
    entries = []
    for item in [a for a in artifacts if a["type"] == "experience"][: limits["experience"]]:
        entries.append(
            {
                "title": item["title"],
                "organization": item["organisation"],
                "duration": item["duration"],
                "achievements": _bullet_order(item["bullets"], wanted, focus)[: limits["bullets"]],
                "technologiesUsed": _technologies(item, wanted, limits["technologies"]),
                "evidenceReferences": list(item["evidence_links"]),
            }
        )
    return entries


def project_entries(artifacts: list[dict], wanted: list[str], focus: list[str], limits: dict) -> list[dict]:
    entries = []
    kinds = ("project", "publication", "presentation")
    for item in [a for a in artifacts if a["type"] in kinds][: limits["projects"]]:
        bullets = _bullet_order(item["bullets"], wanted, focus)
        shown = bullets[:1] if limits is LIMITS["concise"] else bullets[:3]
        metrics = [b for b in bullets if quantified(b) and b not in shown]
        entries.append(
            {
                "name": item["title"],
                "description": " ".join(shown),
                "technologies": _technologies(item, wanted, limits["technologies"]),
                "evidenceUrl": (item["evidence_links"] or [""])[0],
                "impactMetrics": " ".join(metrics[:2]),
            }
        )
    return entries


def education_entries(artifacts: list[dict]) -> list[dict]:
    return [
        {
            "degree": a["title"],
            "institution": a["organisation"],
            "duration": a["duration"],
            "details": a["bullets"][:2],
        }
        for a in artifacts
        if a["type"] == "education"
    ]


def certification_entries(artifacts: list[dict]) -> list[dict]:
    return [
        {
            "name": a["title"],
            "issuer": a["organisation"],
            "date": a["issued"],
            "evidenceUrl": (a["evidence_links"] or [""])[0],
        }
        for a in artifacts
        if a["type"] == "certification"
    ]


def years_of_experience(artifacts: list[dict], profile: dict | None = None) -> int:
    cv = source_cv(artifacts=[a for a in artifacts if a["type"] == "experience"], profile=profile or {})
    return int(total_years(cv, today=date.today()))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def summary(inputs: dict, artifacts: list[dict], skills: list[str], tone: str, length: str) -> str:
    """A profile summary from the artifacts' own facts, worded for the tone."""
    jobs = [a for a in artifacts if a["type"] == "experience"]
    headline = jobs[0]["title"] if jobs else ""
    employers = list(dict.fromkeys(a["organisation"] for a in jobs if a["organisation"]))[:2]
    years = years_of_experience(artifacts, inputs.get("profile"))
    best = next((b for a in artifacts for b in a["bullets"] if quantified(b)), "")
    top = skills[:5] if length == "concise" else skills[:7]
    where = f" at {' and '.join(employers)}" if employers else ""
    span = f" with {years}+ years of experience" if years else ""
    sentences = []
    if tone == "technical":
        lead = (
            f"{headline or 'Engineer'}{span} building with {', '.join(top)}"
            if top
            else (headline or "Engineer")
        )
        sentences.append(f"{lead}{where}.")
        if best:
            sentences.append(f"Recent work: {best.rstrip('.')}.")
        stack = [t for a in artifacts for t in a["technologies"]]
        if length == "detailed" and stack:
            sentences.append(f"Hands-on with {', '.join(list(dict.fromkeys(stack))[:10])}.")
    elif tone == "creative":
        who = f"I am a {headline.lower()}" if headline else "I build things people use"
        sentences.append(f"{who}{where}{', ' + span.strip() if span else ''}.")
        if best:
            sentences.append(f"One result I am proud of: I {_lower_first(best.rstrip('.'))}.")
        if top:
            sentences.append(f"I bring {', '.join(top)} to every team I join.")
    else:
        sentences.append(f"{headline or 'Professional'}{span}{where}.")
        if top:
            sentences.append(f"Skilled in {', '.join(top)}.")
        if best:
            sentences.append(f"Recent result: {best.rstrip('.')}.")
    if length == "detailed":
        projects = [a["title"] for a in artifacts if a["type"] == "project"][:2]
        if projects:
            sentences.append(f"Selected projects: {', '.join(projects)}.")
    return " ".join(sentences[:2] if length == "concise" else sentences)


def write_cv(inputs: dict) -> dict:
    tone, length, focus = _preferences(inputs)
    limits = LIMITS[length]
    artifacts = list(inputs.get("artifacts") or [])
    wanted = _wanted(inputs)
    skills = _skills(inputs, artifacts, focus, limits["skills"])
    return {
        "professionalSummary": summary(inputs, artifacts, skills, tone, length),
        "keySkills": skills,
        "experience": experience_entries(artifacts, wanted, focus, limits),
        "projects": project_entries(artifacts, wanted, focus, limits),
        "education": education_entries(artifacts),
        "certifications": certification_entries(artifacts),
    }


# --- cover letters --------------------------------------------------------------------------------
def _citation(item: dict, wanted: list[str], focus: list[str], tone: str) -> str:
    bullets = _bullet_order(item["bullets"], wanted, focus)
    fact = _lower_first(bullets[0].rstrip(".")) if bullets else ""
    if item["type"] == "experience":
        where = (
            f"At {item['organisation']}, as {item['title']}"
            if item["organisation"]
            else f"As {item['title']}"
        )
        return (
            f"{where}, I {fact}."
            if fact
            else f"{where}, I worked with {', '.join(item['technologies'][:4])}."
        )
    lead = {"technical": "In", "creative": "With"}.get(tone, "In my project")
    return f"{lead} {item['title']}, I {fact}." if fact else ""


def write_cover_letter(inputs: dict) -> dict:
    tone, length, focus = _preferences(inputs)
    artifacts = list(inputs.get("artifacts") or [])
    wanted = _wanted(inputs)
    company = str(inputs.get("company_name") or "").strip()
    role = str(inputs.get("role_title") or "").strip() or (inputs.get("job_requirements") or {}).get(
        "title", ""
    )
    name = (inputs.get("profile") or {}).get("name", "")
    skills = [s for s in _skills(inputs, artifacts, focus, 6) if s in wanted][:4]
    the_role = f"the {role} role" if role else "this role"
    at = f" at {company}" if company else ""
    if tone == "technical":
        opening = f"I am applying for {the_role}{at}."
        if skills:
            opening += f" The stack it describes, {', '.join(skills)}, is the one I work in every day."
    elif tone == "creative":
        who = f"{company} is" if company else "you are"
        opening = f"When I read that {who} hiring for {the_role}, I recognised my own work in it."
    else:
        opening = f"I am writing to apply for {the_role}{at}."
        if skills:
            opening += f" The role asks for {', '.join(skills)}, which is the work I do."
    chosen = [a for a in artifacts if a["type"] in ("experience", "project") and a["bullets"]]
    cited = chosen[: LIMITS[length]["cited"]]
    body = [c for c in (_citation(a, wanted, focus, tone) for a in cited) if c]
    paragraphs = [opening, " ".join(body[:2])] + body[2:]
    closing_line = f"I would welcome the chance to discuss how I can help{at}."
    if tone == "creative":
        closing_line = (
            f"I would love to talk about what I could build{' with ' + company if company else ''}."
        )
    paragraphs.append(closing_line)
    paragraphs = _fit_one_page([p for p in paragraphs if p])
    return {
        "subject": f"Application: {role or 'open role'}" + (f" – {name}" if name else ""),
        "greeting": f"Dear {company} hiring team," if company else "Dear hiring team,",
        "paragraphs": paragraphs,
        "closing": "Kind regards,",
        "citedArtifacts": [a["id"] for a in cited],
    }


def _fit_one_page(paragraphs: list[str]) -> list[str]:
    """Drop the longest middle paragraph until the letter fits the page's word budget."""
    while len(paragraphs) > 2 and sum(len(p.split()) for p in paragraphs) > LETTER_MAX_WORDS:
        middle = paragraphs[1:-1]
        paragraphs.remove(max(middle, key=lambda p: len(p.split())))
    return paragraphs
