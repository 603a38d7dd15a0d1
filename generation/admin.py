from django.contrib import admin

from .models import (
    AnalysisEnrichment,
    ChatMessage,
    ChatSession,
    Clarification,
    GeneratedDocument,
    JobDescription,
    Optimization,
)


@admin.register(Optimization)
class OptimizationAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "user",
        "optimization_type",
        "document",
        "score_before",
        "score_after",
        "created_at",
    )
    list_filter = ("optimization_type",)
    search_fields = ("user__email", "user__username", "optimization_type", "job_title")
    raw_id_fields = ("user", "document")
    readonly_fields = ("created_at",)


@admin.register(Clarification)
class ClarificationAdmin(admin.ModelAdmin):
    list_display = ("question_id", "user", "kind", "subject", "answered_at", "updated_at")
    list_filter = ("kind",)
    search_fields = ("user__email", "user__username", "question_id", "question", "answer", "subject")
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")


@admin.register(AnalysisEnrichment)
class AnalysisEnrichmentAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "status", "overall_score", "model_label", "created_at", "finished_at")
    list_filter = ("status",)
    search_fields = ("user__email", "user__username", "model_label", "error")
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "started_at", "finished_at")


class ChatMessageInline(admin.TabularInline):
    model = ChatMessage
    extra = 0
    fields = ("sender", "type", "content", "created_at")
    readonly_fields = ("created_at",)


@admin.register(ChatSession)
class ChatSessionAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "title", "document", "job_title", "created_at", "updated_at")
    list_filter = ("created_at",)
    search_fields = ("user__email", "user__username", "title", "job_title")
    raw_id_fields = ("user", "document")
    readonly_fields = ("created_at", "updated_at")
    inlines = [ChatMessageInline]


@admin.register(ChatMessage)
class ChatMessageAdmin(admin.ModelAdmin):
    list_display = ("id", "session", "sender", "type", "created_at")
    list_filter = ("sender", "type")
    search_fields = ("content", "session__user__email", "session__title")
    raw_id_fields = ("session",)
    readonly_fields = ("created_at",)


@admin.register(JobDescription)
class JobDescriptionAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "content_hash", "use_count", "last_used_at")
    search_fields = ("title", "content_hash", "text")
    readonly_fields = ("content_hash", "analysis", "analysis_version", "created_at", "last_used_at")


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "type", "status", "progress", "model_used", "rating", "created_at")
    list_filter = ("type", "status", "model_used")
    search_fields = ("id", "user__email", "user__username", "company_name", "role_title")
    raw_id_fields = ("user", "job_description", "template")
    readonly_fields = (
        "created_at",
        "started_at",
        "finished_at",
        "attempts",
        "content",
        "metadata",
        "result",
        "error",
        "generation_seconds",
    )
