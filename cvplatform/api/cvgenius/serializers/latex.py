"""CV Genius LaTeX bodies."""

from rest_framework import serializers

from cvplatform.api.parsers import BoundedJSONField
from exports.render.pipeline import RenderedFile


class CVGeniusLatexRequestSerializer(serializers.Serializer):
    latex_content = serializers.CharField(trim_whitespace=False)


class CVGeniusGenerateLatexRequestSerializer(serializers.Serializer):
    personal_info = serializers.DictField()
    summary = serializers.CharField(required=False, allow_blank=True)
    experience = serializers.ListField(child=serializers.DictField(), required=False)
    education = serializers.ListField(child=serializers.DictField(), required=False)
    skills = BoundedJSONField(required=False)
    projects = serializers.ListField(child=serializers.DictField(), required=False)
    certifications = BoundedJSONField(required=False)
    languages = BoundedJSONField(required=False)
    template = serializers.CharField(required=False, help_text="Template id (default: classic).")

    def validate_personal_info(self, value: dict) -> dict:
        if not str(value.get("name") or "").strip():
            raise serializers.ValidationError("personal_info.name is required.")
        return value


# Reads the ``RenderedFile`` of a LaTeX render.
class CVGeniusGenerateLatexResponseSerializer(serializers.Serializer):
    latex_content = serializers.SerializerMethodField()

    def get_latex_content(self, rendered: RenderedFile) -> str:
        return rendered.content.decode("utf-8")
