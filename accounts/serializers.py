from rest_framework import serializers

from .models import User

_NULLABLE_TEXT = ("phone", "linkedin_url", "github_url", "website_url", "bio", "location")


def validate_cv_template_id(value: int | None) -> int | None:
    """A preferred template must be one of the CV templates we can render."""
    from exports.selectors import template_list

    if value is not None and not template_list(kind="cv").filter(pk=value).exists():
        raise serializers.ValidationError(f"There is no CV template with id {value}.")
    return value


class EmptySerializer(serializers.Serializer):
    """For actions that take no body."""


class UserProfileSerializer(serializers.ModelSerializer):
    """CV Tailor's user profile. Only profile fields are writable: tier, staff flags and ids
    are not fields here, so a PATCH naming them changes nothing."""

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "username",
            "first_name",
            "last_name",
            "profile_image",
            "phone",
            "linkedin_url",
            "github_url",
            "website_url",
            "bio",
            "location",
            "preferred_cv_template",
            "email_notifications",
            "subscription_tier",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "username", "subscription_tier", "created_at", "updated_at"]
        extra_kwargs = {field: {"allow_null": True, "required": False} for field in _NULLABLE_TEXT}

    def validate_preferred_cv_template(self, value):
        return validate_cv_template_id(value)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for field in _NULLABLE_TEXT:
            if data.get(field) == "":
                data[field] = None
        return data

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        return {
            key: ("" if key in _NULLABLE_TEXT and value is None else value) for key, value in values.items()
        }


class RegisterSerializer(serializers.Serializer):
    """The union of CV Tailor's and Resume Optimizer's register bodies."""

    email = serializers.EmailField()
    username = serializers.RegexField(r"^[\w.@+-]+$", max_length=150, required=False, allow_blank=True)
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    password_confirm = serializers.CharField(write_only=True, required=False)
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    full_name = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def validate(self, attrs):
        confirm = attrs.pop("password_confirm", None)
        if confirm is not None and confirm != attrs["password"]:
            raise serializers.ValidationError({"password_confirm": ["Passwords do not match."]})
        return attrs


class LoginSerializer(serializers.Serializer):
    """Sign in with ``email`` or ``username`` (either may carry either)."""

    email = serializers.CharField(required=False, allow_blank=True)
    username = serializers.CharField(required=False, allow_blank=True)
    password = serializers.CharField(write_only=True, style={"input_type": "password"})

    def validate(self, attrs):
        identifier = (attrs.get("email") or attrs.get("username") or "").strip()
        if not identifier:
            raise serializers.ValidationError({"email": ["Give your email or your username."]})
        attrs["identifier"] = identifier
        return attrs


class AuthResponseSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
    access_token = serializers.CharField()
    token_type = serializers.CharField()
    user_id = serializers.IntegerField()
    subscription_tier = serializers.CharField()
    user = UserProfileSerializer()


class RefreshSerializer(serializers.Serializer):
    refresh = serializers.CharField()


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


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


# --- ResuMate ----------------------------------------------------------------------------
class ResuMateRegisterSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]+$", max_length=150)
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    password2 = serializers.CharField(write_only=True, style={"input_type": "password"})

    def validate(self, attrs):
        if attrs["password"] != attrs.pop("password2"):
            raise serializers.ValidationError({"password": ["Password fields didn't match."]})
        return attrs


class ResuMateUserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email"]


class ResuMateTokenSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})


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


# --- PersonaForge ------------------------------------------------------------------------
class PFSignupSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    name = serializers.CharField(max_length=300, required=False, allow_blank=True)


class PFLoginSerializer(serializers.Serializer):
    email = serializers.CharField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})


class PFTokenSerializer(serializers.Serializer):
    token = serializers.CharField()
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


class PFInviteSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PFInviteResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    team_id = serializers.IntegerField()
    status = serializers.CharField()


class PFInviteAcceptSerializer(serializers.Serializer):
    token = serializers.CharField()


class PFTeamMemberSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="get_full_name", read_only=True)
    plan = serializers.CharField(source="subscription_tier", read_only=True)
    is_owner = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "name", "email", "plan", "is_owner"]

    def get_is_owner(self, user: User) -> bool:
        return user.team is not None and user.team.owner_id == user.pk


class PFTeamPersonaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())
    owner_id = serializers.IntegerField()
    owner_name = serializers.CharField()
