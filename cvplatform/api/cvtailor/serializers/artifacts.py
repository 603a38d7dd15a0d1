"""CV Tailor artifact bodies: the document's Artifact Structure, labels, evidence links,
files and the processing status, and the inputs of every write."""

from rest_framework import serializers

from artifacts.models import (
    HEX_COLOR,
    Artifact,
    ArtifactFile,
    ArtifactStatus,
    ArtifactType,
    EvidenceLink,
    Label,
    LinkType,
)
from artifacts.selectors import ORDERINGS
from artifacts.services import BULK_ACTIONS
from cvplatform.api.parsers import BoundedJSONField
from resumes.selectors import parse_id


def _name() -> serializers.CharField:
    return serializers.CharField(max_length=100, allow_blank=False, trim_whitespace=True)


class LabelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Label
        fields = ["id", "name", "color", "description"]


class LabelInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    color = serializers.CharField(max_length=7, required=False, validators=[HEX_COLOR])
    description = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=2000)


class EvidenceLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = EvidenceLink
        fields = [
            "id",
            "url",
            "link_type",
            "description",
            "file_path",
            "mime_type",
            "is_accessible",
            "last_validated",
        ]


class EvidenceLinkInputSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    link_type = serializers.ChoiceField(choices=LinkType.choices, required=False)
    description = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=2000)
    file_path = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=500)
    mime_type = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=120)


class ArtifactFileSerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="status_word", read_only=True)

    class Meta:
        model = ArtifactFile
        fields = ["uuid", "name", "size", "mime_type", "kind", "status", "progress", "error", "created_at"]


class ArtifactSerializer(serializers.ModelSerializer):
    """The document's Artifact Structure, plus ``organisation`` and ``files`` (ours)."""

    evidence_links = EvidenceLinkSerializer(many=True, read_only=True)
    labels = LabelSerializer(many=True, read_only=True)
    files = ArtifactFileSerializer(many=True, read_only=True)

    class Meta:
        model = Artifact
        fields = [
            "id",
            "title",
            "description",
            "artifact_type",
            "organisation",
            "start_date",
            "end_date",
            "technologies",
            "collaborators",
            "evidence_links",
            "labels",
            "files",
            "status",
            "extracted_metadata",
            "created_at",
            "updated_at",
        ]


class ArtifactInputSerializer(serializers.Serializer):
    """Create (``title`` required) and PATCH (any subset). ``labels`` are label ids of the
    caller's; ``evidence_links`` may be given when creating."""

    title = serializers.CharField(max_length=255)
    description = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=20000)
    artifact_type = serializers.ChoiceField(choices=ArtifactType.choices, required=False)
    organisation = serializers.CharField(required=False, allow_blank=True, max_length=255)
    start_date = serializers.DateField(required=False, allow_null=True)
    end_date = serializers.DateField(required=False, allow_null=True)
    technologies = serializers.ListField(child=_name(), required=False, max_length=100)
    collaborators = serializers.ListField(child=_name(), required=False, max_length=100)
    labels = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False, max_length=100
    )
    status = serializers.ChoiceField(choices=ArtifactStatus.choices, required=False)
    evidence_links = EvidenceLinkInputSerializer(many=True, required=False)


class BulkUploadEntrySerializer(ArtifactInputSerializer):
    """One artifact of a bulk upload: its fields and the names of its uploaded ``files``."""

    files = serializers.ListField(child=serializers.CharField(max_length=255), required=False, max_length=100)


class FilesUploadSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), help_text="One or more files.")


class BulkUploadSerializer(FilesUploadSerializer):
    metadata = serializers.CharField(
        help_text=(
            "A JSON string: a list of artifacts (the artifact fields, plus `files`: the names of "
            "the uploaded files that belong to it), or one artifact that gets every file."
        )
    )


class BulkUpdateSerializer(serializers.Serializer):
    artifact_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), allow_empty=False, max_length=1000
    )
    action = serializers.ChoiceField(choices=BULK_ACTIONS)
    values = BoundedJSONField(
        required=False,
        help_text=(
            '`{"technologies": [...]}` or `{"labels": [ids]}` (or the list itself); '
            "none for archive/activate."
        ),
    )


class BulkUpdateResultSerializer(serializers.Serializer):
    updated = serializers.IntegerField()
    action = serializers.CharField()
    artifact_ids = serializers.ListField(child=serializers.IntegerField())


class FileErrorSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    error = serializers.CharField()


class ArtifactStatusSerializer(serializers.Serializer):
    artifact_id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["pending", "processing", "completed", "failed"])
    progress = serializers.IntegerField(min_value=0, max_value=100)
    total_files = serializers.IntegerField()
    processed_files = serializers.IntegerField()
    failed_files = serializers.IntegerField()
    files = ArtifactFileSerializer(many=True)
    errors = FileErrorSerializer(many=True)


class SuggestionSerializer(serializers.Serializer):
    name = serializers.CharField()
    source = serializers.ChoiceField(choices=["artifacts", "detected", "vocabulary"])
    category = serializers.CharField()
    count = serializers.IntegerField(help_text="How many of your artifacts list it.")


class ArtifactListQuerySerializer(serializers.Serializer):
    technologies = serializers.CharField(required=False, max_length=2000)
    labels = serializers.CharField(required=False, max_length=2000)
    status = serializers.ChoiceField(choices=ArtifactStatus.choices, required=False)
    artifact_type = serializers.ChoiceField(choices=ArtifactType.choices, required=False)
    start_after = serializers.DateField(required=False)
    end_before = serializers.DateField(required=False)
    search = serializers.CharField(required=False, allow_blank=True, max_length=500)
    ordering = serializers.ChoiceField(choices=list(ORDERINGS), required=False)

    def validate_labels(self, value: str) -> list[int]:
        ids = []
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            pk = parse_id(part)
            if pk is None:
                raise serializers.ValidationError("Comma-separated label ids.")
            ids.append(pk)
        return ids

    def validate_technologies(self, value: str) -> list[str]:
        return [part.strip() for part in value.split(",") if part.strip()][:20]


class SuggestionQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")
    limit = serializers.IntegerField(required=False, min_value=1, max_value=50, default=10)


class ImportCVSerializer(serializers.Serializer):
    cv_id = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    file = serializers.FileField(required=False)

    def validate(self, data):
        if ("cv_id" in data) == ("file" in data):
            raise serializers.ValidationError(
                {"cv_id": ["Send either cv_id (a stored CV of yours) or file (a CV file)."]}
            )
        return data


class ImportCVResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    existing = serializers.IntegerField()
    artifacts = ArtifactSerializer(many=True)
    existing_ids = serializers.ListField(child=serializers.IntegerField())
