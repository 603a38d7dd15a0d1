"""CV Tailor template bodies."""

from rest_framework import serializers

from exports.models import CVTemplate
from exports.selectors import template_preview_url


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
