"""Resume Optimizer account and API-key bodies."""

from typing import NamedTuple

from rest_framework import serializers

from accounts.models import ApiKey, User


# --- Resume Optimizer --------------------------------------------------------------------
class OptimizerMeSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="get_full_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "email", "username", "full_name", "subscription_tier", "is_active"]


class IssuedApiKey(NamedTuple):
    """An API key row, and its plaintext when it was made just now (else None)."""

    key: ApiKey
    plaintext: str | None


# Reads an ``IssuedApiKey``.
class ApiKeyResponseSerializer(serializers.Serializer):
    api_key = serializers.CharField(
        source="plaintext", allow_null=True, help_text="The full key: shown only once."
    )
    prefix = serializers.CharField(source="key.prefix")
    created_at = serializers.DateTimeField(source="key.created_at")
    last_used_at = serializers.DateTimeField(source="key.last_used_at", allow_null=True)
    detail = serializers.SerializerMethodField()

    def get_detail(self, issued: IssuedApiKey) -> str:
        if issued.plaintext:
            return "Store this key now: it will not be shown again."
        return "The key was shown when it was created; regenerate it to get a new one."
