"""Coercions the surface mappings share: loose JSON values to text, lists, locations, skills."""

from __future__ import annotations

import re
from typing import Any

from resumes.schema import (
    Location,
    Skill,
)

PROFILE_KEYS = {"linkedin": "LinkedIn", "github": "GitHub"}


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text for item in value if (text := as_text(item)))
    return str(value).strip()


def str_list(value: Any) -> list[str]:
    """A list of strings from a list, or from text with one item per line or comma."""
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [text for item in value if (text := as_text(item))]
    parts = re.split(r"\n|(?<!\d),(?!\d)", str(value))
    return [part.strip(" •-*\t") for part in parts if part.strip(" •-*\t")]


def lines_of(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [text for item in value if (text := as_text(item))]
    return [line.strip(" •-*\t") for line in str(value or "").splitlines() if line.strip(" •-*\t")]


def dicts_of(value: Any) -> list[dict]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list | tuple):
        return [item if isinstance(item, dict) else {"name": as_text(item)} for item in value]
    return []


def location_text(location: Location) -> str:
    parts = [location.city, location.region, location.countryCode]
    return ", ".join(part for part in parts if part) or location.address


def location_from_text(text: str) -> Location:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return Location()
    if len(parts) == 1:
        return Location(city=parts[0])
    return Location(city=parts[0], region=", ".join(parts[1:]))


def skills_from_any(value: Any) -> list[Skill]:
    """Skills given as strings, groups, or a CV Genius-style mapping."""
    if isinstance(value, dict):
        return [Skill(name=str(group), keywords=str_list(items)) for group, items in value.items()]
    groups: list[Skill] = []
    loose: list[str] = []
    for item in value if isinstance(value, list) else str_list(value):
        if isinstance(item, dict):
            name = as_text(item.get("name") or item.get("category") or item.get("group"))
            keywords = str_list(item.get("keywords") or item.get("items") or item.get("skills"))
            groups.append(Skill(name=name, keywords=keywords or ([name] if name else [])))
        elif as_text(item):
            loose.append(as_text(item))
    if loose:
        groups.insert(0, Skill(name="Skills", keywords=loose))
    return groups
