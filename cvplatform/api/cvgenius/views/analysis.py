from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.analysis import (
    AnalysisCVTextSerializer,
    AnalysisEnrichmentSerializer,
    AnalysisReviewInputSerializer,
)
from cvplatform.api.cvgenius.serializers.analysis import CVGeniusAnalysisSerializer, CVGeniusScoreSerializer
from cvplatform.api.cvgenius.surface import CVGeniusAPIView
from generation import selectors as generation_selectors
from generation import services as generation_services
from resumes.analysis import analyse_cv
from resumes.analysis.files import cv_from_text

CVGENIUS_TAGS = ["CV Genius: CV analysis"]


def cv_text_analysis(*, cv_text: str, job_description: str = ""):
    return analyse_cv(cv_from_text(cv_text), job_text=job_description or None)


def enrichment_status(job) -> str:
    return {"SUCCESS": "completed", "FAILURE": "failed"}.get(job.status, "processing")


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
            "ai_enrichment": enrichment
            and {
                "id": enrichment.pk,
                "status": enrichment_status(enrichment),
                "url": reverse("cvgenius:cvgenius-analyze-cv-enrichment", args=[enrichment.pk]),
            },
        }
        return Response(CVGeniusAnalysisSerializer(body).data)


class CVGeniusAnalysisEnrichmentView(CVGeniusAPIView):
    serializer_class = AnalysisEnrichmentSerializer

    @extend_schema(tags=CVGENIUS_TAGS)
    def get(self, request, job_id):
        """The AI model's wording of an analysis, once its job finished; the scores are the
        deterministic ones the analysis answered with."""
        job = generation_selectors.analysis_enrichment_get(user=request.user, job_id=job_id)
        body = {
            "id": job.pk,
            "status": enrichment_status(job),
            "score": job.overall_score,
            "scores": job.scores,
            "model": job.model_label,
            "strengths": job.result.get("strengths", []),
            "issues": job.result.get("issues", []),
            "suggestions": job.result.get("suggestions", []),
            "error": job.error,
        }
        return Response(self.get_serializer(body).data)


class CVGeniusScoreView(CVGeniusAPIView):
    serializer_class = AnalysisCVTextSerializer

    @extend_schema(tags=CVGENIUS_TAGS, responses=CVGeniusScoreSerializer)
    def post(self, request):
        """A score out of 100 with its breakdown; keyword match is against the CV's own target
        role (or a ``job_description`` if given), or left out and said so."""
        analysis = cv_text_analysis(**self.validated())
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
        return Response(CVGeniusScoreSerializer(body).data)
