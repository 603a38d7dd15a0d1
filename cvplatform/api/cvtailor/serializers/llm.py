from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from llm.models import AIModel, Embedding

# Whose calls a report counts: the caller's, or (staff only) everyone's.
SCOPE = serializers.ChoiceField(choices=["user", "all"])
# How a cost is written (a string with six decimals), in rows and in totals alike.
COST = serializers.DecimalField(max_digits=14, decimal_places=6)


# --- CV Tailor --------------------------------------------------------------------------------
class TailorAIModelSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    available = serializers.BooleanField(source="is_available", read_only=True)
    is_selected = serializers.SerializerMethodField()
    breaker_state = serializers.SerializerMethodField()

    class Meta:
        model = AIModel
        fields = [
            "id",
            "name",
            "display_name",
            "description",
            "provider",
            "model_name",
            "available",
            "login_required",
            "daily_limit",
            "response_time_info",
            "input_price_per_million",
            "output_price_per_million",
            "priority",
            "allow_fallback",
            "is_selected",
            "breaker_state",
        ]

    def get_is_selected(self, obj: AIModel) -> bool:
        user = self.context.get("request").user if self.context.get("request") else None
        preferred = getattr(user, "preferred_ai_model", "") or ""
        return bool(preferred) and preferred.lower() == obj.display_name.lower()

    def get_breaker_state(self, obj: AIModel) -> str:
        return getattr(obj, "breaker_state", "closed")


class TailorSelectModelRequestSerializer(serializers.Serializer):
    model = serializers.CharField(max_length=100, help_text="A model's name (display name).")


class TailorSelectModelResponseSerializer(serializers.Serializer):
    # Serializes the AIModel just chosen.
    detail = serializers.SerializerMethodField()
    selected_model = TailorAIModelSerializer(source="*")

    def get_detail(self, model: AIModel) -> str:
        return f"{model.display_name} is now your AI model."


class TailorModelStatSerializer(serializers.Serializer):
    model_label = serializers.CharField()
    provider = serializers.CharField()
    calls = serializers.IntegerField()
    successes = serializers.IntegerField()
    success_rate = serializers.FloatField(allow_null=True)
    failovers = serializers.IntegerField()
    repaired = serializers.IntegerField()
    input_tokens = serializers.IntegerField()
    output_tokens = serializers.IntegerField()
    cost = serializers.DecimalField(max_digits=14, decimal_places=6)


class TailorModelStatsSerializer(serializers.Serializer):
    # Serializes ``model_stats`` rows; the window and scope asked for come in the context
    # (``window_hours``, ``scope``).
    window_hours = serializers.SerializerMethodField()
    scope = serializers.SerializerMethodField()
    models = TailorModelStatSerializer(many=True, source="*")

    def get_window_hours(self, rows: list[dict]) -> int:
        return self.context["window_hours"]

    @extend_schema_field(SCOPE)
    def get_scope(self, rows: list[dict]) -> str:
        return self.context["scope"]


class TailorModelPerformanceSerializer(serializers.Serializer):
    model = serializers.CharField()
    provider = serializers.CharField()
    calls = serializers.IntegerField()
    success_rate = serializers.FloatField()
    latency_p50_ms = serializers.IntegerField(allow_null=True)
    latency_p95_ms = serializers.IntegerField(allow_null=True)
    errors = serializers.DictField(child=serializers.IntegerField())


class TailorPerformanceMetricsSerializer(serializers.Serializer):
    window_hours = serializers.IntegerField()
    models = TailorModelPerformanceSerializer(many=True)


class TailorCircuitBreakerSerializer(serializers.Serializer):
    model = serializers.CharField()
    provider = serializers.CharField()
    state = serializers.ChoiceField(choices=["closed", "open", "half_open"])
    consecutive_failures = serializers.IntegerField()
    opened_at = serializers.DateTimeField(allow_null=True)
    retry_at = serializers.DateTimeField(allow_null=True)
    threshold = serializers.IntegerField()
    cooldown_seconds = serializers.IntegerField()


class TailorCircuitBreakersSerializer(serializers.Serializer):
    # Serializes the ``circuit_breakers`` list.
    breakers = TailorCircuitBreakerSerializer(many=True, source="*")


class TailorModelHealthSerializer(serializers.Serializer):
    model = serializers.CharField()
    provider = serializers.CharField()
    available = serializers.BooleanField()
    breaker = serializers.CharField()
    recent_calls = serializers.IntegerField()
    recent_success_rate = serializers.FloatField(allow_null=True)


class TailorSystemHealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["healthy", "degraded"])
    builtin_available = serializers.BooleanField()
    configured_models = serializers.IntegerField()
    open_breakers = serializers.IntegerField()
    models = TailorModelHealthSerializer(many=True)
    checked_at = serializers.DateTimeField()


class TailorCostRowSerializer(serializers.Serializer):
    day = serializers.DateField()
    user_id = serializers.IntegerField(allow_null=True)
    model_label = serializers.CharField()
    calls = serializers.IntegerField()
    input_tokens = serializers.IntegerField()
    output_tokens = serializers.IntegerField()
    cost = serializers.DecimalField(max_digits=14, decimal_places=6)


class TailorCostTrackingSerializer(serializers.Serializer):
    # Serializes ``cost_tracking`` rows and their totals; the days and scope asked for come in
    # the context (``days``, ``scope``).
    days = serializers.SerializerMethodField()
    scope = serializers.SerializerMethodField()
    total_cost = serializers.SerializerMethodField()
    total_calls = serializers.SerializerMethodField()
    rows = TailorCostRowSerializer(many=True, source="*")

    def get_days(self, rows: list[dict]) -> int:
        return self.context["days"]

    @extend_schema_field(SCOPE)
    def get_scope(self, rows: list[dict]) -> str:
        return self.context["scope"]

    @extend_schema_field(COST)
    def get_total_cost(self, rows: list[dict]) -> str:
        return COST.to_representation(sum((row["cost"] for row in rows), Decimal(0)))

    def get_total_calls(self, rows: list[dict]) -> int:
        return sum(row["calls"] for row in rows)


class TailorEmbeddingSerializer(serializers.ModelSerializer):
    similarity = serializers.SerializerMethodField()
    text_preview = serializers.SerializerMethodField()

    class Meta:
        model = Embedding
        fields = [
            "id",
            "kind",
            "label",
            "source_type",
            "source_id",
            "text_preview",
            "model_label",
            "dims",
            "similarity",
            "created_at",
            "updated_at",
        ]

    def get_similarity(self, obj: Embedding) -> float | None:
        score = self.context.get("scores", {}).get(obj.pk)
        return round(score, 4) if score is not None else None

    def get_text_preview(self, obj: Embedding) -> str:
        return obj.text[:280]


class TailorJobEmbeddingCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=50000, help_text="The job description.")
    label = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    source_id = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
