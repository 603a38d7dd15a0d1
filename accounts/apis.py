"""Sign-in and profile endpoints for every surface.

The logic lives once in a mixin per endpoint; each surface's view combines it with that
surface's base class, which decides authentication and the error body.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.response import Response

from cvplatform.api.cvtailor.surface import CVTailorAPIView
from cvplatform.api.optimizer.surface import OptimizerAPIView
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from cvplatform.api.resumate.surface import ResuMateAPIView
from cvplatform.api.throttles import SignInThrottle
from cvplatform.exceptions import ApplicationError

from . import selectors, serializers, services
from .models import SubscriptionTier, User


def auth_payload(user: User) -> dict:
    """The union of CV Tailor's and Resume Optimizer's sign-in responses."""
    tokens = services.user_tokens(user=user)
    return {
        "access": tokens["access"],
        "refresh": tokens["refresh"],
        "access_token": tokens["access"],
        "token_type": "bearer",
        "user_id": user.pk,
        "subscription_tier": user.subscription_tier,
        "user": serializers.UserProfileSerializer(user).data,
    }


# --- logic, shared by surfaces ---------------------------------------------------------------
class RegisterLogic:
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.RegisterSerializer

    @extend_schema(responses={201: serializers.AuthResponseSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_register(**data)
        return Response(auth_payload(user), status=status.HTTP_201_CREATED)


class LoginLogic:
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.LoginSerializer

    @extend_schema(responses={200: serializers.AuthResponseSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_sign_in(
            identifier=data["identifier"],
            password=data["password"],
        )
        return Response(auth_payload(user))


# --- CV Tailor ---------------------------------------------------------------------------------
class TailorRegisterView(RegisterLogic, CVTailorAPIView):
    pass


class TailorLoginView(LoginLogic, CVTailorAPIView):
    pass


class TailorLogoutView(CVTailorAPIView):
    """Blacklist the refresh token so it can never be used again."""

    permission_classes = [permissions.AllowAny]
    serializer_class = serializers.RefreshSerializer

    @extend_schema(responses={200: serializers.DetailSerializer})
    def post(self, request):
        data = self.validated()
        user = request.user if request.user.is_authenticated else None
        services.token_blacklist(refresh=data["refresh"], user=user)
        return Response({"detail": "Logged out."})


class TailorTokenRefreshView(CVTailorAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = serializers.RefreshSerializer

    @extend_schema(responses={200: serializers.TokenPairSerializer})
    def post(self, request):
        data = self.validated()
        return Response(services.token_refresh(refresh=data["refresh"]))


class TailorProfileView(CVTailorAPIView):
    serializer_class = serializers.UserProfileSerializer

    def get(self, request):
        return Response(self.get_serializer(request.user).data)

    def patch(self, request):
        data = self.validated(instance=request.user, partial=True)
        user = services.user_profile_update(user=request.user, data=data)
        return Response(self.get_serializer(user).data)


class TailorChangePasswordView(CVTailorAPIView):
    serializer_class = serializers.ChangePasswordSerializer

    @extend_schema(responses={200: serializers.DetailSerializer})
    def post(self, request):
        data = self.validated()
        services.user_change_password(user=request.user, **data)
        return Response({"detail": "Password changed. Sign in again on your other devices."})


class TailorPasswordResetView(CVTailorAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.PasswordResetSerializer

    @extend_schema(responses={200: serializers.DetailSerializer})
    def post(self, request):
        data = self.validated()
        services.password_reset_request(email=data["email"])
        # The same answer whether or not the account exists: no account enumeration.
        return Response({"detail": "If an account uses this email, a reset link was sent to it."})


class TailorPasswordResetConfirmView(CVTailorAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.PasswordResetConfirmSerializer

    @extend_schema(responses={200: serializers.DetailSerializer})
    def post(self, request):
        data = self.validated()
        services.password_reset_confirm(**data)
        return Response({"detail": "Password has been reset. Sign in with the new password."})


class TailorGoogleSignInView(CVTailorAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.GoogleCredentialSerializer

    @extend_schema(responses={200: serializers.GoogleAuthResponseSerializer})
    def post(self, request):
        data = self.validated()
        user, created = services.user_google_sign_in(credential=data["credential"])
        return Response({**auth_payload(user), "created": created})


class TailorGoogleLinkView(CVTailorAPIView):
    serializer_class = serializers.GoogleCredentialSerializer

    @extend_schema(responses={200: serializers.UserProfileSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_google_link(user=request.user, credential=data["credential"])
        return Response(serializers.UserProfileSerializer(user).data)


class TailorGoogleUnlinkView(CVTailorAPIView):
    serializer_class = serializers.EmptySerializer

    @extend_schema(request=None, responses={200: serializers.UserProfileSerializer})
    def post(self, request):
        user = services.user_google_unlink(user=request.user)
        return Response(serializers.UserProfileSerializer(user).data)


# --- Resume Optimizer ------------------------------------------------------------------------
class OptimizerRegisterView(RegisterLogic, OptimizerAPIView):
    pass


class OptimizerLoginView(LoginLogic, OptimizerAPIView):
    pass


class OptimizerMeView(OptimizerAPIView):
    serializer_class = serializers.OptimizerMeSerializer

    def get(self, request):
        return Response(self.get_serializer(request.user).data)


def _require_enterprise(user: User) -> None:
    if user.subscription_tier != SubscriptionTier.ENTERPRISE:
        raise ApplicationError(
            "API keys are an enterprise feature; upgrade the subscription to use them.",
            code="enterprise_only",
            status_code=403,
        )


class OptimizerApiKeyView(OptimizerAPIView):
    """The enterprise API key. The full key is shown once: when it is first created here, or
    by ``regenerate``; afterwards only its prefix."""

    serializer_class = serializers.ApiKeyResponseSerializer

    def get(self, request):
        _require_enterprise(request.user)
        api_key = selectors.api_keys_of(user=request.user).filter(name="enterprise").first()
        plaintext = None
        if api_key is None:
            api_key, plaintext = services.api_key_create(user=request.user, name="enterprise")
        return Response(_api_key_body(api_key, plaintext))


class OptimizerApiKeyRegenerateView(OptimizerAPIView):
    serializer_class = serializers.ApiKeyResponseSerializer

    @extend_schema(request=None)
    def post(self, request):
        _require_enterprise(request.user)
        api_key, plaintext = services.api_key_regenerate(user=request.user, name="enterprise")
        return Response(_api_key_body(api_key, plaintext))


def _api_key_body(api_key, plaintext: str | None) -> dict:
    return {
        "api_key": plaintext,
        "prefix": api_key.prefix,
        "created_at": api_key.created_at,
        "last_used_at": api_key.last_used_at,
        "detail": "Store this key now: it will not be shown again."
        if plaintext
        else "The key was shown when it was created; regenerate it to get a new one.",
    }


# --- ResuMate ------------------------------------------------------------------------------------
class ResuMateRegisterView(ResuMateAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.ResuMateRegisterSerializer

    @extend_schema(responses={201: serializers.ResuMateUserSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_register(**data)
        return Response(serializers.ResuMateUserSerializer(user).data, status=status.HTTP_201_CREATED)


class ResuMateTokenView(ResuMateAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.ResuMateTokenSerializer

    @extend_schema(responses={200: serializers.TokenPairSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_sign_in(
            identifier=data["username"],
            password=data["password"],
        )
        return Response(services.user_tokens(user=user))


class ResuMateTokenRefreshView(ResuMateAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = serializers.RefreshSerializer

    @extend_schema(responses={200: serializers.TokenPairSerializer})
    def post(self, request):
        data = self.validated()
        return Response(services.token_refresh(refresh=data["refresh"]))


# --- PersonaForge ------------------------------------------------------------------------------
def _pf_token(user: User) -> dict:
    tokens = services.user_tokens(user=user)
    return {"token": tokens["access"], "refresh": tokens["refresh"]}


class PFSignupView(PersonaForgeAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.PFSignupSerializer

    @extend_schema(responses={200: serializers.PFTokenSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_register(
            email=data["email"], password=data["password"], full_name=data.get("name", "")
        )
        return Response(_pf_token(user))


class PFLoginView(PersonaForgeAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = serializers.PFLoginSerializer

    @extend_schema(responses={200: serializers.PFTokenSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_sign_in(
            identifier=data["email"],
            password=data["password"],
        )
        return Response(_pf_token(user))


class PFMeView(PersonaForgeAPIView):
    serializer_class = serializers.PFUserSerializer

    def get(self, request):
        return Response(serializers.PFUserSerializer(request.user).data)

    @extend_schema(request=serializers.PFUserUpdateSerializer, responses=serializers.PFUserSerializer)
    def patch(self, request):
        data = self.validated(serializer_class=serializers.PFUserUpdateSerializer, partial=True)
        user = services.user_profile_update(user=request.user, data=data)
        return Response(serializers.PFUserSerializer(user).data)


# --- PersonaForge teams ---------------------------------------------------------------------------
class PFTeamMembersView(PersonaForgeAPIView):
    serializer_class = serializers.PFTeamMemberSerializer

    @extend_schema(responses=serializers.PFTeamMemberSerializer(many=True))
    def get(self, request):
        members = selectors.team_members_of(user=request.user).select_related("team")
        return Response(serializers.PFTeamMemberSerializer(members, many=True).data)


class PFTeamPersonasView(PersonaForgeAPIView):
    serializer_class = serializers.PFTeamPersonaSerializer

    @extend_schema(responses=serializers.PFTeamPersonaSerializer(many=True))
    def get(self, request):
        from resumes import selectors as resume_selectors
        from resumes.apis.personaforge import persona_body

        personas = resume_selectors.team_personas_of(user=request.user).select_related("user")
        return Response(
            [
                {
                    **persona_body(persona, full=False),
                    "owner_id": persona.user_id,
                    "owner_name": persona.user.get_full_name() or persona.user.username,
                }
                for persona in personas
            ]
        )


class PFTeamInviteView(PersonaForgeAPIView):
    serializer_class = serializers.PFInviteSerializer

    @extend_schema(responses=serializers.PFInviteResponseSerializer)
    def post(self, request):
        data = self.validated()
        invite = services.team_invite(inviter=request.user, email=data["email"])
        return Response(
            {"id": invite.pk, "email": invite.email, "team_id": invite.team_id, "status": "pending"}
        )


class PFTeamInviteAcceptView(PersonaForgeAPIView):
    serializer_class = serializers.PFInviteAcceptSerializer

    @extend_schema(responses=serializers.PFUserSerializer)
    def post(self, request):
        data = self.validated()
        services.team_invite_accept(user=request.user, token=data["token"])
        return Response(serializers.PFUserSerializer(request.user).data)
