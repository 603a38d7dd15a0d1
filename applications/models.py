from django.conf import settings
from django.db import models


class ApplicationStatus(models.TextChoices):
    APPLIED = "Applied", "Applied"
    INTERVIEWING = "Interviewing", "Interviewing"
    OFFER = "Offer", "Offer"
    REJECTED = "Rejected", "Rejected"


class JobApplication(models.Model):
    """A tracked job application (ResuMate). Deleting is soft: ``is_deleted``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_applications"
    )
    job_title = models.CharField(max_length=255)
    company_name = models.CharField(max_length=255)
    original_job_description = models.TextField(blank=True)
    resume_used = models.ForeignKey(
        "resumes.Resume", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    date_applied = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED
    )
    notes = models.TextField(blank=True)
    is_deleted = models.BooleanField(default=False, db_index=True)
    is_example = models.BooleanField(default=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.job_title} at {self.company_name}"
