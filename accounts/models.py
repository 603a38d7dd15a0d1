import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models


class SubscriptionTier(models.TextChoices):
    FREE = "free", "Free"
    PRO = "pro", "Pro"
    ENTERPRISE = "enterprise", "Enterprise"


def profile_image_path(instance, filename: str) -> str:
    # Stored names are generated; the user's filename never reaches the storage.
    suffix = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"profile-images/{uuid.uuid4().hex}.{suffix}"


class Team(models.Model):
    name = models.CharField(max_length=200)
    owner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="owned_teams")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """One account on every surface; signs in with its email or its username."""

    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=40, blank=True)
    linkedin_url = models.URLField(blank=True)
    github_url = models.URLField(blank=True)
    website_url = models.URLField(blank=True)
    bio = models.TextField(blank=True)
    location = models.CharField(max_length=200, blank=True)
    profile_image = models.ImageField(upload_to=profile_image_path, blank=True, null=True)
    preferred_cv_template = models.PositiveIntegerField(null=True, blank=True)
    preferred_ai_model = models.CharField(max_length=100, blank=True)
    email_notifications = models.BooleanField(default=True)
    subscription_tier = models.CharField(
        max_length=20, choices=SubscriptionTier.choices, default=SubscriptionTier.FREE
    )
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    google_sub = models.CharField(max_length=255, unique=True, null=True, blank=True)
    failed_login_count = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        ordering = ["id"]

    @property
    def full_name(self) -> str:
        return self.get_full_name()

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        # Requests load their user with a few columns (accounts.selectors.user_for_request).
        # Reading a column left out loads every one left out in that one query, not a query
        # per column (a profile answer reads a dozen of them).
        deferred = self.get_deferred_fields()
        if fields is not None and deferred and set(fields) <= deferred:
            fields = deferred
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)


class Invite(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invites")
    email = models.EmailField()
    invited_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_invites")
    token = models.CharField(max_length=64, unique=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "email"], name="unique_invite_per_team")]

    def __str__(self) -> str:
        return f"{self.email} → {self.team}"


class ApiKey(models.Model):
    """A bearer secret for scripts. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100, default="default")
    prefix = models.CharField(max_length=16, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
