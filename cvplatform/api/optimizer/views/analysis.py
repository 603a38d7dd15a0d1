"""Resume Optimizer scoring of a stored resume."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.optimizer.serializers.analysis import (
    OptimizerScoreInputSerializer,
    OptimizerScoreSerializer,
)
from cvplatform.api.optimizer.surface import OptimizerAPIView
from resumes.analysis.files import cv_document_analysis

OPTIMIZER_TAGS = ["Resume Optimizer: scoring"]


class OptimizerResumeScoreView(OptimizerAPIView):
    serializer_class = OptimizerScoreInputSerializer

    @extend_schema(
        tags=OPTIMIZER_TAGS, responses=OptimizerScoreSerializer, operation_id="optimizer_resume_score"
    )
    def post(self, request, resume_id):
        """ATS compatibility of one of your resumes, against a job description when given."""
        analysis = cv_document_analysis(
            user=request.user, cv_id=resume_id, job_text=self.validated().get("job_description")
        )
        return Response(OptimizerScoreSerializer(analysis, context={"request": request}).data)
