"""Resume Optimizer (/api/v1/resumes…)."""

from rest_framework import serializers

from cvplatform.api.parsers import BoundedJSONField
from resumes.models import CVDocument


class OptimizerResumeUploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, use_url=False)
    title = serializers.CharField(max_length=255, required=False, allow_blank=True)


class OptimizerResumeSerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="status_word", read_only=True)

    class Meta:
        model = CVDocument
        fields = ["id", "title", "ats_score", "industry", "experience_level", "status", "created_at"]


class OptimizerResumeDetailSerializer(OptimizerResumeSerializer):
    filename = serializers.CharField(source="original_filename", read_only=True)
    parsed_data = BoundedJSONField(source="structured", read_only=True)

    class Meta(OptimizerResumeSerializer.Meta):
        fields = [
            *OptimizerResumeSerializer.Meta.fields,
            "filename",
            "format",
            "pages",
            "error",
            "parsed_data",
            "analysis",
            "updated_at",
        ]
