"""PersonaForge template and export bodies."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exports.models import CVTemplate, ExportJob
from exports.selectors import export_file_url, template_preview_url


class PersonaForgeTemplateSerializer(serializers.ModelSerializer):
    """PersonaForge's ``{id, name, format, sample_preview_url}`` (plus kind and formats)."""

    id = serializers.CharField(source="slug")
    kind = serializers.CharField(help_text="cv or cover_letter")
    format = serializers.SerializerMethodField()
    sample_preview_url = serializers.SerializerMethodField()

    class Meta:
        model = CVTemplate
        fields = ["id", "name", "format", "sample_preview_url", "kind", "formats", "description"]

    def get_format(self, template: CVTemplate) -> str:
        return "pdf" if "pdf" in template.formats else (template.formats or ["pdf"])[0]

    def get_sample_preview_url(self, template: CVTemplate) -> str | None:
        return template_preview_url(template=template, request=self.context.get("request"))


class PersonaForgeTemplateDetailSerializer(PersonaForgeTemplateSerializer):
    """``GET /templates/{id}``: the template's config — what it offers and how it looks."""

    options = serializers.SerializerMethodField()
    config = serializers.SerializerMethodField()

    class Meta(PersonaForgeTemplateSerializer.Meta):
        fields = [*PersonaForgeTemplateSerializer.Meta.fields, "options", "config"]

    def get_options(self, template: CVTemplate) -> list[str]:
        return template.manifest.get("options", [])

    def get_config(self, template: CVTemplate) -> dict:
        keep = ("section_order", "sidebar_sections", "colors", "font_size")
        return {key: template.manifest[key] for key in keep if key in template.manifest}


class PersonaForgeExportRequestSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=["pdf", "md"])
    template_id = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    options = serializers.DictField(required=False)


class PersonaForgeExportResponseSerializer(serializers.Serializer):
    # Serializes a finished ExportJob as the signed link only its owner can use.
    file_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.URLField())
    def get_file_url(self, job: ExportJob) -> str:
        return export_file_url(job=job, request=self.context["request"])
