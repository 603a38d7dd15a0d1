"""PersonaForge (/pf/): CV uploads and personas."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from resumes.services import PERSONA_SECTIONS


class PFCVUploadInputSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, use_url=False)


class PFCVPreviewSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField()
    work_experience = serializers.ListField(child=serializers.DictField())
    skills = serializers.ListField(child=serializers.CharField())
    education = serializers.ListField(child=serializers.DictField())


class PFCVExtractSerializer(PFCVPreviewSerializer):
    raw_text = serializers.CharField()


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


def _kind(value: Any) -> str:
    return (
        "null" if value is None else {dict: "object", list: "list", str: "string"}.get(type(value), "number")
    )


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "oneOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "level": {"type": "string"},
                        "keywords": {"type": "array", "items": {"type": "string"}},
                    },
                },
            ]
        },
    }
)
class PFSkillsField(serializers.JSONField):
    """Skills as strings, or as groups ``{name, keywords: [string]}`` (JSON Resume skills)."""

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, list):
            raise ValidationError(
                f"skills must be a list of strings or of groups {{name, keywords}}, not a {_kind(data)}."
            )
        for index, item in enumerate(data):
            if isinstance(item, str):
                continue
            where = f"skills[{index}]"
            if not isinstance(item, dict):
                raise ValidationError(
                    f"{where} must be a string or a group {{name, keywords}}, not a {_kind(item)}."
                )
            for key in ("name", "level"):
                if key in item and not isinstance(item[key], str):
                    raise ValidationError(f"{where}.{key} must be a string.")
            if "keywords" in item and not _is_strings(item["keywords"]):
                raise ValidationError(f"{where}.keywords must be a list of strings.")
            if not str(item.get("name", "")).strip() and not any(k.strip() for k in item.get("keywords", [])):
                raise ValidationError(f"{where} needs a name or keywords.")
        return data


# What GET returns in work_history, and the JSON Resume names PersonaForge clients also send.
WORK_TEXT_FIELDS = (
    "title",
    "position",
    "company",
    "name",
    "location",
    "start_date",
    "startDate",
    "end_date",
    "endDate",
    "summary",
    "description",
)


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                **{name: {"type": "string", "nullable": True} for name in WORK_TEXT_FIELDS},
                "highlights": {"type": "array", "items": {"type": "string"}},
            },
            "additionalProperties": False,
        },
    }
)
class PFWorkHistoryField(serializers.JSONField):
    """Jobs as GET returns them: text fields and ``highlights`` (strings); nothing else."""

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, list):
            raise ValidationError(f"work_history must be a list of jobs, not a {_kind(data)}.")
        for index, item in enumerate(data):
            where = f"work_history[{index}]"
            if not isinstance(item, dict):
                raise ValidationError(f"{where} must be an object, not a {_kind(item)}.")
            unknown = sorted(set(item) - {*WORK_TEXT_FIELDS, "highlights"})
            if unknown:
                raise ValidationError(
                    f"{where} has unknown fields {', '.join(unknown)}; "
                    f"known: {', '.join((*WORK_TEXT_FIELDS, 'highlights'))}."
                )
            for key in WORK_TEXT_FIELDS:
                if item.get(key) is not None and not isinstance(item[key], str):
                    raise ValidationError(f"{where}.{key} must be a string, not a {_kind(item[key])}.")
            highlights = item.get("highlights")
            if highlights is not None and not isinstance(highlights, str) and not _is_strings(highlights):
                raise ValidationError(f"{where}.highlights must be a list of strings.")
        return data


@extend_schema_field(
    {
        "type": "object",
        "properties": {name: {"type": "array", "items": {"type": "object"}} for name in PERSONA_SECTIONS},
        "additionalProperties": False,
    }
)
class PFSectionsField(serializers.JSONField):
    """Known section names only, each a list of objects (JSON Resume items)."""

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        if not isinstance(data, dict):
            raise ValidationError(f"sections must be an object of sections, not a {_kind(data)}.")
        known = ", ".join(PERSONA_SECTIONS)
        for name, items in data.items():
            if name not in PERSONA_SECTIONS:
                raise ValidationError(f"sections has an unknown section '{name}'; known sections: {known}.")
            where = f"sections.{name}"
            if not isinstance(items, list):
                raise ValidationError(f"{where} must be a list of objects, not a {_kind(items)}.")
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    raise ValidationError(f"{where}[{index}] must be an object, not a {_kind(item)}.")
        return data


class PFPersonaFieldsSerializer(serializers.Serializer):
    """The persona fields a client may set, on create (as ``overrides``) or on PATCH."""

    title = serializers.CharField(max_length=255, required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    tags = serializers.ListField(child=serializers.CharField(max_length=100), required=False)
    skills = PFSkillsField(required=False, help_text="Strings, or groups {name, keywords}.")
    work_history = PFWorkHistoryField(required=False)
    sections = PFSectionsField(
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
