"""A user's career record: artifacts (projects, jobs, degrees…), their evidence links and
files, and the labels that group them. Tailored CVs and cover letters are built from these."""

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from cvplatform.jobs import Job, JobStatus


class ArtifactType(models.TextChoices):
    PROJECT = "project", "Project"
    EXPERIENCE = "experience", "Work experience"
    EDUCATION = "education", "Education"
    CERTIFICATION = "certification", "Certification"
    PUBLICATION = "publication", "Publication"
    PRESENTATION = "presentation", "Presentation"


class ArtifactStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ARCHIVED = "archived", "Archived"


class ArtifactSource(models.TextChoices):
    MANUAL = "manual", "Entered by the user"
    UPLOAD = "upload", "Bulk upload"
    CV_IMPORT = "cv_import", "Imported from a CV"


class LinkType(models.TextChoices):
    GITHUB = "github", "GitHub"
    LIVE_APP = "live_app", "Live app"
    DOCUMENT = "document", "Document"
    WEBSITE = "website", "Website"
    PORTFOLIO = "portfolio", "Portfolio"
    OTHER = "other", "Other"


HEX_COLOR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as #rrggbb.")


class Label(models.Model):
    """A user's own tag for artifacts ("Backend", "Leadership"); names are unique per user,
    whatever their case."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="artifact_labels"
    )
    name = models.CharField(max_length=100)
    color = models.CharField(max_length=7, default="#3b82f6", validators=[HEX_COLOR])
    description = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "user", name="artifacts_label_name_unique_per_user"),
        ]

    def __str__(self) -> str:
        return self.name


class Artifact(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="artifacts")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True, default="")
    artifact_type = models.CharField(
        max_length=20, choices=ArtifactType.choices, default=ArtifactType.PROJECT
    )
    # The employer, school, issuer or venue: what tells two "Software Engineer" roles apart.
    organisation = models.CharField(max_length=255, blank=True, default="")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    technologies = models.JSONField(default=list, blank=True)
    collaborators = models.JSONField(default=list, blank=True)
    labels = models.ManyToManyField(Label, blank=True, related_name="artifacts")
    status = models.CharField(
        max_length=10, choices=ArtifactStatus.choices, default=ArtifactStatus.ACTIVE, db_index=True
    )
    # What the jobs read from its files (text length, pages, technologies, dates, links).
    extracted_metadata = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=20, choices=ArtifactSource.choices, default=ArtifactSource.MANUAL)
    source_cv = models.ForeignKey(
        "resumes.CVDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="artifacts"
    )
    # type + title + organisation + start date, normalised, for artifacts imported from a CV:
    # importing the same CV again finds them instead of duplicating them.
    import_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["user", "artifact_type"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "import_key"],
                condition=~models.Q(import_key=""),
                name="artifacts_artifact_import_key_unique_per_user",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EvidenceLink(models.Model):
    """A URL (or stored document) that proves an artifact; a job checks it is reachable."""

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="evidence_links")
    url = models.URLField(max_length=2000)
    link_type = models.CharField(max_length=20, choices=LinkType.choices, default=LinkType.OTHER)
    description = models.TextField(blank=True, default="")
    file_path = models.CharField(max_length=500, null=True, blank=True)
    mime_type = models.CharField(max_length=120, null=True, blank=True)
    is_accessible = models.BooleanField(default=False)
    last_validated = models.DateTimeField(null=True, blank=True)
    # What the last check saw: the HTTP status, or why no request was made or answered.
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["last_validated"])]

    def __str__(self) -> str:
        return self.url


class LinkCheck(Job):
    """One validation of an evidence link (on create/update, and periodically from beat)."""

    progress_kind = "link_check"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="link_checks")
    link = models.ForeignKey(EvidenceLink, on_delete=models.CASCADE, related_name="checks")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Check of link {self.link_id} ({self.status})"


class FileKind(models.TextChoices):
    DOCUMENT = "document", "Readable document (text extracted)"
    IMAGE = "image", "Image (metadata only)"
    OTHER = "other", "Other (metadata only)"


def artifact_file_upload_to(instance: "ArtifactFile", filename: str) -> str:
    # A generated name: the user's filename never reaches the storage backend.
    return f"artifacts/{instance.user_id}/{instance.uuid.hex}{instance.extension}"


class ArtifactFile(Job):
    """An uploaded file of an artifact; the row is its own processing job.

    PENDING reads as ``pending``, STARTED as ``processing``, SUCCESS as ``completed`` and
    FAILURE as ``failed`` (with ``error`` saying why)."""

    progress_kind = "artifact_file"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="artifact_files"
    )
    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=255)  # the user's name for it, shown back to them only
    size = models.PositiveBigIntegerField(default=0)
    mime_type = models.CharField(max_length=120, blank=True, default="")
    kind = models.CharField(max_length=10, choices=FileKind.choices, default=FileKind.OTHER)
    format = models.CharField(max_length=16, blank=True, default="")  # pdf, docx, latex, png…
    extension = models.CharField(max_length=10, blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="")
    file = models.FileField(upload_to=artifact_file_upload_to, max_length=255)
    metadata = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name or str(self.uuid)

    @property
    def storage_key(self) -> str:
        return self.file.name

    @property
    def status_word(self) -> str:
        return {
            JobStatus.PENDING: "pending",
            JobStatus.STARTED: "processing",
            JobStatus.SUCCESS: "completed",
            JobStatus.FAILURE: "failed",
        }[self.status]
