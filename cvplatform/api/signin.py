"""Registration and sign-in shared by CV Tailor and Resume Optimizer (one view logic, both
spellings of /api/v1/auth/register and /login; see ../shared/API-CONTRACTS.md), and the
account serializers whose union bodies both surfaces answer."""

from typing import NamedTuple

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response

from accounts import services
from accounts.models import User
from cvplatform.api.throttles import SignInThrottle

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


class SignIn(NamedTuple):
    """A signed-in user and the token pair issued to them (``created``: a new account)."""

    user: User
    tokens: dict[str, str]
    created: bool = False


def signed_in(user: User, *, created: bool = False) -> SignIn:
    """Issue the user's token pair: what every sign-in answer reads."""
    return SignIn(user=user, tokens=services.user_tokens(user=user), created=created)


# Reads a ``SignIn``: the union of CV Tailor's and Resume Optimizer's sign-in responses. The
# views build it without a request, so the nested profile's image stays a relative path, as
# sign-in has always answered it.
class AuthResponseSerializer(serializers.Serializer):
    access = serializers.CharField(source="tokens.access")
    refresh = serializers.CharField(source="tokens.refresh")
    access_token = serializers.CharField(source="tokens.access")
    token_type = serializers.SerializerMethodField()
    user_id = serializers.IntegerField(source="user.pk")
    subscription_tier = serializers.CharField(source="user.subscription_tier")
    user = UserProfileSerializer()

    def get_token_type(self, signin: SignIn) -> str:
        return "bearer"


class RefreshSerializer(serializers.Serializer):
    refresh = serializers.CharField()


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


# --- logic, shared by surfaces ---------------------------------------------------------------
class RegisterLogic:
    error_statuses = (409,)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = RegisterSerializer

    @extend_schema(responses={201: AuthResponseSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_register(**data)
        return Response(AuthResponseSerializer(signed_in(user)).data, status=status.HTTP_201_CREATED)


class LoginLogic:
    error_statuses = (401, 403)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = LoginSerializer

    @extend_schema(responses={200: AuthResponseSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_sign_in(
            identifier=data["identifier"],
            password=data["password"],
        )
        return Response(AuthResponseSerializer(signed_in(user)).data)
