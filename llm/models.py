import os

from django.db import models


class Provider(models.TextChoices):
    BUILTIN = "builtin", "Builtin offline engine"
    OPENAI = "openai", "OpenAI-compatible"
    GEMINI = "gemini", "Google Gemini"


class AIModel(models.Model):
    """A model the router may call. Admin-editable; seeded by the demo data."""

    display_name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    provider = models.CharField(max_length=20, choices=Provider.choices, default=Provider.BUILTIN)
    model_name = models.CharField(max_length=200)
    base_url = models.URLField(
        blank=True, help_text="OpenAI-compatible endpoint; empty for the provider's default."
    )
    api_key_env = models.CharField(
        max_length=100, blank=True, help_text="Name of the environment variable holding the API key."
    )
    is_active = models.BooleanField(default=True)
    login_required = models.BooleanField(default=False)
    daily_limit = models.PositiveIntegerField(default=0, help_text="Calls per user per day; 0 = unlimited.")
    response_time_info = models.CharField(max_length=100, blank=True)
    input_price_per_million = models.DecimalField(max_digits=10, decimal_places=4, default=0)
    output_price_per_million = models.DecimalField(max_digits=10, decimal_places=4, default=0)
    priority = models.PositiveSmallIntegerField(default=100, help_text="Failover order: lower first.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "display_name"]
        verbose_name = "AI model"

    def __str__(self) -> str:
        return self.display_name

    @property
    def api_key(self) -> str:
        return os.environ.get(self.api_key_env, "") if self.api_key_env else ""

    @property
    def is_available(self) -> bool:
        """Active and callable: the builtin engine always is; others need their key."""
        if not self.is_active:
            return False
        return self.provider == Provider.BUILTIN or bool(self.api_key)
