"""CV Genius (``../shared/seeds/000_3e92d069351e0bdc.txt``), base URL /api: the CV, Pack and
Users endpoints of the document, in the document's order."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .views import analysis, billing, cvs, latex

app_name = "cvgenius"

_pack = SimpleRouter()
_pack.register("jobs", billing.PackJobViewSet, basename="pack-job")
_pack.register("plans", billing.PackPlanViewSet, basename="pack-plan")
_users = SimpleRouter()
_users.register("client-plans", billing.ClientPlanViewSet, basename="client-plan")
_users.register("clients", billing.AgencyClientViewSet, basename="agency-client")
_users.register("cvs", cvs.CVGeniusSavedCVViewSet, basename="saved-cv")

urlpatterns = [
    # CV endpoints
    path("cv/analyze-cv-file/", cvs.CVGeniusAnalyzeFileView.as_view(), name="cvgenius-analyze-cv-file"),
    path("cv/analyze-cv/", analysis.CVGeniusAnalyzeTextView.as_view(), name="cvgenius-analyze-cv"),
    # Our addition: the model-written part of an analysis, which analyze-cv links to.
    path(
        "cv/analyze-cv/<int:job_id>/",
        analysis.CVGeniusAnalysisEnrichmentView.as_view(),
        name="cvgenius-analyze-cv-enrichment",
    ),
    path(
        "cv/extract-cv-data-from-file/",
        cvs.CVGeniusExtractFileView.as_view(),
        name="cvgenius-extract-cv-data-from-file",
    ),
    path("cv/extract-cv-data/", cvs.CVGeniusExtractTextView.as_view(), name="cvgenius-extract-cv-data"),
    path("cv/generate-latex-cv/", latex.GenerateLatexView.as_view(), name="generate-latex-cv"),
    path("cv/latex-to-pdf/", latex.LatexToPdfView.as_view(), name="latex-to-pdf"),
    path("cv/latex-to-word/", latex.LatexToWordView.as_view(), name="latex-to-word"),
    path("cv/score-cv/", analysis.CVGeniusScoreView.as_view(), name="cvgenius-score-cv"),
    # Pack endpoints
    path("pack/", include(_pack.urls)),
    # Users endpoints
    path("users/", include(_users.urls)),
]
