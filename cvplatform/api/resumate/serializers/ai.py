"""ResuMate AI bodies."""

from typing import NamedTuple

from rest_framework import serializers

from llm.models import AIModel
from llm.router import TaskResult
from resumes.models import Resume


# --- ResuMate ---------------------------------------------------------------------------------
class ResuMateAIModelSerializer(serializers.ModelSerializer):
    available = serializers.BooleanField(source="is_available", read_only=True)

    class Meta:
        model = AIModel
        fields = [
            "display_name",
            "description",
            "response_time_info",
            "login_required",
            "available",
            "provider",
        ]


class ResuMateGenerateRequestSerializer(serializers.Serializer):
    model = serializers.CharField(
        max_length=100, help_text="An AI model's display_name from /api/ai/models/."
    )
    user_input = serializers.CharField(max_length=20000, help_text="Free text describing your experience.")
    title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class GeneratedResume(NamedTuple):
    """The saved resume and the model call's result that wrote it."""

    resume: Resume
    result: TaskResult


# Reads a ``GeneratedResume``.
class ResuMateGenerateResponseSerializer(serializers.Serializer):
    resume_id = serializers.IntegerField(source="resume.pk")
    content = serializers.CharField(source="resume.content", help_text="The generated resume, Markdown.")
    model_used = serializers.CharField(
        source="result.call.model_label", help_text="Display name of the model that actually answered."
    )
    fallback = serializers.BooleanField(
        source="result.failed_over",
        help_text="True when the chosen model could not answer (failed or not configured) and "
        "``model_used`` answered instead.",
    )
