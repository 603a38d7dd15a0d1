"""Resume Optimizer authentication: register, login, me."""

from rest_framework.response import Response

from cvplatform.api.optimizer.serializers.auth import OptimizerMeSerializer
from cvplatform.api.optimizer.surface import OptimizerAPIView
from cvplatform.api.signin import LoginLogic, RegisterLogic


# --- Resume Optimizer ------------------------------------------------------------------------
class OptimizerRegisterView(RegisterLogic, OptimizerAPIView):
    pass


class OptimizerLoginView(LoginLogic, OptimizerAPIView):
    pass


class OptimizerMeView(OptimizerAPIView):
    serializer_class = OptimizerMeSerializer

    def get(self, request):
        return Response(self.get_serializer(request.user).data)
