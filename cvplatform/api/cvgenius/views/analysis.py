from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.analysis import (
    AnalysisCVTextSerializer,
    AnalysisEnrichmentSerializer,
    AnalysisReviewInputSerializer,
)
from cvplatform.api.cvgenius.serializers.analysis import (
    CVGeniusAnalysisSerializer,
    CVGeniusScoreSerializer,
    CVReview,
)
from cvplatform.api.cvgenius.surface import CVGeniusAPIView
from generation import selectors as generation_selectors
from generation import services as generation_services
from resumes.analysis import analyse_cv
from resumes.analysis.files import cv_from_text

CVGENIUS_TAGS = ["CV Genius: CV analysis"]


def cv_text_analysis(*, cv_text: str, job_description: str = ""):
    return analyse_cv(cv_from_text(cv_text), job_text=job_description or None)


class CVGeniusAnalyzeTextView(CVGeniusAPIView):
    serializer_class = AnalysisReviewInputSerializer

    @extend_schema(tags=CVGENIUS_TAGS, responses=CVGeniusAnalysisSerializer)
    def post(self, request):
        """Structured feedback: strengths, issues, suggestions per section, and the scores behind them."""
        data = self.validated()
        cv = cv_from_text(data["cv_text"])
        analysis = analyse_cv(cv, job_text=data.get("job_description") or None)
        enrichment = None
        if data["enrich"] and data["cv_text"].strip():
            enrichment = generation_services.analysis_enrichment_start(
                user=request.user,
                cv=cv.model_dump(mode="json"),
                job_description=data.get("job_description", ""),
                scores=analysis.scores,
                overall_score=analysis.overall_score,
            )
        review = CVReview(analysis=analysis, ai_enrichment=enrichment)
        return Response(CVGeniusAnalysisSerializer(review, context={"request": request}).data)


class CVGeniusAnalysisEnrichmentView(CVGeniusAPIView):
    serializer_class = AnalysisEnrichmentSerializer

    @extend_schema(tags=CVGENIUS_TAGS)
    def get(self, request, job_id):
        """The AI model's wording of an analysis, once its job finished; the scores are the
        deterministic ones the analysis answered with."""
        job = generation_selectors.analysis_enrichment_get(user=request.user, job_id=job_id)
        return Response(self.get_serializer(job).data)


class CVGeniusScoreView(CVGeniusAPIView):
    serializer_class = AnalysisCVTextSerializer

    @extend_schema(tags=CVGENIUS_TAGS, responses=CVGeniusScoreSerializer)
    def post(self, request):
        """A score out of 100 with its breakdown; keyword match is against the CV's own target
        role (or a ``job_description`` if given), or left out and said so."""
        analysis = cv_text_analysis(**self.validated())
        return Response(CVGeniusScoreSerializer(analysis, context={"request": request}).data)
