"""Resume Optimizer account and API-key bodies."""

from rest_framework import serializers

from accounts.models import User


# --- Resume Optimizer --------------------------------------------------------------------
class OptimizerMeSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "email", "username", "full_name", "subscription_tier", "is_active"]


class ApiKeyResponseSerializer(serializers.Serializer):
    api_key = serializers.CharField(allow_null=True, help_text="The full key: shown only once.")
    prefix = serializers.CharField()
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)
    detail = serializers.CharField()
