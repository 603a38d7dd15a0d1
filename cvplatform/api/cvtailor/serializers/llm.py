from rest_framework import serializers

from llm.models import AIModel, Embedding


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
        return self.context.get("breakers", {}).get(obj.pk, "closed")


class TailorSelectModelRequestSerializer(serializers.Serializer):
    model = serializers.CharField(max_length=100, help_text="A model's name (display name).")


class TailorSelectModelResponseSerializer(serializers.Serializer):
    detail = serializers.CharField()
    selected_model = TailorAIModelSerializer()


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
    window_hours = serializers.IntegerField()
    scope = serializers.ChoiceField(choices=["user", "all"])
    models = TailorModelStatSerializer(many=True)


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
    breakers = TailorCircuitBreakerSerializer(many=True)


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
    days = serializers.IntegerField()
    scope = serializers.ChoiceField(choices=["user", "all"])
    total_cost = serializers.DecimalField(max_digits=14, decimal_places=6)
    total_calls = serializers.IntegerField()
    rows = TailorCostRowSerializer(many=True)


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
