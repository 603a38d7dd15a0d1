"""Resume Optimizer: ``POST /resumes/optimize`` and the catalogue of optimisation types."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.optimizer.serializers import optimize as s
from cvplatform.api.optimizer.surface import OptimizerAPIView
from generation import selectors, services
from generation.models import Optimization
from resumes.analysis.optimise import CATALOGUE

TAGS = ["Resume Optimizer: optimization"]


def optimization_body(optimization: Optimization) -> dict:
    result = optimization.result
    return {
        "id": optimization.pk,
        "resume_id": optimization.document_id,
        "optimization_type": optimization.optimization_type,
        "job_title": optimization.job_title,
        "suggestions": result.get("suggestions", []),
        "rewritten": result.get("rewritten", {}),
        "changes": result.get("changes", []),
        "keyword_match": result.get("keyword_match"),
        "score_before": optimization.score_before,
        "score_after": optimization.score_after,
        "optimized_cv": result.get("optimized_cv", {}),
        "optimizations_this_month": selectors.optimizations_this_month(user=optimization.user),
        "optimizations_limit": selectors.optimization_limit(user=optimization.user),
        "created_at": optimization.created_at,
    }


class OptimizerOptimizeView(OptimizerAPIView):
    serializer_class = s.OptimizerOptimizeInputSerializer

    @extend_schema(tags=TAGS, responses=s.OptimizerOptimizationSerializer)
    def post(self, request):
        """Run one optimisation type on one of your resumes (counts against your monthly allowance:
        free 3, pro 1000, enterprise unlimited; 429 past it)."""
        optimization = services.optimization_run(user=request.user, **self.validated())
        return Response(s.OptimizerOptimizationSerializer(optimization_body(optimization)).data)


class OptimizerOptimizationTypesView(OptimizerAPIView):
    serializer_class = s.OptimizerOptimizationTypeSerializer

    @extend_schema(tags=TAGS, responses=s.OptimizerOptimizationTypeSerializer(many=True))
    def get(self, request):
        """The optimisation types ``optimize`` accepts (by name or slug)."""
        return Response(self.get_serializer(CATALOGUE, many=True).data)
