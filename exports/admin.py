from django.contrib import admin

from .models import CVTemplate


@admin.register(CVTemplate)
class CVTemplateAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "is_active", "updated_at")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "slug", "description")
    readonly_fields = ("manifest", "created_at", "updated_at")
