"""CV Genius (/api/cv/…, /api/users/cvs/): extracted CV data and saved client CVs."""

from rest_framework import serializers


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


class CVGeniusCVDataSerializer(serializers.Serializer):
    personal_info = CVGeniusPersonalInfoSerializer()
    summary = serializers.CharField()
    experience = CVGeniusExperienceSerializer(many=True)
    education = CVGeniusEducationSerializer(many=True)
    skills = serializers.DictField(child=serializers.CharField(), help_text='{"group": "a, b"}')
    projects = CVGeniusProjectSerializer(many=True)
    certifications = CVGeniusCertificationSerializer(many=True)
    languages = CVGeniusLanguageSerializer(many=True)


class CVGeniusBasicAnalysisSerializer(serializers.Serializer):
    score = serializers.FloatField()
    industry = serializers.CharField()
    experience_level = serializers.CharField()
    years_of_experience = serializers.FloatField()
    breakdown = serializers.DictField(child=serializers.IntegerField())
    issues = serializers.ListField(child=serializers.CharField())


class CVGeniusFileAnalysisSerializer(CVGeniusCVDataSerializer):
    analysis = CVGeniusBasicAnalysisSerializer()


class CVGeniusSavedCVSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    client = serializers.IntegerField(source="client_id")
    cv = serializers.CharField(help_text="A signed, expiring link that works for the owner only.")
    filename = serializers.CharField(source="original_filename")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class CVGeniusSavedCVInputSerializer(serializers.Serializer):
    client = serializers.IntegerField(required=False)
    cv = serializers.FileField(required=False, allow_empty_file=True, use_url=False)


class CVGeniusByClientQuerySerializer(serializers.Serializer):
    # The same messages as /api/users/client-plans/by_client/ (billing), one body for both.
    client_id = serializers.IntegerField(
        error_messages={"required": "client_id is required", "invalid": "client_id must be an integer"}
    )
