"""Render options every template understands (each manifest lists the ones it honours)."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SECTION_IDS = (
    "summary",
    "experience",
    "projects",
    "education",
    "skills",
    "certifications",
    "publications",
    "awards",
    "languages",
    "volunteer",
    "interests",
    "references",
)

# CV Tailor's ``sections`` flags, mapped to our section ids.
_TAILOR_SECTION_FLAGS = {
    "includeProfessionalSummary": "summary",
    "includeSkills": "skills",
    "includeExperience": "experience",
    "includeProjects": "projects",
    "includeEducation": "education",
    "includeCertifications": "certifications",
}

MARGINS_CM = {"narrow": 1.2, "normal": 2.0, "wide": 2.8}


class RenderOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    page_size: Literal["a4", "letter"] = "a4"
    margins: Literal["narrow", "normal", "wide"] = "normal"
    font_size: float | None = Field(default=None, ge=7, le=16)
    color_scheme: Literal["monochrome", "accent", "full_color"] = "accent"
    sections: dict[str, bool] = Field(default_factory=dict)
    section_order: list[str] = Field(default_factory=list)
    watermark_text: str = Field(default="", max_length=60)
    watermark_opacity: float = Field(default=0.1, ge=0, le=1)
    include_evidence: bool = True
    evidence_format: Literal["hyperlinks", "footnotes", "qr_codes"] = "hyperlinks"

    @field_validator("sections", "section_order")
    @classmethod
    def _known_sections(cls, value: dict[str, bool] | list[str]) -> dict[str, bool] | list[str]:
        unknown = sorted(set(value) - set(SECTION_IDS))
        if unknown:
            raise ValueError(f"unknown sections: {', '.join(unknown)}")
        return value

    def ordered_sections(self, default_order: list[str]) -> list[str]:
        """The template's order, with the requested ones first, minus those switched off."""
        order = [*self.section_order] + [s for s in default_order if s not in self.section_order]
        order += [s for s in SECTION_IDS if s not in order]
        return [s for s in order if self.sections.get(s, True)]

    @classmethod
    def from_request(cls, data: dict | None) -> "RenderOptions":
        """Accept our snake_case options or CV Tailor's export request (options/sections/watermark)."""
        data = dict(data or {})
        nested = data.pop("options", None) or {}
        tailor_sections = data.pop("sections", None)
        watermark = data.pop("watermark", None)
        merged = {**_from_camel(nested), **_from_camel(data)}
        if isinstance(tailor_sections, dict):
            merged["sections"] = {
                _TAILOR_SECTION_FLAGS.get(key, key): bool(on) for key, on in tailor_sections.items()
            }
        if isinstance(watermark, dict):
            merged["watermark_text"] = watermark.get("text", "")
            if watermark.get("opacity") is not None:
                merged["watermark_opacity"] = watermark["opacity"]
        return cls.model_validate(merged)


_CAMEL = {
    "pageSize": "page_size",
    "pageMargins": "margins",
    "fontSize": "font_size",
    "colorScheme": "color_scheme",
    "sectionOrder": "section_order",
    "includeEvidence": "include_evidence",
    "evidenceFormat": "evidence_format",
}


def _from_camel(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        key = _CAMEL.get(key, key)
        if key == "page_size" and isinstance(value, str):
            value = value.lower()
        out[key] = value
    return out
