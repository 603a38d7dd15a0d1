"""PersonaForge (/pf/): CV uploads and personas."""

from rest_framework import serializers


class PFCVUploadInputSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, use_url=False)


class PFCVExtractSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    work_experience = serializers.ListField(child=serializers.DictField())
    skills = serializers.ListField(child=serializers.CharField())
    education = serializers.ListField(child=serializers.DictField())
    raw_text = serializers.CharField()


class PFCVPreviewSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    work_experience = serializers.ListField(child=serializers.DictField())
    skills = serializers.ListField(child=serializers.CharField())
    education = serializers.ListField(child=serializers.DictField())


class PFCVUploadOutputSerializer(serializers.Serializer):
    cv_id = serializers.IntegerField()
    status = serializers.CharField(help_text="processing, parsed or failed")
    extracted_data = PFCVPreviewSerializer(allow_null=True)


class PFCVDetailSerializer(PFCVExtractSerializer):
    id = serializers.IntegerField()
    status = serializers.CharField(help_text="processing, parsed or failed")
    error = serializers.CharField()
    filename = serializers.CharField()
    file_url = serializers.CharField()
    created_at = serializers.DateTimeField()


class PFCVListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    filename = serializers.CharField(source="original_filename")
    status = serializers.CharField(source="status_word")
    created_at = serializers.DateTimeField()


class PFPersonaListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())


class PFPersonaSerializer(PFPersonaListItemSerializer):
    base_cv_id = serializers.IntegerField(allow_null=True)
    sections = serializers.DictField(child=serializers.ListField(child=serializers.JSONField()))
    skills = serializers.ListField(child=serializers.CharField())
    skill_groups = serializers.ListField(child=serializers.DictField())
    work_history = serializers.ListField(child=serializers.DictField())
    basics = serializers.DictField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class PFPersonaFieldsSerializer(serializers.Serializer):
    """The persona fields a client may set, on create (as ``overrides``) or on PATCH."""

    title = serializers.CharField(max_length=255, required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    skills = serializers.JSONField(required=False, help_text="Strings, or groups {name, keywords}.")
    work_history = serializers.ListField(child=serializers.DictField(), required=False)
    sections = serializers.DictField(
        child=serializers.ListField(child=serializers.JSONField()),
        required=False,
        help_text="education, projects, certificates, awards, publications, languages, volunteer…",
    )
    basics = serializers.DictField(required=False, help_text="JSON Resume basics (name, email, …).")


class PFPersonaCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    base_cv_id = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    overrides = PFPersonaFieldsSerializer(required=False)


class PFDeletedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    deleted = serializers.BooleanField()
