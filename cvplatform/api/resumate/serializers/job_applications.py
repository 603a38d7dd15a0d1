from rest_framework import serializers

from applications.models import JobApplication
from resumes.models import Resume


class JobApplicationSerializer(serializers.ModelSerializer):
    resume_used = serializers.PrimaryKeyRelatedField(
        queryset=Resume.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = JobApplication
        fields = [
            "id",
            "user",
            "job_title",
            "company_name",
            "original_job_description",
            "resume_used",
            "date_applied",
            "status",
            "notes",
            "is_deleted",
            "is_example",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "user", "is_deleted", "is_example", "created_at", "updated_at"]
