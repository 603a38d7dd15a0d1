from django.db import models


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
