"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from cvplatform.api.cvgenius.views import cvs as cvgenius
from cvplatform.api.cvgenius.views.analysis import (
    CVGeniusAnalysisEnrichmentView,
    CVGeniusAnalyzeTextView,
    CVGeniusScoreView,
)
from cvplatform.api.optimizer.views import resumes as optimizer_apis
from cvplatform.api.optimizer.views.analysis import OptimizerResumeScoreView
from cvplatform.api.personaforge.views import cvs as pf
from cvplatform.api.resumate.views import resumes as resumate_apis

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = []

# Resume Optimizer (/api/v1, no trailing slashes; the list is documented as "resumes/")
optimizer: list = [
    path(
        "resumes/upload", optimizer_apis.OptimizerResumeUploadView.as_view(), name="optimizer-resume-upload"
    ),
    path("resumes", optimizer_apis.OptimizerResumeListView.as_view(), name="optimizer-resume-list"),
    path(
        "resumes/", optimizer_apis.OptimizerResumeListSlashView.as_view(), name="optimizer-resume-list-slash"
    ),
    path(
        "resumes/<int:resume_id>",
        optimizer_apis.OptimizerResumeDetailView.as_view(),
        name="optimizer-resume-detail",
    ),
]

# ResuMate (/api/, trailing slashes)
_resumate_router = SimpleRouter()
_resumate_router.register("resumes", resumate_apis.ResuMateResumeViewSet, basename="resumate-resume")
resumate: list = _resumate_router.urls

# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = [
    path("analyze-cv-file/", cvgenius.CVGeniusAnalyzeFileView.as_view(), name="cvgenius-analyze-cv-file"),
    path(
        "extract-cv-data-from-file/",
        cvgenius.CVGeniusExtractFileView.as_view(),
        name="cvgenius-extract-cv-data-from-file",
    ),
    path("extract-cv-data/", cvgenius.CVGeniusExtractTextView.as_view(), name="cvgenius-extract-cv-data"),
]
cvgenius_pack: list = []
_cvgenius_users_router = SimpleRouter()
_cvgenius_users_router.register("cvs", cvgenius.CVGeniusSavedCVViewSet, basename="saved-cv")
cvgenius_users: list = _cvgenius_users_router.urls

# PersonaForge (/pf/, no trailing slashes; a trailing slash is accepted too)
personaforge: list = [
    re_path(r"^cv/upload/?$", pf.PFCVUploadView.as_view(), name="pf-cv-upload"),
    re_path(r"^cv/list/?$", pf.PFCVListView.as_view(), name="pf-cv-list"),
    re_path(r"^cv/(?P<cv_id>[^/]+)/file/?$", pf.PFCVFileView.as_view(), name="pf-cv-file"),
    re_path(r"^cv/(?P<cv_id>[^/]+)/?$", pf.PFCVDetailView.as_view(), name="pf-cv-detail"),
    re_path(r"^personas/?$", pf.PFPersonaListView.as_view(), name="pf-persona-list"),
    re_path(
        r"^personas/(?P<persona_id>[^/]+)/?$", pf.PFPersonaDetailView.as_view(), name="pf-persona-detail"
    ),
]

# --- CV analysis (resumes/apis/analysis.py) ---------------------------------------------------

optimizer += [
    path(
        "resumes/<int:resume_id>/score",
        OptimizerResumeScoreView.as_view(),
        name="optimizer-resume-score",
    ),
]
cvgenius_cv += [
    path("analyze-cv/", CVGeniusAnalyzeTextView.as_view(), name="cvgenius-analyze-cv"),
    path("score-cv/", CVGeniusScoreView.as_view(), name="cvgenius-score-cv"),
]
cvgenius_cv += [
    path(
        "analyze-cv/<int:job_id>/",
        CVGeniusAnalysisEnrichmentView.as_view(),
        name="cvgenius-analyze-cv-enrichment",
    ),
]
