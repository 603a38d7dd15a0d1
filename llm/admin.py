from django.contrib import admin

from .models import AIModel


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
