"""CV Tailor generation bodies: the Generation Request Format and the Generated Document."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cvplatform.api.parsers import BoundedJSONField
from generation.models import DocumentType, GeneratedDocument
from generation.tailor.jobdescriptions import MAX_JOB_DESCRIPTION_CHARS
from generation.tailor.selectors import STATUS_WORDS, status_word
from generation.tailor.services import LENGTHS, TONES, custom_sections_dict
from resumes.selectors import MAX_ID


class GenerationPreferencesSerializer(serializers.Serializer):
    tone = serializers.ChoiceField(choices=TONES, required=False, default="professional")
    length = serializers.ChoiceField(choices=LENGTHS, required=False, default="concise")
    focusAreas = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, default=list, max_length=10
    )


class CustomSectionField(BoundedJSONField):
    """``{title: text or [lines]}``."""

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, dict):
            raise serializers.ValidationError("Give an object of {section title: text or [lines]}.")
        if len(data) > 10:
            raise serializers.ValidationError("At most 10 custom sections.")
        for title, value in data.items():
            lines = value if isinstance(value, list) else [value]
            if len(str(title)) > 100 or not all(isinstance(v, str) and len(v) <= 2000 for v in lines):
                raise serializers.ValidationError(
                    "Each section needs a title of at most 100 characters and text lines of at most 2000."
                )
        return data


class GenerationRequestSerializer(serializers.Serializer):
    jobDescription = serializers.CharField(max_length=MAX_JOB_DESCRIPTION_CHARS, trim_whitespace=True)
    companyName = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    roleTitle = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    labelIds = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        default=list,
        max_length=100,
    )
    templateId = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, required=False, allow_null=True, default=None
    )
    customSections = CustomSectionField(required=False, default=dict)
    generationPreferences = GenerationPreferencesSerializer(required=False)


class AcceptedSerializer(serializers.Serializer):
    """202: the job's id and status (poll the status endpoint)."""

    id = serializers.CharField()
    status = serializers.CharField()


def accepted(job) -> dict:
    return {"id": str(job.pk), "status": status_word(job.status)}


class _Experience(serializers.Serializer):
    title = serializers.CharField()
    organization = serializers.CharField()
    duration = serializers.CharField()
    achievements = serializers.ListField(child=serializers.CharField())
    technologiesUsed = serializers.ListField(child=serializers.CharField())
    evidenceReferences = serializers.ListField(child=serializers.CharField())


