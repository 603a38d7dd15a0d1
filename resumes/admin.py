from django.contrib import admin

from .models import CVDocument, Persona, Resume, SavedCV


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "created_at", "updated_at")
    search_fields = ("title", "content", "user__email")
    list_filter = ("created_at",)
    raw_id_fields = ("user",)


@admin.register(CVDocument)
class CVDocumentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "format", "status", "ats_score", "industry", "created_at")
    search_fields = ("title", "original_filename", "user__email", "sha256")
    list_filter = ("status", "format", "industry", "experience_level")
    raw_id_fields = ("user",)
    readonly_fields = ("file", "sha256", "size", "created_at", "started_at", "finished_at", "attempts")


@admin.register(Persona)
class PersonaAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "base_cv", "updated_at")
    search_fields = ("title", "user__email")
    raw_id_fields = ("user", "base_cv")


@admin.register(SavedCV)
class SavedCVAdmin(admin.ModelAdmin):
    list_display = ("__str__", "owner", "client", "format", "created_at")
    search_fields = ("original_filename", "owner__email", "client__name")
    list_filter = ("format",)
    raw_id_fields = ("owner", "client")
    readonly_fields = ("file", "size", "created_at", "updated_at")
