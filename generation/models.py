"""Optimisation records (Resume Optimizer), the knowledge base's clarified facts (PersonaForge),
and CV Tailor's generated documents with the job descriptions they were written for."""

import uuid

from django.conf import settings
from django.db import models

from cvplatform.jobs import Job


class Optimization(models.Model):
    """One optimisation a user ran on a resume; counts against the monthly allowance."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="optimizations")
    # Kept when the resume is deleted: the allowance counts what was used, not what remains.
    document = models.ForeignKey(
        "resumes.CVDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="optimizations"
    )
    optimization_type = models.CharField(max_length=64)
    job_title = models.CharField(max_length=255, blank=True)
    job_description = models.TextField(blank=True)
    score_before = models.PositiveSmallIntegerField(default=0)
    score_after = models.PositiveSmallIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.optimization_type} #{self.pk}"


class ClarificationKind(models.TextChoices):
    SKILL = "skill", "Skill"
    METRIC = "metric", "Measurable result"
    DATES = "dates", "Dates"
    TARGET_ROLE = "target_role", "Target role"
    SKILLS = "skills", "Skills"
    EDUCATION = "education", "Education"
    PREFERENCE = "preference", "Preference"
    YEARS = "years", "Years of experience"
    TEAM_SKILL = "team_skill", "Team skill"
    NOTE = "note", "Other fact"


class Clarification(models.Model):
    """A question a gap analysis asked and, once the user answers, the fact it added.

    ``question_id`` is stable (``skill:kubernetes``, ``metric:work:0``), so a client may answer by
    id or by the question's text, and a later analysis finds the answer again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clarifications"
    )
    question_id = models.CharField(max_length=200)
    question = models.TextField()
    kind = models.CharField(max_length=20, choices=ClarificationKind.choices, default=ClarificationKind.NOTE)
    subject = models.CharField(max_length=255, blank=True)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "question_id"], name="unique_clarification_per_user")
        ]

    def __str__(self) -> str:
        return self.question


class AnalysisEnrichment(Job):
    """An AI model's rephrasing of a deterministic analysis (a job: model calls take seconds).

    ``scores`` are the builtin engine's and never change; ``result`` holds only the model's
    wording (strengths, issues, suggestions) and which model wrote it.
    """

    progress_kind = "analysis"  # how live job progress names it

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analysis_enrichments"
    )
    cv = models.JSONField(default=dict, blank=True)
    job_description = models.TextField(blank=True)
    scores = models.JSONField(default=dict, blank=True)
    overall_score = models.PositiveSmallIntegerField(default=0)
    model_label = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Analysis enrichment #{self.pk}"


class ChatSession(models.Model):
    """A Resume Optimizer chat about one resume (a ``CVDocument``); the assistant remembers the
    last job description discussed in it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_sessions")
    # A resume uploaded in the chat replaces this; a deleted resume leaves the history readable.
    document = models.ForeignKey(
        "resumes.CVDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="chat_sessions"
    )
    title = models.CharField(max_length=255, blank=True)
    job_title = models.CharField(max_length=255, blank=True)
    job_description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["user", "-updated_at"])]

    def __str__(self) -> str:
        return self.title or f"Chat {self.pk}"


class ChatSender(models.TextChoices):
    USER = "user", "User"
    ASSISTANT = "assistant", "Assistant"


class ChatMessage(models.Model):
    """One WebSocket message of a chat session, in either direction, as it was sent.

    ``type`` is the document's message type (``chat``, ``resume_upload``,
    ``optimization_request`` from the client; ``assistant``, ``processing``,
    ``optimization_result``, ``error`` from the server); ``data`` keeps the rest of the frame.
    """

    session = models.ForeignKey(ChatSession, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=10, choices=ChatSender.choices)
    type = models.CharField(max_length=32)
    content = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["session", "id"])]

    def __str__(self) -> str:
        return f"{self.sender} {self.type} #{self.pk}"


# --- CV Tailor: tailored CVs and cover letters -------------------------------------------------
class JobDescription(models.Model):
    """A job description, stored once per content hash with its analysis: every generation
    for the same text (any user's) reuses the analysis instead of reading the text again."""

    content_hash = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    title = models.CharField(max_length=255, blank=True)
    # ``resumes.analysis.jd.JobRequirements`` as a dict (skills, years, qualifications…).
    analysis = models.JSONField(default=dict, blank=True)
    analysis_version = models.CharField(max_length=40, blank=True)
    use_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-last_used_at", "-id"]

    def __str__(self) -> str:
        return self.title or self.content_hash[:12]


class DocumentType(models.TextChoices):
    CV = "cv", "CV"
    COVER_LETTER = "cover_letter", "Cover letter"


class GenerationStage(models.IntegerChoices):
    """How far a generation is: the progress a client polls, one value per real stage."""

    QUEUED = 0, "Queued"
    JOB_ANALYSED = 20, "Job description analysed"
    ARTIFACTS_SELECTED = 40, "Artifacts selected"
    DRAFT_WRITTEN = 70, "Draft written"
    VERIFIED = 90, "Claims verified against the sources"
    DONE = 100, "Done"


class GeneratedDocument(Job):
    """One CV Tailor generation (tailored CV or cover letter); the row is its own job.

    The id is a UUID (the document's Generated Document ``id``). ``content`` and ``metadata``
    are the document's shapes; ``metadata.grounding`` says which claims the verifier removed.
    """

    progress_kind = "generation"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="generated_documents"
    )
    type = models.CharField(max_length=20, choices=DocumentType.choices, default=DocumentType.CV)
    job_description = models.ForeignKey(JobDescription, on_delete=models.PROTECT, related_name="generations")
    company_name = models.CharField(max_length=255, blank=True)
    role_title = models.CharField(max_length=255, blank=True)
    label_ids = models.JSONField(default=list, blank=True)
    template = models.ForeignKey(
        "exports.CVTemplate", null=True, blank=True, on_delete=models.SET_NULL, related_name="generations"
    )
    # The request's customSections as ``[{"title", "lines"}]``: a list keeps the user's order,
    # which a JSON object loses in PostgreSQL's jsonb.
    custom_sections = models.JSONField(default=list, blank=True)
    preferences = models.JSONField(default=dict, blank=True)
    content = models.JSONField(default=dict, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    model_used = models.CharField(max_length=100, blank=True)
    generation_seconds = models.FloatField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    feedback = models.TextField(blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["user", "type", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.pk}"
