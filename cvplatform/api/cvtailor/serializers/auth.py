"""CV Tailor authentication bodies: passwords and Google sign-in."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from cvplatform.api.signin import AuthResponseSerializer


class ChangePasswordSerializer(serializers.Serializer):
    current_password = serializers.CharField(write_only=True, required=False)
    old_password = serializers.CharField(write_only=True, required=False)
    new_password = serializers.CharField(write_only=True)
    new_password_confirm = serializers.CharField(write_only=True, required=False)

    def validate(self, attrs):
        current = attrs.get("current_password") or attrs.get("old_password")
        if not current:
            raise serializers.ValidationError({"current_password": ["This field is required."]})
        confirm = attrs.get("new_password_confirm")
        if confirm is not None and confirm != attrs["new_password"]:
            raise serializers.ValidationError({"new_password_confirm": ["Passwords do not match."]})
        return {"current_password": current, "new_password": attrs["new_password"]}


class PasswordResetSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField()
    token = serializers.CharField()
    new_password = serializers.CharField(write_only=True)
    new_password_confirm = serializers.CharField(write_only=True, required=False)

    def validate(self, attrs):
        confirm = attrs.pop("new_password_confirm", None)
        if confirm is not None and confirm != attrs["new_password"]:
            raise serializers.ValidationError({"new_password_confirm": ["Passwords do not match."]})
        return attrs


class GoogleCredentialSerializer(serializers.Serializer):
    credential = serializers.CharField()


class GoogleAuthResponseSerializer(AuthResponseSerializer):
    created = serializers.BooleanField()


# The component keeps the name of the ``{detail}`` shape CV Tailor documented before.
@extend_schema_serializer(component_name="Detail")
class TailorDetailSerializer(serializers.Serializer):
    # Serializes the sentence (the instance itself) that confirms what an action did.
    detail = serializers.CharField(source="*")
