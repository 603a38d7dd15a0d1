"""Request and response shapes of the export endpoints (names are unique across the schema)."""

from rest_framework import serializers

from .models import CVTemplate
from .selectors import template_preview_url


class ExportTemplateSerializer(serializers.ModelSerializer):
    """CV Tailor's template lists."""

    category = serializers.CharField(source="kind")
    options = serializers.SerializerMethodField()
    sample_preview_url = serializers.SerializerMethodField()

    class Meta:
        model = CVTemplate
        fields = ["id", "slug", "name", "description", "category", "formats", "options", "sample_preview_url"]

    def get_options(self, template: CVTemplate) -> list[str]:
        return template.manifest.get("options", [])

    def get_sample_preview_url(self, template: CVTemplate) -> str | None:
        return template_preview_url(template=template, request=self.context.get("request"))


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
    file_url = serializers.URLField()


class CVGeniusLatexRequestSerializer(serializers.Serializer):
    latex_content = serializers.CharField(trim_whitespace=False)


class CVGeniusGenerateLatexRequestSerializer(serializers.Serializer):
    personal_info = serializers.DictField()
    summary = serializers.CharField(required=False, allow_blank=True)
    experience = serializers.ListField(child=serializers.DictField(), required=False)
    education = serializers.ListField(child=serializers.DictField(), required=False)
    skills = serializers.JSONField(required=False)
    projects = serializers.ListField(child=serializers.DictField(), required=False)
    certifications = serializers.JSONField(required=False)
    languages = serializers.JSONField(required=False)
    template = serializers.CharField(required=False, help_text="Template id (default: classic).")

    def validate_personal_info(self, value: dict) -> dict:
        if not str(value.get("name") or "").strip():
            raise serializers.ValidationError("personal_info.name is required.")
        return value


class CVGeniusGenerateLatexResponseSerializer(serializers.Serializer):
    latex_content = serializers.CharField()
