import uuid

from django.conf import settings
from django.db import models

from cvplatform.jobs import Job


class TemplateKind(models.TextChoices):
    CV = "cv", "CV"
    COVER_LETTER = "cover_letter", "Cover letter"


class CVTemplate(models.Model):
    """A row per template folder under ``templates/``; its manifest is the source of truth
    and ``template_sync`` keeps the rows in step (ids stay stable for clients)."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=TemplateKind.choices, default=TemplateKind.CV)
    description = models.TextField(blank=True)
    formats = models.JSONField(default=list)
    options = models.JSONField(default=dict, blank=True)
    manifest = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.name


class ExportKind(models.TextChoices):
    RENDER = "render", "Render a CV with a template"
    LATEX_PDF = "latex_pdf", "Compile LaTeX to PDF"
    LATEX_DOCX = "latex_docx", "Convert LaTeX to Word"


def export_upload_to(instance: "ExportJob", filename: str) -> str:
    # A random name: a guessed path must never reach someone else's CV.
    extension = filename.rsplit(".", 1)[-1]
    return f"exports/{instance.user_id}/{uuid.uuid4().hex}.{extension}"


class ExportJob(Job):
    """One render or LaTeX conversion; the file it produced is stored on the row."""

    progress_kind = "export"  # how live job progress names it

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs")
    kind = models.CharField(max_length=20, choices=ExportKind.choices, default=ExportKind.RENDER)
    template = models.ForeignKey(CVTemplate, null=True, blank=True, on_delete=models.SET_NULL)
    format = models.CharField(max_length=10)
    cv = models.JSONField(default=dict, blank=True)
    options = models.JSONField(default=dict, blank=True)
    letter = models.JSONField(null=True, blank=True)
    # The document's own sections, ``[{"title", "lines"}]``, drawn after the template's.
    custom_sections = models.JSONField(default=list, blank=True)
    latex = models.TextField(blank=True)
    persona_id = models.CharField(max_length=64, blank=True)
    # The CV Tailor generation this export renders (export/{generation_id}/), if any.
    generation = models.ForeignKey(
        "generation.GeneratedDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exports",
    )
    file = models.FileField(upload_to=export_upload_to, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    engine = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.format} #{self.pk}"
