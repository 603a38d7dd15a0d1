from django.contrib import admin

from .models import Artifact, ArtifactFile, EvidenceLink, Label, LinkCheck


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "color", "created_at")
    search_fields = ("name", "description", "user__email")
    list_filter = ("created_at",)
    raw_id_fields = ("user",)


class EvidenceLinkInline(admin.TabularInline):
    model = EvidenceLink
    extra = 0
    fields = ("url", "link_type", "is_accessible", "last_validated")
    readonly_fields = ("is_accessible", "last_validated")


@admin.register(Artifact)
class ArtifactAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "user",
        "artifact_type",
        "organisation",
        "status",
        "start_date",
        "end_date",
        "updated_at",
    )
    search_fields = ("title", "description", "organisation", "user__email")
    list_filter = ("artifact_type", "status", "source")
    raw_id_fields = ("user", "source_cv")
    filter_horizontal = ("labels",)
    readonly_fields = ("import_key", "created_at", "updated_at")
    inlines = [EvidenceLinkInline]


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(admin.ModelAdmin):
    list_display = ("url", "artifact", "link_type", "is_accessible", "last_status_code", "last_validated")
    search_fields = ("url", "description", "artifact__title", "artifact__user__email")
    list_filter = ("link_type", "is_accessible")
    raw_id_fields = ("artifact",)
    readonly_fields = ("is_accessible", "last_validated", "last_status_code", "last_error")


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "link", "status", "attempts", "created_at", "finished_at")
    search_fields = ("link__url", "user__email", "error")
    list_filter = ("status",)
    raw_id_fields = ("user", "link")


@admin.register(ArtifactFile)
class ArtifactFileAdmin(admin.ModelAdmin):
    list_display = ("name", "uuid", "artifact", "user", "kind", "format", "size", "status", "created_at")
    search_fields = ("name", "uuid", "sha256", "artifact__title", "user__email")
    list_filter = ("status", "kind", "format")
    raw_id_fields = ("user", "artifact")
    readonly_fields = (
        "uuid",
        "file",
        "size",
        "sha256",
        "created_at",
        "started_at",
        "finished_at",
        "attempts",
    )
