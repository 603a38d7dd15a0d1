"""PersonaForge (/pf/): CV uploads and personas."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from cvplatform.api.parsers import BoundedJSONField
from cvplatform.api.personaforge.mappings import structured_to_personaforge_cv, work_to_personaforge
from resumes import selectors
from resumes.models import CVDocument, Persona
from resumes.schema import StructuredCV
from resumes.services import PERSONA_SECTIONS


class PFCVUploadInputSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True, use_url=False)


class PFWorkSerializer(serializers.Serializer):
    # The shape of ``mappings.work_to_personaforge``.
    title = serializers.CharField()
    company = serializers.CharField()
    location = serializers.CharField()
    start_date = serializers.CharField()
    end_date = serializers.CharField()
    summary = serializers.CharField()
    highlights = serializers.ListField(child=serializers.CharField())


class PFEducationSerializer(serializers.Serializer):
    # The shape of ``mappings.education_to_personaforge``.
    degree = serializers.CharField()
    area = serializers.CharField()
    institution = serializers.CharField()
    start_date = serializers.CharField()
    end_date = serializers.CharField()


class PFCVPreviewSerializer(serializers.Serializer):
    # Serializes a StructuredCV.
    name = serializers.CharField()
    email = serializers.CharField()
    work_experience = PFWorkSerializer(many=True)
    skills = serializers.ListField(child=serializers.CharField())
    education = PFEducationSerializer(many=True)

    def to_representation(self, cv: StructuredCV):
        # The surface's mapping is the one copy of PersonaForge's CV shape; the fields above
        # keep what each serializer answers of it (the preview leaves out ``raw_text``).
        return super().to_representation(structured_to_personaforge_cv(cv))


class PFCVExtractSerializer(PFCVPreviewSerializer):
    raw_text = serializers.CharField()


class PFCVUploadOutputSerializer(serializers.Serializer):
    cv_id = serializers.IntegerField(source="pk")
    status = serializers.CharField(source="status_word", help_text="processing, parsed or failed")
    extracted_data = serializers.SerializerMethodField()

    @extend_schema_field(PFCVPreviewSerializer(allow_null=True))
    def get_extracted_data(self, document: CVDocument) -> dict | None:
        if document.status_word != "parsed":
            return None
        return PFCVPreviewSerializer(selectors.cv_document_structured(document=document)).data


class PFCVDocumentSerializer(serializers.Serializer):
    # Serializes a CVDocument: the fields of ``GET /cv/{id}`` that are the document's own.
    id = serializers.IntegerField()
    status = serializers.CharField(source="status_word", help_text="processing, parsed or failed")
    error = serializers.CharField()
    filename = serializers.CharField(source="original_filename")
    file_url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_file_url(self, document: CVDocument) -> str:
        request = self.context["request"]
        return selectors.stored_file_url(
            file=document.file, request=request, kind="cv", pk=document.pk, user_id=request.user.pk
        )


class PFCVDetailSerializer(PFCVExtractSerializer, PFCVDocumentSerializer):
    # PersonaForge answers a CVDocument as its extracted data (read from its StructuredCV) and
    # the document's own fields side by side in one object: the bases declare both for the
    # schema, and each serializes its own part.
    def to_representation(self, document: CVDocument):
        cv = selectors.cv_document_structured(document=document)
        return {
            **PFCVExtractSerializer(cv, context=self.context).data,
            **PFCVDocumentSerializer(document, context=self.context).data,
        }


class PFCVListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    filename = serializers.CharField(source="original_filename")
    status = serializers.CharField(source="status_word")
    created_at = serializers.DateTimeField()


class PFPersonaListItemSerializer(serializers.Serializer):
    # Serializes a Persona: its row's fields, and the rest read from its StructuredCV.
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.SerializerMethodField()
    tags = serializers.ListField(child=serializers.CharField())

    def persona_cv(self, persona: Persona) -> StructuredCV:
        # Several fields read the persona's StructuredCV: validate it once per persona (a
        # list serializes its personas one after the other, so the last one is enough).
        if getattr(self, "_cv_of", None) is not persona:
            self._cv_of, self._cv = persona, selectors.persona_cv(persona=persona)
        return self._cv

    def get_summary(self, persona: Persona) -> str:
        return self.persona_cv(persona).basics.summary


class PFPersonaSerializer(PFPersonaListItemSerializer):
    base_cv_id = serializers.IntegerField(allow_null=True)
    sections = serializers.SerializerMethodField()
    skills = serializers.SerializerMethodField()
    skill_groups = serializers.SerializerMethodField()
    work_history = serializers.SerializerMethodField()
    basics = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    @extend_schema_field(serializers.DictField(child=serializers.ListField(child=BoundedJSONField())))
    def get_sections(self, persona: Persona) -> dict[str, list]:
        data = self.persona_cv(persona).model_dump(mode="json", include=set(PERSONA_SECTIONS))
        return {name: data[name] for name in PERSONA_SECTIONS}

    def get_skills(self, persona: Persona) -> list[str]:
        return self.persona_cv(persona).skill_names()

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_skill_groups(self, persona: Persona) -> list[dict]:
        return [group.model_dump(mode="json") for group in self.persona_cv(persona).skills]

    @extend_schema_field(PFWorkSerializer(many=True))
    def get_work_history(self, persona: Persona) -> list[dict]:
        return [work_to_personaforge(job) for job in self.persona_cv(persona).work]

    @extend_schema_field(serializers.DictField())
    def get_basics(self, persona: Persona) -> dict:
        return self.persona_cv(persona).basics.model_dump(mode="json")


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
class PFSkillsField(BoundedJSONField):
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
class PFWorkHistoryField(BoundedJSONField):
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
class PFSectionsField(BoundedJSONField):
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
    # Serializes the Persona about to be deleted (the delete clears its id).
    id = serializers.IntegerField()
    deleted = serializers.SerializerMethodField()

    def get_deleted(self, persona: Persona) -> bool:
        return True
