"""Resume Optimizer: ``POST /resumes/optimize`` and the catalogue of optimisation types."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.optimizer.serializers import optimize as s
from cvplatform.api.optimizer.surface import OptimizerAPIView
from generation import services
from resumes.analysis.optimise import CATALOGUE

TAGS = ["Resume Optimizer: optimization"]


class OptimizerOptimizeView(OptimizerAPIView):
    serializer_class = s.OptimizerOptimizeInputSerializer

    @extend_schema(tags=TAGS, responses=s.OptimizerOptimizationSerializer)
    def post(self, request):
        """Run one optimisation type on one of your resumes (counts against your monthly allowance:
        free 3, pro 1000, enterprise unlimited; 429 past it)."""
        optimization = services.optimization_run(user=request.user, **self.validated())
        return Response(s.OptimizerOptimizationSerializer(optimization, context={"request": request}).data)


class OptimizerOptimizationTypesView(OptimizerAPIView):
    serializer_class = s.OptimizerOptimizationTypeSerializer

    @extend_schema(tags=TAGS, responses=s.OptimizerOptimizationTypeSerializer(many=True))
    def get(self, request):
        """The optimisation types ``optimize`` accepts (by name or slug)."""
        return Response(self.get_serializer(CATALOGUE, many=True).data)
