"""ResuMate authentication: register and the JWT token pair."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.response import Response

from accounts import services
from cvplatform.api.resumate.serializers.auth import (
    ResuMateRegisterSerializer,
    ResuMateTokenSerializer,
    ResuMateUserSerializer,
)
from cvplatform.api.resumate.surface import ResuMateAPIView
from cvplatform.api.signin import RefreshSerializer, TokenPairSerializer
from cvplatform.api.throttles import SignInThrottle


# --- ResuMate ------------------------------------------------------------------------------------
class ResuMateRegisterView(ResuMateAPIView):
    error_statuses = (409,)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = ResuMateRegisterSerializer

    @extend_schema(responses={201: ResuMateUserSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_register(**data)
        return Response(ResuMateUserSerializer(user).data, status=status.HTTP_201_CREATED)


class ResuMateTokenView(ResuMateAPIView):
    error_statuses = (401, 403)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = ResuMateTokenSerializer

    @extend_schema(responses={200: TokenPairSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_sign_in(
            identifier=data["username"],
            password=data["password"],
        )
        return Response(TokenPairSerializer(services.user_tokens(user=user)).data)


class ResuMateTokenRefreshView(ResuMateAPIView):
    error_statuses = (401,)
    permission_classes = [permissions.AllowAny]
    serializer_class = RefreshSerializer

    @extend_schema(responses={200: TokenPairSerializer})
    def post(self, request):
        data = self.validated()
        return Response(TokenPairSerializer(services.token_refresh(refresh=data["refresh"])).data)
