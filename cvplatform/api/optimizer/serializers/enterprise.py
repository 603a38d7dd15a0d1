"""Resume Optimizer enterprise configuration and export."""

from rest_framework import serializers


class OptimizerEnterpriseConfigSerializer(serializers.Serializer):
    """Reads an ``EnterpriseConfig``; as input every field is optional (PUT changes those sent)."""

    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    allowed_email_domains = serializers.ListField(
        child=serializers.CharField(max_length=253),
        max_length=50,
        required=False,
        help_text="Only team members on these domains count as the organisation's (empty: all).",
    )
    default_optimization_types = serializers.ListField(
        child=serializers.CharField(max_length=64),
        max_length=10,
        required=False,
        help_text="What a chat optimization_request without a type runs (the first one).",
    )
    data_retention_days = serializers.IntegerField(
        min_value=1,
        max_value=3650,
        allow_null=True,
        required=False,
        help_text="Chat history older than this is deleted (null: kept).",
    )
    owner_email = serializers.EmailField(source="owner.email", read_only=True)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)


class OptimizerExportQuerySerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=["json", "csv"], default="json")


class OptimizerExportRecordSerializer(serializers.Serializer):
    record = serializers.ChoiceField(
        choices=["member", "resume", "optimization", "chat_session", "chat_message"]
    )
    id = serializers.IntegerField()
    member = serializers.EmailField()
    created_at = serializers.DateTimeField()
    title = serializers.CharField()
    kind = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    detail = serializers.CharField()


class OptimizerExportSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    exported_at = serializers.DateTimeField()
    records = OptimizerExportRecordSerializer(many=True)
