"""``StructuredCV``: the one structured form of a CV.

A superset of the JSON Resume schema (https://jsonresume.org/schema): the parser produces
it, generation consumes and produces it, renderers take it, and every surface's shape is a
mapping to and from it. Field names follow JSON Resume (camelCase) so a ``resume.json``
imports and exports without renaming.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Item(BaseModel):
    # Unknown keys are kept, so a JSON Resume extension survives a round trip.
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Location(_Item):
    address: str = ""
    postalCode: str = ""
    city: str = ""
    countryCode: str = ""
    region: str = ""


class Profile(_Item):
    network: str = ""
    username: str = ""
    url: str = ""


class Basics(_Item):
    name: str = ""
    label: str = ""  # headline, e.g. "Senior Backend Engineer"
    image: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    summary: str = ""
    location: Location = Field(default_factory=Location)
    profiles: list[Profile] = Field(default_factory=list)


class Work(_Item):
    name: str = ""  # the employer
    position: str = ""
    location: str = ""
    url: str = ""
    startDate: str = ""  # YYYY-MM, YYYY, or as printed when it cannot be normalised
    endDate: str = ""  # same, or "present"; empty when no end date is printed
    summary: str = ""
    highlights: list[str] = Field(default_factory=list)


class Volunteer(_Item):
    organization: str = ""
    position: str = ""
    url: str = ""
    startDate: str = ""
    endDate: str = ""
    summary: str = ""
    highlights: list[str] = Field(default_factory=list)


class Education(_Item):
    institution: str = ""
    url: str = ""
    area: str = ""
    studyType: str = ""  # the degree, e.g. "BSc", "PhD"
    location: str = ""
    startDate: str = ""
    endDate: str = ""
    score: str = ""
    courses: list[str] = Field(default_factory=list)


class Award(_Item):
    title: str = ""
    date: str = ""
    awarder: str = ""
    summary: str = ""


class Certificate(_Item):
    name: str = ""
    date: str = ""
    issuer: str = ""
    url: str = ""


class Publication(_Item):
    name: str = ""
    publisher: str = ""
    releaseDate: str = ""
    url: str = ""
    summary: str = ""


class Skill(_Item):
    name: str = ""  # the group, e.g. "Languages"
    level: str = ""
    keywords: list[str] = Field(default_factory=list)


class Language(_Item):
    language: str = ""
    fluency: str = ""


class Interest(_Item):
    name: str = ""
    keywords: list[str] = Field(default_factory=list)


class Reference(_Item):
    name: str = ""
    reference: str = ""


class Project(_Item):
    name: str = ""
    description: str = ""
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    startDate: str = ""
    endDate: str = ""
    url: str = ""
    roles: list[str] = Field(default_factory=list)
    entity: str = ""
    type: str = ""


class Provenance(BaseModel):
    """Where a field's value was read: ``field`` is a path like ``work[0]`` or ``basics.email``;
    ``line`` is the 1-based line of ``raw_text``. ``confidence`` (0–1, None when not rated) is
    how sure the parser is of the value: entries under 0.6 are also named in ``warnings``."""

    field: str
    page: int | None = None
    line: int | None = None
    source: str = ""
    confidence: float | None = None


class StructuredCV(_Item):
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    # Beyond JSON Resume: what the parser saw and how sure it is.
    raw_text: str = ""
    provenance: list[Provenance] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    _EXTRA_KEYS = ("raw_text", "provenance", "warnings")

    def to_json_resume(self) -> dict[str, Any]:
        """Plain JSON Resume: our extra fields left out."""
        data = self.model_dump(mode="json", exclude=set(self._EXTRA_KEYS))
        return data

    @classmethod
    def from_json_resume(cls, data: dict[str, Any]) -> StructuredCV:
        return cls.model_validate(data)

    def skill_names(self) -> list[str]:
        names: list[str] = []
        for group in self.skills:
            names.extend(group.keywords or ([group.name] if group.name else []))
        return names
