from django.contrib import admin

from .models import CVTemplate, ExportJob


@admin.register(CVTemplate)
class CVTemplateAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "kind", "is_active", "updated_at")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "slug", "description")
    readonly_fields = ("manifest", "created_at", "updated_at")


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "kind", "format", "template", "status", "engine", "created_at")
    list_filter = ("kind", "status", "format")
    search_fields = ("user__email", "persona_id")
    raw_id_fields = ("user", "template")
    readonly_fields = ("created_at", "started_at", "finished_at", "result", "error")
