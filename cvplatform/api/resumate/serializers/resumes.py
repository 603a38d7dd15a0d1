"""ResuMate (/api/resumes/): Markdown resumes."""

from rest_framework import serializers

from resumes.models import Resume


class ResuMateResumeSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.username", read_only=True, default=None)

    class Meta:
        model = Resume
        fields = ["id", "user", "title", "content", "created_at", "updated_at"]
        read_only_fields = ["id", "user", "created_at", "updated_at"]
        extra_kwargs = {"content": {"required": False, "allow_blank": True}}
