"""The default output schema of every task. Callers may pass their own schema to ``run_task``;
the builtin engine fills these fields, so a caller's schema should be one of these or accept
their fields (extra keys are ignored by pydantic's default config)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from resumes.schema import StructuredCV

TASKS = (
    "extract_cv",
    "analyse_cv",
    "tailor_cv",
    "cover_letter",
    "resume_from_text",
    "optimise",
    "chat_reply",
    "embed",
    "generate_cv",
    "generate_cover_letter",
)


class KeywordMatch(BaseModel):
    matched: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    score: int = Field(0, ge=0, le=100, description="Share of the job's keywords the CV shows, 0-100.")


class ExtractCVOutput(StructuredCV):
    """``extract_cv``: the structured form of a CV's text."""


class AnalyseCVOutput(BaseModel):
    score: int = Field(ge=0, le=100)
    breakdown: dict[str, int] = Field(default_factory=dict, description="Section → 0-100.")
    strengths: list[str] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    keyword_match: KeywordMatch | None = None


class TailorCVOutput(BaseModel):
    cv: StructuredCV
    summary: str = Field(description="A profile summary written for this job.")
    highlighted_skills: list[str] = Field(default_factory=list)
    keyword_match: KeywordMatch = Field(default_factory=KeywordMatch)
    notes: list[str] = Field(default_factory=list, description="What changed and why.")


class CoverLetterOutput(BaseModel):
    subject: str = ""
    body: str = Field(min_length=1)
    matched_facts: list[str] = Field(default_factory=list, description="CV facts the letter relies on.")


class ResumeFromTextOutput(BaseModel):
    title: str = ""
    markdown: str = Field(min_length=1)


class OptimiseOutput(BaseModel):
    cv: StructuredCV
    changes: list[str] = Field(default_factory=list)
    score_before: int = Field(0, ge=0, le=100)
    score_after: int = Field(0, ge=0, le=100)


class ChatReplyOutput(BaseModel):
    reply: str = Field(min_length=1)
    suggestions: list[str] = Field(default_factory=list)


class EmbedOutput(BaseModel):
    vectors: list[list[float]]
    model: str = ""
    dims: int = 0


# --- CV Tailor generation: the document's Generated Document ``content`` -----------------------
class GeneratedExperience(BaseModel):
    title: str = ""
    organization: str = ""
    duration: str = ""
    achievements: list[str] = Field(default_factory=list)
    technologiesUsed: list[str] = Field(default_factory=list)
    evidenceReferences: list[str] = Field(default_factory=list)


class GeneratedProject(BaseModel):
    name: str = ""
    description: str = ""
    technologies: list[str] = Field(default_factory=list)
    evidenceUrl: str = ""
    impactMetrics: str = ""


class GeneratedEducation(BaseModel):
    degree: str = ""
    institution: str = ""
    duration: str = ""
    details: list[str] = Field(default_factory=list)


class GeneratedCertification(BaseModel):
    name: str = ""
    issuer: str = ""
    date: str = ""
    evidenceUrl: str = ""


class GenerateCVOutput(BaseModel):
    """``generate_cv``: a CV written for one job from the candidate's artifacts only."""

    professionalSummary: str = ""
    keySkills: list[str] = Field(default_factory=list)
    experience: list[GeneratedExperience] = Field(default_factory=list)
    projects: list[GeneratedProject] = Field(default_factory=list)
    education: list[GeneratedEducation] = Field(default_factory=list)
    certifications: list[GeneratedCertification] = Field(default_factory=list)


class GenerateCoverLetterOutput(BaseModel):
    """``generate_cover_letter``: a one-page letter citing the strongest matching artifacts."""

    subject: str = ""
    greeting: str = ""
    paragraphs: list[str] = Field(min_length=1)
    closing: str = ""
    citedArtifacts: list[int] = Field(default_factory=list, description="Ids of the artifacts cited.")


DEFAULT_SCHEMAS: dict[str, type[BaseModel]] = {
    "extract_cv": ExtractCVOutput,
    "analyse_cv": AnalyseCVOutput,
    "tailor_cv": TailorCVOutput,
    "cover_letter": CoverLetterOutput,
    "resume_from_text": ResumeFromTextOutput,
    "optimise": OptimiseOutput,
    "chat_reply": ChatReplyOutput,
    "embed": EmbedOutput,
    "generate_cv": GenerateCVOutput,
    "generate_cover_letter": GenerateCoverLetterOutput,
}
