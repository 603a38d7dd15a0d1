"""CV Tailor export bodies: the Export Request Format and export jobs."""

from rest_framework import serializers

from cvplatform.api.parsers import BoundedJSONField
from exports.models import ExportJob
from generation.tailor.selectors import export_seconds, status_word


class ExportOptionsSerializer(serializers.Serializer):
    includeEvidence = serializers.BooleanField(required=False, default=True)
    evidenceFormat = serializers.ChoiceField(
        choices=["hyperlinks", "footnotes", "qr_codes"], required=False, default="hyperlinks"
    )
    pageMargins = serializers.ChoiceField(
        choices=["narrow", "normal", "wide"], required=False, default="normal"
    )
    fontSize = serializers.FloatField(
        min_value=7, max_value=16, required=False, allow_null=True, default=None
    )
    colorScheme = serializers.ChoiceField(
        choices=["monochrome", "accent", "full_color"], required=False, default="accent"
    )
    pageSize = serializers.ChoiceField(choices=["a4", "letter"], required=False, default="a4")


class ExportSectionsSerializer(serializers.Serializer):
    includeProfessionalSummary = serializers.BooleanField(required=False, default=True)
    includeSkills = serializers.BooleanField(required=False, default=True)
    includeExperience = serializers.BooleanField(required=False, default=True)
    includeProjects = serializers.BooleanField(required=False, default=True)
    includeEducation = serializers.BooleanField(required=False, default=True)
    includeCertifications = serializers.BooleanField(required=False, default=True)


class WatermarkSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    opacity = serializers.FloatField(min_value=0, max_value=1, required=False, default=0.1)


class ExportRequestSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=["pdf", "docx"], required=False, default="pdf")
    templateId = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    options = ExportOptionsSerializer(required=False)
    sections = ExportSectionsSerializer(required=False)
    watermark = WatermarkSerializer(required=False)

    def render_request(self) -> dict:
        """The options, sections and watermark as the renderers' option reader takes them."""
        data = self.validated_data
        return {
            "options": dict(data.get("options") or {}),
            "sections": dict(data.get("sections") or {}),
            "watermark": dict(data.get("watermark") or {"text": ""}),
        }


class ExportAcceptedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()


class ExportStatusSerializer(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    progressPercentage = serializers.IntegerField(source="progress")
    generationId = serializers.CharField(source="generation_id", allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at")
    completedAt = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "status",
            "progressPercentage",
            "format",
            "generationId",
            "error",
            "createdAt",
            "completedAt",
        ]

    def get_status(self, job: ExportJob) -> str:
        return status_word(job.status)

    def get_completedAt(self, job: ExportJob) -> str | None:
        done = job.finished_at if job.is_finished else None
        return serializers.DateTimeField().to_representation(done) if done else None

    def get_error(self, job: ExportJob) -> str | None:
        return job.error or None


class ExportDetailSerializer(ExportStatusSerializer):
    templateId = serializers.IntegerField(source="template_id", allow_null=True)
    templateName = serializers.CharField(source="template.name", default=None, allow_null=True)
    options = BoundedJSONField()
    fileSize = serializers.SerializerMethodField()
    contentType = serializers.CharField(source="content_type")
    exportTime = serializers.SerializerMethodField()
    downloadUrl = serializers.SerializerMethodField()
    expiresIn = serializers.SerializerMethodField()

    class Meta(ExportStatusSerializer.Meta):
        fields = [
            *ExportStatusSerializer.Meta.fields,
            "templateId",
            "templateName",
            "options",
            "fileSize",
            "contentType",
            "exportTime",
            "downloadUrl",
            "expiresIn",
        ]

    def get_fileSize(self, job: ExportJob) -> int | None:
        return (job.result or {}).get("size")

    def get_exportTime(self, job: ExportJob) -> float | None:
        return export_seconds(job)

    def get_downloadUrl(self, job: ExportJob) -> str | None:
        return self.context.get("download_url")

    def get_expiresIn(self, job: ExportJob) -> int | None:
        return self.context.get("expires_in")


class ExportAnalyticsSerializer(serializers.Serializer):
    periodDays = serializers.IntegerField()
    total = serializers.IntegerField()
    byFormat = serializers.DictField(child=serializers.IntegerField())
    byStatus = serializers.DictField(child=serializers.IntegerField())
    averageExportTime = serializers.FloatField(allow_null=True)
    totalBytes = serializers.IntegerField()
    mostUsedTemplate = serializers.CharField(allow_null=True)
