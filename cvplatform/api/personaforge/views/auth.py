"""PersonaForge authentication: signup, login, the signed-in user."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.response import Response

from accounts import services
from cvplatform.api.personaforge.serializers.auth import (
    PFLoginSerializer,
    PFSignupSerializer,
    PFTokenSerializer,
    PFUserSerializer,
    PFUserUpdateSerializer,
)
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from cvplatform.api.throttles import SignInThrottle


# --- PersonaForge ------------------------------------------------------------------------------
class PFSignupView(PersonaForgeAPIView):
    error_statuses = (409,)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = PFSignupSerializer

    @extend_schema(responses={200: PFTokenSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_register(
            email=data["email"], password=data["password"], full_name=data.get("name", "")
        )
        return Response(PFTokenSerializer(services.user_tokens(user=user)).data)


class PFLoginView(PersonaForgeAPIView):
    error_statuses = (401, 403)
    permission_classes = [permissions.AllowAny]
    throttle_classes = [SignInThrottle]
    serializer_class = PFLoginSerializer

    @extend_schema(responses={200: PFTokenSerializer})
    def post(self, request):
        data = self.validated()
        user = services.user_sign_in(
            identifier=data["email"],
            password=data["password"],
        )
        return Response(PFTokenSerializer(services.user_tokens(user=user)).data)


class PFMeView(PersonaForgeAPIView):
    serializer_class = PFUserSerializer

    def get(self, request):
        return Response(PFUserSerializer(request.user).data)

    @extend_schema(request=PFUserUpdateSerializer, responses=PFUserSerializer)
    def patch(self, request):
        data = self.validated(serializer_class=PFUserUpdateSerializer, partial=True)
        user = services.user_profile_update(user=request.user, data=data)
        return Response(PFUserSerializer(user).data)
