"""PersonaForge authentication and user bodies."""

from rest_framework import serializers

from accounts.models import User
from cvplatform.api.signin import validate_cv_template_id


# --- PersonaForge ------------------------------------------------------------------------
class PFSignupSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    name = serializers.CharField(max_length=300, required=False, allow_blank=True)


class PFLoginSerializer(serializers.Serializer):
    email = serializers.CharField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})


class PFTokenSerializer(serializers.Serializer):
    # Reads the token pair ``user_tokens`` mints; PersonaForge calls the access token "token".
    token = serializers.CharField(source="access")
    refresh = serializers.CharField()


class PFUserSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="get_full_name", read_only=True)
    plan = serializers.CharField(source="subscription_tier", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name", "email", "plan", "team_id"]
        read_only_fields = ["id", "team_id"]


class PFUserUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=300, required=False, allow_blank=True)
    email = serializers.EmailField(required=False)
    email_notifications = serializers.BooleanField(required=False)
    preferred_cv_template = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**31 - 1,
        validators=[validate_cv_template_id],
    )
