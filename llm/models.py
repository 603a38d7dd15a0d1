import os

from django.conf import settings
from django.db import models


class Provider(models.TextChoices):
    BUILTIN = "builtin", "Builtin offline engine"
    OPENAI = "openai", "OpenAI-compatible"
    GEMINI = "gemini", "Google Gemini"


class ResponseFormat(models.TextChoices):
    # Most OpenAI-compatible servers accept a JSON schema; some (DeepSeek, older vLLM) only
    # accept "any JSON object", in which case the schema travels in the prompt alone.
    JSON_SCHEMA = "json_schema", "JSON schema (strict structured output)"
    JSON_OBJECT = "json_object", "JSON object (schema described in the prompt)"


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
    allow_fallback = models.BooleanField(
        default=True,
        help_text="When this model is chosen explicitly and fails, answer with the next model "
        "(finally the builtin engine); off: the caller gets a 503 instead.",
    )
    response_format = models.CharField(
        max_length=20, choices=ResponseFormat.choices, default=ResponseFormat.JSON_SCHEMA
    )
    embedding_model = models.CharField(
        max_length=200, blank=True, help_text="Embedding model of this provider; empty: none."
    )
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


class ErrorClass(models.TextChoices):
    RATE_LIMIT = "rate_limit", "Rate limited"
    TIMEOUT = "timeout", "Timed out"
    AUTH = "auth", "Authentication / not configured"
    BAD_REQUEST = "bad_request", "Bad request"
    SERVER = "server", "Server or connection error"
    INVALID_OUTPUT = "invalid_output", "Invalid output"


class Outcome(models.TextChoices):
    SUCCESS = "success", "Success"
    REPAIRED = "repaired", "Success after one repair"
    ERROR = "error", "Error"


class LLMCall(models.Model):
    """One attempt to get a task done by one model: the usage, cost and latency log."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="llm_calls"
    )
    ai_model = models.ForeignKey(
        AIModel, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls"
    )
    # Copied so the log stays readable after a model row is renamed or deleted.
    model_label = models.CharField(max_length=100)
    provider = models.CharField(max_length=20, choices=Provider.choices)
    task = models.CharField(max_length=40, db_index=True)
    prompt_version = models.CharField(max_length=40, blank=True)
    input_tokens = models.PositiveIntegerField(default=0)
    output_tokens = models.PositiveIntegerField(default=0)
    cost = models.DecimalField(max_digits=12, decimal_places=6, default=0)
    latency_ms = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, db_index=True)
    error_class = models.CharField(max_length=20, choices=ErrorClass.choices, blank=True)
    error_message = models.CharField(max_length=500, blank=True)
    failed_over = models.BooleanField(default=False, help_text="Made because an earlier model failed.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "ai_model", "created_at"])]
        verbose_name = "LLM call"

    def __str__(self) -> str:
        return f"{self.task} on {self.model_label}: {self.outcome}"

    @property
    def succeeded(self) -> bool:
        return self.outcome != Outcome.ERROR


class EmbeddingKind(models.TextChoices):
    JOB_DESCRIPTION = "job_description", "Job description"
    ARTIFACT = "artifact", "Career artifact"
    CV = "cv", "CV or CV item"
    OTHER = "other", "Other text"


class Embedding(models.Model):
    """A text's vector, stored with the row it describes (``source_type`` + ``source_id``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="embeddings"
    )
    kind = models.CharField(max_length=20, choices=EmbeddingKind.choices, default=EmbeddingKind.OTHER)
    source_type = models.CharField(max_length=60, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    label = models.CharField(max_length=255, blank=True)
    text = models.TextField()
    text_hash = models.CharField(max_length=64, db_index=True)
    model_label = models.CharField(max_length=200, help_text="Which embedder made the vector.")
    dims = models.PositiveIntegerField()
    vector = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "kind"]), models.Index(fields=["source_type", "source_id"])]

    def __str__(self) -> str:
        return self.label or self.text[:60]
