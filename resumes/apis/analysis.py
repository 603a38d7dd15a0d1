"""Analysis endpoints: CV Genius ``analyze-cv/`` and ``score-cv/``, Resume Optimizer ``score``.

The builtin engine answers inline (it takes milliseconds); scores are deterministic.
"""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.cvgenius import CVGeniusAPIView
from cvplatform.api.optimizer import OptimizerAPIView
from resumes.analysis import analyse_cv
from resumes.analysis.files import cv_document_analysis, cv_from_text
from resumes.serializers import analysis as s

CVGENIUS_TAGS = ["CV Genius: CV analysis"]
OPTIMIZER_TAGS = ["Resume Optimizer: scoring"]


def cv_text_analysis(*, cv_text: str, job_description: str = ""):
    return analyse_cv(cv_from_text(cv_text), job_text=job_description or None)


class CVGeniusAnalyzeTextView(CVGeniusAPIView):
    serializer_class = s.AnalysisCVTextSerializer

    @extend_schema(tags=CVGENIUS_TAGS, responses=s.CVGeniusAnalysisSerializer)
    def post(self, request):
        """Structured feedback: strengths, issues, suggestions per section, and the scores behind them."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = cv_text_analysis(**serializer.validated_data)
        data = analysis.as_dict()
        body = {
            "score": analysis.overall_score,
            "strengths": analysis.strengths,
            "issues": analysis.issues,
            "suggestions": analysis.recommendations,
            **{key: data[key] for key in ("sections", "scores", "weights", "reasons", "findings")},
            **{key: data[key] for key in ("keyword_match", "keyword_note", "industry", "experience_level")},
            "years_of_experience": analysis.years_of_experience,
            "target_role": analysis.target_role,
        }
        return Response(s.CVGeniusAnalysisSerializer(body).data)


class CVGeniusScoreView(CVGeniusAPIView):
    serializer_class = s.AnalysisCVTextSerializer

    @extend_schema(tags=CVGENIUS_TAGS, responses=s.CVGeniusScoreSerializer)
    def post(self, request):
        """A score out of 100 with its breakdown; keyword match is against the CV's own target
        role (or a ``job_description`` if given), or left out and said so."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = cv_text_analysis(**serializer.validated_data)
        body = {
            "score": analysis.overall_score,
            "breakdown": analysis.scores,
            "weights": analysis.weights,
            "reasons": analysis.reasons,
            "keyword_note": analysis.keyword_note,
            "keyword_against": analysis.keyword.against if analysis.keyword else None,
            "issues": analysis.issues,
            "recommendations": analysis.recommendations,
        }
        return Response(s.CVGeniusScoreSerializer(body).data)


class OptimizerResumeScoreView(OptimizerAPIView):
    serializer_class = s.OptimizerScoreInputSerializer

    @extend_schema(
        tags=OPTIMIZER_TAGS, responses=s.OptimizerScoreSerializer, operation_id="optimizer_resume_score"
    )
    def post(self, request, resume_id):
        """ATS compatibility of one of your resumes, against a job description when given."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = cv_document_analysis(
            user=request.user, cv_id=resume_id, job_text=serializer.validated_data.get("job_description")
        )
        return Response(s.OptimizerScoreSerializer(analysis.as_score_dict()).data)
