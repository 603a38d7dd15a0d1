"""CV Genius (/api/cv/…, /api/users/cvs/): extracted CV data and saved client CVs."""

from typing import NamedTuple

from rest_framework import serializers

from cvplatform.api.cvgenius.mappings import structured_to_cvgenius
from resumes import selectors
from resumes.analysis import UploadAnalysis
from resumes.models import SavedCV
from resumes.schema import StructuredCV


class CVGeniusFileSerializer(serializers.Serializer):
    cv_file = serializers.FileField(allow_empty_file=True, use_url=False)


class CVGeniusTextSerializer(serializers.Serializer):
    cv_text = serializers.CharField(trim_whitespace=False)


class CVGeniusPersonalInfoSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    location = serializers.CharField()
    linkedin = serializers.CharField()
    github = serializers.CharField()
    website = serializers.CharField()


class CVGeniusExperienceSerializer(serializers.Serializer):
    title = serializers.CharField()
    company = serializers.CharField()
    location = serializers.CharField()
    start_date = serializers.CharField()
    end_date = serializers.CharField()
    description = serializers.CharField()
    highlights = serializers.ListField(child=serializers.CharField())


class CVGeniusEducationSerializer(serializers.Serializer):
    degree = serializers.CharField()
    institution = serializers.CharField()
    area = serializers.CharField()
    location = serializers.CharField()
    start_date = serializers.CharField()
    end_date = serializers.CharField()
    gpa = serializers.CharField()


class CVGeniusProjectSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    technologies = serializers.CharField()
    url = serializers.CharField()
    start_date = serializers.CharField()
    end_date = serializers.CharField()
    highlights = serializers.ListField(child=serializers.CharField())


class CVGeniusCertificationSerializer(serializers.Serializer):
    name = serializers.CharField()
    issuer = serializers.CharField()
    date = serializers.CharField()
    url = serializers.CharField()


class CVGeniusLanguageSerializer(serializers.Serializer):
    language = serializers.CharField()
    proficiency = serializers.CharField()


# Reads a ``StructuredCV`` through the surface's mapping.
class CVGeniusCVDataSerializer(serializers.Serializer):
    personal_info = CVGeniusPersonalInfoSerializer()
    summary = serializers.CharField()
    experience = CVGeniusExperienceSerializer(many=True)
    education = CVGeniusEducationSerializer(many=True)
    skills = serializers.DictField(child=serializers.CharField(), help_text='{"group": "a, b"}')
    projects = CVGeniusProjectSerializer(many=True)
    certifications = CVGeniusCertificationSerializer(many=True)
    languages = CVGeniusLanguageSerializer(many=True)

    def to_representation(self, instance):
        return super().to_representation(self.mapped(instance))

    def mapped(self, cv: StructuredCV) -> dict:
        return structured_to_cvgenius(cv)


# Reads an ``UploadAnalysis`` (the analysis an upload gets).
class CVGeniusBasicAnalysisSerializer(serializers.Serializer):
    # The order analyze-cv-file has always answered in: the score comes last.
    industry = serializers.CharField()
    experience_level = serializers.CharField()
    years_of_experience = serializers.FloatField()
    breakdown = serializers.DictField(child=serializers.IntegerField())
    issues = serializers.ListField(child=serializers.CharField())
    score = serializers.FloatField(source="ats_score")


class FileAnalysis(NamedTuple):
    """What analyze-cv-file answers: the extracted CV and its first analysis."""

    cv: StructuredCV
    analysis: UploadAnalysis


# Reads a ``FileAnalysis``: the CV in CV Genius's shape, plus ``analysis``.
class CVGeniusFileAnalysisSerializer(CVGeniusCVDataSerializer):
    analysis = CVGeniusBasicAnalysisSerializer()

    def mapped(self, result: FileAnalysis) -> dict:
        return {**structured_to_cvgenius(result.cv), "analysis": result.analysis}


# Reads a ``SavedCV``; the link is built for the request in the context.
class CVGeniusSavedCVSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    client = serializers.IntegerField(source="client_id")
    cv = serializers.SerializerMethodField(help_text="A signed, expiring link that works for the owner only.")
    filename = serializers.CharField(source="original_filename")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_cv(self, saved: SavedCV) -> str:
        return selectors.stored_file_url(
            file=saved.file,
            request=self.context["request"],
            kind="saved",
            pk=saved.pk,
            user_id=saved.owner_id,
        )


class CVGeniusSavedCVInputSerializer(serializers.Serializer):
    client = serializers.IntegerField(required=False)
    cv = serializers.FileField(required=False, allow_empty_file=True, use_url=False)


class CVGeniusByClientQuerySerializer(serializers.Serializer):
    # The same messages as /api/users/client-plans/by_client/ (billing), one body for both.
    client_id = serializers.IntegerField(
        error_messages={"required": "client_id is required", "invalid": "client_id must be an integer"}
    )
