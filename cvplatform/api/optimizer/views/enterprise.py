"""Resume Optimizer enterprise features: the organisation's API key."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from accounts import selectors, services
from accounts.models import SubscriptionTier, User
from cvplatform.api.optimizer.serializers.auth import ApiKeyResponseSerializer, IssuedApiKey
from cvplatform.api.optimizer.surface import OptimizerAPIView
from cvplatform.exceptions import ApplicationError


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

    serializer_class = ApiKeyResponseSerializer

    def get(self, request):
        _require_enterprise(request.user)
        api_key = selectors.api_keys_of(user=request.user).filter(name="enterprise").first()
        plaintext = None
        if api_key is None:
            api_key, plaintext = services.api_key_create(user=request.user, name="enterprise")
        return Response(self.get_serializer(IssuedApiKey(key=api_key, plaintext=plaintext)).data)


class OptimizerApiKeyRegenerateView(OptimizerAPIView):
    serializer_class = ApiKeyResponseSerializer

    @extend_schema(request=None)
    def post(self, request):
        _require_enterprise(request.user)
        api_key, plaintext = services.api_key_regenerate(user=request.user, name="enterprise")
        return Response(self.get_serializer(IssuedApiKey(key=api_key, plaintext=plaintext)).data)
