"""The analysis' reading of the one skills vocabulary (``resumes.ingest.skills``).

Same vocabulary, same matcher as the parser; the analysis reads with ``any_case``: in a job
description (and in the CV it is compared with) a lower-case "agile" or "leadership" is the
skill. ``data/jd_terms.json`` holds the qualifications a job description may ask for (degrees,
certifications); ``data/roles.json`` the skill profiles of common target roles.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from resumes.ingest.skills import Vocabulary, term_key, vocabulary

__all__ = [
    "SOFT_SKILL",
    "TOOL_CATEGORIES",
    "canonical",
    "find_spans",
    "find_terms",
    "group_skills",
    "index",
    "role_profiles",
    "supplement",
    "term_key",
]

DATA = Path(__file__).resolve().parent / "data"


def index() -> Vocabulary:
    """The vocabulary: ``canonical``, ``category`` and the matcher (read with ``any_case``)."""
    return vocabulary()


def find_terms(text: str) -> list[str]:
    """Canonical names mentioned in ``text``, in order of first mention, without repeats."""
    return vocabulary().find(text or "", any_case=True)


def find_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of every mention in ``text``, repeats included."""
    return vocabulary().find_spans(text or "", any_case=True)


def canonical(spelling: str) -> str | None:
    return vocabulary().canonical(spelling)


@lru_cache(maxsize=1)
def supplement() -> dict:
    with (DATA / "jd_terms.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def role_profiles() -> list[dict]:
    """Target-role skill profiles with every skill in its canonical spelling."""
    with (DATA / "roles.json").open(encoding="utf-8") as fh:
        roles = json.load(fh)["roles"]
    return [
        {
            **role,
            "required": [canonical(s) or s for s in role["required"]],
            "preferred": [canonical(s) or s for s in role["preferred"]],
        }
        for role in roles
    ]


SOFT_SKILL = "soft_skill"
TOOL_CATEGORIES = frozenset({"tools", "cloud_devops", "database"})


# Skills grouped for a CV's Skills section, by vocabulary category.
GROUP_NAMES = {
    "programming_language": "Languages",
    "framework": "Frameworks",
    "database": "Databases",
    "cloud_devops": "Cloud & DevOps",
    "data_ml": "Data & ML",
    "tools": "Tools",
    "methodology": "Methods",
    "practice": "Practices",
    "soft_skill": "Soft skills",
}


def group_skills(names: list[str]) -> dict[str, list[str]]:
    """{group label: canonical names} in order of first appearance; unknown names go to "Other"."""
    groups: dict[str, list[str]] = {}
    for skill in names:
        name = canonical(skill) or skill
        bucket = groups.setdefault(GROUP_NAMES.get(vocabulary().category(name), "Other"), [])
        if name not in bucket:
            bucket.append(name)
    return groups
