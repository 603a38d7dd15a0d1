"""CV Tailor authentication: register, login, logout, refresh, profile, passwords, Google."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.response import Response

from accounts import services
from cvplatform.api.cvtailor.serializers.auth import (
    ChangePasswordSerializer,
    GoogleAuthResponseSerializer,
    GoogleCredentialSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    TailorDetailSerializer,
)
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from cvplatform.api.signin import (
    EmptySerializer,
    LoginLogic,
    RefreshSerializer,
    RegisterLogic,
    TokenPairSerializer,
    UserProfileSerializer,
    signed_in,
)
from cvplatform.api.throttles import SignInThrottle
from cvplatform.api.uploads import UploadSizeGuardMixin


# --- CV Tailor ---------------------------------------------------------------------------------
class TailorRegisterView(RegisterLogic, CVTailorAPIView):
    pass


class TailorLoginView(LoginLogic, CVTailorAPIView):
    pass


class TailorLogoutView(CVTailorAPIView):
    """Blacklist the signed-in user's refresh token so it can never be used again."""

    serializer_class = RefreshSerializer

    @extend_schema(responses={200: TailorDetailSerializer})
    def post(self, request):
        data = self.validated()
        services.token_blacklist(refresh=data["refresh"], user=request.user)
        return Response(TailorDetailSerializer("Logged out.").data)


class TailorTokenRefreshView(CVTailorAPIView):
    error_statuses = (401,)
    permission_classes = [permissions.AllowAny]
    serializer_class = RefreshSerializer

    @extend_schema(responses={200: TokenPairSerializer})
    def post(self, request):
        data = self.validated()
        return Response(TokenPairSerializer(services.token_refresh(refresh=data["refresh"])).data)


class TailorProfileView(UploadSizeGuardMixin, CVTailorAPIView):
    serializer_class = UserProfileSerializer

    def get(self, request):
        return Response(self.get_serializer(request.user).data)

    def patch(self, request):
        data = self.validated(instance=request.user, partial=True)
        user = services.user_profile_update(user=request.user, data=data)
        return Response(self.get_serializer(user).data)


class TailorChangePasswordView(CVTailorAPIView):
    serializer_class = ChangePasswordSerializer

    @extend_schema(responses={200: TailorDetailSerializer})
    def post(self, request):
        data = self.validated()
        services.user_change_password(user=request.user, **data)
        return Response(TailorDetailSerializer("Password changed. Sign in again on your other devices.").data)


class TailorPasswordResetView(CVTailorAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = PasswordResetSerializer

    @extend_schema(responses={200: TailorDetailSerializer})
    def post(self, request):
        data = self.validated()
        services.password_reset_request(email=data["email"])
        # The same answer whether or not the account exists: no account enumeration.
        return Response(
            TailorDetailSerializer("If an account uses this email, a reset link was sent to it.").data
        )


class TailorPasswordResetConfirmView(CVTailorAPIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = PasswordResetConfirmSerializer

    @extend_schema(responses={200: TailorDetailSerializer})
    def post(self, request):
        data = self.validated()
        services.password_reset_confirm(**data)
        return Response(
            TailorDetailSerializer("Password has been reset. Sign in with the new password.").data
        )


class TailorGoogleSignInView(CVTailorAPIView):
    error_statuses = (401, 403, 409, 503)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = GoogleCredentialSerializer

    @extend_schema(responses={200: GoogleAuthResponseSerializer})
    def post(self, request):
        data = self.validated()
        user, created = services.user_google_sign_in(credential=data["credential"])
        return Response(GoogleAuthResponseSerializer(signed_in(user, created=created)).data)


class TailorGoogleLinkView(CVTailorAPIView):
    error_statuses = (401, 409, 503)
    serializer_class = GoogleCredentialSerializer

    @extend_schema(responses={200: UserProfileSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_google_link(user=request.user, credential=data["credential"])
        return Response(UserProfileSerializer(user).data)


class TailorGoogleUnlinkView(CVTailorAPIView):
    serializer_class = EmptySerializer

    @extend_schema(request=None, responses={200: UserProfileSerializer})
    def post(self, request):
        user = services.user_google_unlink(user=request.user)
        return Response(UserProfileSerializer(user).data)
