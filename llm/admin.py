from django.contrib import admin

from .models import AIModel, Embedding, LLMCall


@admin.register(AIModel)
class AIModelAdmin(admin.ModelAdmin):
    list_display = (
        "display_name",
        "provider",
        "model_name",
        "is_active",
        "available",
        "login_required",
        "daily_limit",
        "priority",
        "input_price_per_million",
        "output_price_per_million",
    )
    list_filter = ("provider", "is_active", "login_required")
    search_fields = ("display_name", "model_name", "description")
    list_editable = ("is_active", "priority")

    @admin.display(boolean=True, description="Key configured")
    def available(self, obj: AIModel) -> bool:
        return obj.is_available


@admin.register(LLMCall)
class LLMCallAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "task",
        "model_label",
        "provider",
        "user",
        "outcome",
        "error_class",
        "failed_over",
        "input_tokens",
        "output_tokens",
        "cost",
        "latency_ms",
    )
    list_filter = ("outcome", "error_class", "provider", "task", "failed_over")
    search_fields = ("model_label", "user__email", "error_message")
    date_hierarchy = "created_at"
    list_select_related = ("user",)

    # The call log is an audit trail: read-only in the admin.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Embedding)
class EmbeddingAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "kind",
        "label",
        "user",
        "source_type",
        "source_id",
        "model_label",
        "dims",
        "updated_at",
    )
    list_filter = ("kind", "model_label")
    search_fields = ("label", "text", "source_id")
    exclude = ("vector",)
