from django.db import models


class Plan(models.Model):
    """A subscription plan (CV Genius pack plans)."""

    name = models.CharField(max_length=100, unique=True)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    duration = models.PositiveIntegerField(help_text="Length of the plan in days.")
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["price", "id"]

    def __str__(self) -> str:
        return self.name


class Job(models.Model):
    """A job title clients are placed for (CV Genius pack jobs)."""

    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Client(models.Model):
    """A CV Genius agency client: the person an agency user writes CVs for.

    Minimal here (the billing issue completes it); a client belongs to the agency user who
    created it, and nobody else ever sees it.
    """

    owner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="cv_clients")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="clients")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ClientPlan(models.Model):
    """A client's subscription to a plan; belongs to the client's agency user."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="client_plans")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="client_plans")
    start_date = models.DateField()
    end_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.client} · {self.plan}"


class EnterpriseConfig(models.Model):
    """An enterprise organisation's settings (Resume Optimizer ``/enterprise/config``).

    The organisation is the owner's team (the owner alone when not in one); its members are
    the team's active accounts whose e-mail domain is allowed. ``default_optimization_types``
    is what a chat ``optimization_request`` without a type runs; chat history older than
    ``data_retention_days`` is deleted by the housekeeping task and never shown.
    """

    owner = models.OneToOneField("accounts.User", on_delete=models.CASCADE, related_name="enterprise_config")
    name = models.CharField(max_length=200, blank=True)
    allowed_email_domains = models.JSONField(default=list, blank=True)
    default_optimization_types = models.JSONField(default=list, blank=True)
    data_retention_days = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or f"Organisation of {self.owner}"
