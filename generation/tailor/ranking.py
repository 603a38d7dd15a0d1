"""Which artifacts a generation uses, most relevant first.

Relevance is the job's skills an artifact shows (the one vocabulary; a required skill
counts twice a preferred one), its meaning's closeness to the job description (the AI
engine's embeddings), and the focus areas the user asked for. Recent work breaks ties.
"""

from __future__ import annotations

import re

from llm.selectors import texts_rank
from resumes.analysis import terms

SKILL_WEIGHT, MEANING_WEIGHT, FOCUS_WEIGHT = 0.55, 0.3, 0.15

# Words a focus area stands for beyond its own name (a focus outside this list matches itself).
FOCUS_WORDS = {
    "backend": ("backend", "back-end", "api", "apis", "server", "database", "microservice", "microservices"),
    "frontend": ("frontend", "front-end", "ui", "ux", "react", "css", "javascript", "typescript", "web"),
    "fullstack": ("fullstack", "full-stack", "frontend", "backend", "web"),
    "data": ("data", "analytics", "pipeline", "pipelines", "etl", "sql", "warehouse"),
    "machine learning": ("machine learning", "ml", "model", "models", "pytorch", "tensorflow"),
    "devops": ("devops", "infrastructure", "kubernetes", "docker", "ci", "deployment", "terraform"),
    "mobile": ("mobile", "ios", "android", "swift", "kotlin"),
    "security": ("security", "auth", "encryption", "vulnerability"),
    "leadership": ("led", "lead", "mentored", "managed", "team", "hired"),
}


def focus_words(area: str) -> tuple[str, ...]:
    area = " ".join(area.lower().split())
    return (area, *FOCUS_WORDS.get(area, FOCUS_WORDS.get(area.replace("-", ""), ())))


def _text(item: dict) -> str:
    return " ".join([item["title"], item["organisation"], item["description"], *item["technologies"]])


def artifact_skills(item: dict) -> set[str]:
    return set(item["technologies"]) | set(terms.find_terms(_text(item)))


def focus_score(text: str, focus_areas: list[str]) -> float:
    """The share of the focus areas ``text`` speaks to."""
    if not focus_areas:
        return 0.0
    lowered = text.lower()
    hits = sum(
        any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered) for word in focus_words(area))
        for area in focus_areas
    )
    return hits / len(focus_areas)


def rank_artifacts(
    artifacts: list[dict], *, job_text: str, requirements: dict, focus_areas: list[str], user=None
) -> list[dict]:
    """The artifacts, best first, each with its ``relevance`` (0-1) and the job skills it shows."""
    required = set(requirements.get("required_skills") or [])
    preferred = set(requirements.get("preferred_skills") or [])
    possible = 2 * len(required) + len(preferred)
    meaning = dict(texts_rank(query=job_text, texts=[_text(a) for a in artifacts], user=user))
    ranked = []
    for i, item in enumerate(artifacts):
        shown = artifact_skills(item)
        matched = [
            s
            for s in [*requirements.get("required_skills", []), *requirements.get("preferred_skills", [])]
            if s in shown
        ]
        skill = (2 * len(required & shown) + len(preferred & shown)) / possible if possible else 0.0
        score = (
            SKILL_WEIGHT * skill
            + MEANING_WEIGHT * max(0.0, meaning.get(i, 0.0))
            + FOCUS_WEIGHT * focus_score(_text(item), focus_areas)
        )
        ranked.append({**item, "relevance": round(score, 4), "matched_skills": matched})
    # Ties (and artifacts the job says nothing about) go most recent first.
    ranked.sort(key=lambda a: (a["end_date"] or "9999", a["start_date"]), reverse=True)
    ranked.sort(key=lambda a: -a["relevance"])
    return ranked