class _Project(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    technologies = serializers.ListField(child=serializers.CharField())
    evidenceUrl = serializers.CharField()
    impactMetrics = serializers.CharField()


class _Education(serializers.Serializer):
    degree = serializers.CharField()
    institution = serializers.CharField()
    duration = serializers.CharField()
    details = serializers.ListField(child=serializers.CharField())


class _Certification(serializers.Serializer):
    name = serializers.CharField()
    issuer = serializers.CharField()
    date = serializers.CharField()
    evidenceUrl = serializers.CharField()


class _CoverLetter(serializers.Serializer):
    company = serializers.CharField()
    role = serializers.CharField()
    subject = serializers.CharField()
    greeting = serializers.CharField()
    paragraphs = serializers.ListField(child=serializers.CharField())
    closing = serializers.CharField()
    signature = serializers.CharField()
    citedArtifacts = serializers.ListField(child=serializers.IntegerField())


class GeneratedContentSerializer(serializers.Serializer):
    professionalSummary = serializers.CharField()
    keySkills = serializers.ListField(child=serializers.CharField())
    experience = _Experience(many=True)
    projects = _Project(many=True)
    education = _Education(many=True)
    certifications = _Certification(many=True)
    customSections = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    coverLetter = _CoverLetter(required=False, help_text="Cover letters only.")


class GroundingSerializer(serializers.Serializer):
    claims_checked = serializers.IntegerField()
    removed = serializers.ListField(child=serializers.DictField())
    rewritten = serializers.ListField(child=serializers.DictField())


class GenerationMetadataSerializer(serializers.Serializer):
    artifactsUsed = serializers.ListField(child=serializers.IntegerField())
    skillMatchScore = serializers.FloatField()
    missingSkills = serializers.ListField(child=serializers.CharField())
    generationTime = serializers.FloatField()
    modelUsed = serializers.CharField()
    grounding = GroundingSerializer()


class _GenerationBase(serializers.ModelSerializer):
    id = serializers.CharField(read_only=True)
    status = serializers.SerializerMethodField()
    progressPercentage = serializers.IntegerField(source="progress")
    createdAt = serializers.DateTimeField(source="created_at")
    completedAt = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    def get_status(self, document: GeneratedDocument) -> str:
        return status_word(document.status)

    def get_completedAt(self, document: GeneratedDocument) -> str | None:
        done = document.finished_at if document.is_finished else None
        return serializers.DateTimeField().to_representation(done) if done else None

    def get_error(self, document: GeneratedDocument) -> str | None:
        return document.error or None


class GenerationStatusSerializer(_GenerationBase):
    """``GET generate/{id}/``: status and progress through the real stages."""

    stage = serializers.SerializerMethodField()

    class Meta:
        model = GeneratedDocument
        fields = ["id", "type", "status", "progressPercentage", "stage", "error", "createdAt", "completedAt"]

    def get_stage(self, document: GeneratedDocument) -> str:
        from generation.models import GenerationStage

        reached = [s for s in GenerationStage if s.value <= document.progress]
        return reached[-1].label if reached else GenerationStage.QUEUED.label


class GeneratedDocumentSerializer(_GenerationBase):
    """``GET generate/{id}/detail/``: the document's Generated Document, every field."""

    content = serializers.SerializerMethodField()
    metadata = serializers.SerializerMethodField()
    jobDescriptionHash = serializers.CharField(source="job_description.content_hash")
    companyName = serializers.CharField(source="company_name")
    roleTitle = serializers.CharField(source="role_title")
    templateId = serializers.IntegerField(source="template_id", allow_null=True)
    rating = serializers.IntegerField(allow_null=True)

    class Meta:
        model = GeneratedDocument
        fields = [
            "id",
            "type",
            "status",
            "progressPercentage",
            "content",
            "metadata",
            "createdAt",
            "completedAt",
            "jobDescriptionHash",
            "companyName",
            "roleTitle",
            "templateId",
            "rating",
            "error",
        ]

    # The stored dicts as they are (empty until the generation completes): the shapes are
    # the serializers named in the schema.
    @extend_schema_field(GeneratedContentSerializer(allow_null=True))
    def get_content(self, document: GeneratedDocument) -> dict | None:
        content = document.content or None
        if content and "customSections" in content:  # in the user's order, which jsonb loses
            content = {**content, "customSections": custom_sections_dict(document)}
        return content

    @extend_schema_field(GenerationMetadataSerializer(allow_null=True))
    def get_metadata(self, document: GeneratedDocument) -> dict | None:
        return document.metadata or None


class GenerationListQuerySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=DocumentType.values, required=False)
    status = serializers.ChoiceField(choices=list(STATUS_WORDS), required=False)


class RatingSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)
    feedback = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class RatingResponseSerializer(serializers.Serializer):
    id = serializers.CharField()
    rating = serializers.IntegerField()
    feedback = serializers.CharField()


class AnalyticsQuerySerializer(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=366, required=False, default=30)


class GenerationAnalyticsSerializer(serializers.Serializer):
    periodDays = serializers.IntegerField()
    total = serializers.IntegerField()
    byType = serializers.DictField(child=serializers.IntegerField())
    byStatus = serializers.DictField(child=serializers.IntegerField())
    averageGenerationTime = serializers.FloatField(allow_null=True)
    averageRating = serializers.FloatField(allow_null=True)
    ratedCount = serializers.IntegerField()
    mostUsedTemplate = serializers.CharField(allow_null=True)
    mostUsedModel = serializers.CharField(allow_null=True)
