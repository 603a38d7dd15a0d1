import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models

from cvplatform.jobs import Job, JobStatus

# The extension a stored file gets comes from the format detected in its content, never from
# the name the user sent.
FORMAT_EXTENSIONS = {
    "pdf": ".pdf",
    "docx": ".docx",
    "latex": ".tex",
    "latex-zip": ".zip",
    "markdown": ".md",
    "text": ".txt",
    "json": ".json",
}


def stored_cv_name(instance, filename: str) -> str:
    """A generated name: the user's filename never reaches the storage backend."""
    fmt = getattr(instance, "format", "") or ""
    ext = FORMAT_EXTENSIONS.get(fmt) or _safe_suffix(filename)
    return f"cvs/{uuid.uuid4().hex}{ext}"


def _safe_suffix(filename: str) -> str:
    suffix = PurePosixPath(filename or "").suffix.lower()
    return suffix if suffix in FORMAT_EXTENSIONS.values() else ""


class Resume(models.Model):
    """A Markdown resume (ResuMate). ``user`` is empty for one generated anonymously."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resumes",
    )
    title = models.CharField(max_length=255)
    content = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title


class CVDocument(Job):
    """An uploaded CV file and what parsing found in it.

    The row is its own parse job: PENDING/STARTED read as ``processing`` on every surface,
    SUCCESS as ``parsed`` and FAILURE as ``failed``.
    """

    progress_kind = "cv_parse"  # how live job progress names it

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cv_documents")
    title = models.CharField(max_length=255, blank=True)
    # Shown back to its owner only; the stored name is generated (see stored_cv_name).
    original_filename = models.CharField(max_length=255, blank=True)
    file = models.FileField(upload_to=stored_cv_name, max_length=255)
    format = models.CharField(max_length=16, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    structured = models.JSONField(default=dict, blank=True)
    ats_score = models.FloatField(null=True, blank=True)
    industry = models.CharField(max_length=50, blank=True)
    experience_level = models.CharField(max_length=20, blank=True)
    analysis = models.JSONField(default=dict, blank=True)
    # What only the file shows (hidden/tiny text, images, tables: ``DocumentSignals``), read by
    # the sandboxed parse; null for a document parsed before they were stored.
    signals = models.JSONField(null=True, blank=True, default=None)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return self.title or self.original_filename or f"CV {self.pk}"

    @property
    def status_word(self) -> str:
        return {JobStatus.SUCCESS: "parsed", JobStatus.FAILURE: "failed"}.get(self.status, "processing")


class Persona(models.Model):
    """One angle on a person's career (PersonaForge): a StructuredCV plus a title and tags.

    Started from a parsed CV or from scratch; ``cv`` holds the full StructuredCV so the
    export and analysis code read a persona exactly like a parsed CV.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personas")
    title = models.CharField(max_length=255)
    base_cv = models.ForeignKey(
        CVDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="personas"
    )
    tags = models.JSONField(default=list, blank=True)
    cv = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title


class SavedCV(models.Model):
    """A CV file an agency user keeps for one of their clients (CV Genius ``/users/cvs/``)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_cvs")
    client = models.ForeignKey("billing.Client", on_delete=models.CASCADE, related_name="cvs")
    file = models.FileField(upload_to=stored_cv_name, max_length=255)
    original_filename = models.CharField(max_length=255, blank=True)
    format = models.CharField(max_length=16, blank=True)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_filename or f"Saved CV {self.pk}"
