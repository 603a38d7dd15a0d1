"""CV Tailor (``../shared/seeds/001_21904e5c70ff4aee.txt``), mounted at /api/v1/ with trailing
slashes: every route of the document, in the document's order."""

from django.urls import path

from .views import artifacts, auth, export, generation, llm, templates

app_name = "cvtailor"

urlpatterns = [
    # Authentication
    path("auth/register/", auth.TailorRegisterView.as_view(), name="tailor-register"),
    path("auth/login/", auth.TailorLoginView.as_view(), name="tailor-login"),
    path("auth/logout/", auth.TailorLogoutView.as_view(), name="tailor-logout"),
    path("auth/token/refresh/", auth.TailorTokenRefreshView.as_view(), name="tailor-token-refresh"),
    path("auth/profile/", auth.TailorProfileView.as_view(), name="tailor-profile"),
    path("auth/change-password/", auth.TailorChangePasswordView.as_view(), name="tailor-change-password"),
    path("auth/password-reset/", auth.TailorPasswordResetView.as_view(), name="tailor-password-reset"),
    path(
        "auth/password-reset/confirm/",
        auth.TailorPasswordResetConfirmView.as_view(),
        name="tailor-password-reset-confirm",
    ),
    path("auth/google/", auth.TailorGoogleSignInView.as_view(), name="tailor-google"),
    path("auth/google/link/", auth.TailorGoogleLinkView.as_view(), name="tailor-google-link"),
    path("auth/google/unlink/", auth.TailorGoogleUnlinkView.as_view(), name="tailor-google-unlink"),
    # Artifact management: the static paths first, so none of them is read as an artifact id.
    path("artifacts/", artifacts.ArtifactListView.as_view(), name="artifacts"),
    path("artifacts/upload/", artifacts.ArtifactBulkUploadView.as_view(), name="artifacts-bulk-upload"),
    path(
        "artifacts/evidence-links/<int:id>/",
        artifacts.EvidenceLinkDetailView.as_view(),
        name="artifacts-evidence-link",
    ),
    path(
        "artifacts/files/<str:file_uuid>/", artifacts.ArtifactFileDetailView.as_view(), name="artifacts-file"
    ),
    path("artifacts/bulk/", artifacts.ArtifactBulkUpdateView.as_view(), name="artifacts-bulk"),
    path("artifacts/suggestions/", artifacts.ArtifactSuggestionsView.as_view(), name="artifacts-suggestions"),
    # Labels (the document's "partially implemented" labels, done in full) and CV import (ours).
    path("artifacts/labels/", artifacts.LabelListView.as_view(), name="artifacts-labels"),
    path("artifacts/labels/<int:id>/", artifacts.LabelDetailView.as_view(), name="artifacts-label"),
    path("artifacts/import-cv/", artifacts.ArtifactImportCVView.as_view(), name="artifacts-import-cv"),
    path("artifacts/<int:id>/", artifacts.ArtifactDetailView.as_view(), name="artifact"),
    path("artifacts/<int:id>/upload/", artifacts.ArtifactUploadView.as_view(), name="artifact-upload"),
    path("artifacts/<int:id>/status/", artifacts.ArtifactStatusView.as_view(), name="artifact-status"),
    path(
        "artifacts/<int:id>/evidence-links/",
        artifacts.ArtifactEvidenceLinkCreateView.as_view(),
        name="artifact-evidence-links",
    ),
    # Document generation: the static paths first, so none of them is read as a generation id.
    path("generate/cv/", generation.GenerateCVView.as_view(), name="generate-cv"),
    path(
        "generate/cover-letter/", generation.GenerateCoverLetterView.as_view(), name="generate-cover-letter"
    ),
    path("generate/templates/", templates.TailorTemplateListView.as_view(), name="generate-templates"),
    path("generate/analytics/", generation.GenerationAnalyticsView.as_view(), name="generate-analytics"),
    path("generate/", generation.GenerationListView.as_view(), name="generations"),
    path(
        "generate/<str:generation_id>/", generation.GenerationStatusView.as_view(), name="generation-status"
    ),
    path(
        "generate/<str:generation_id>/detail/",
        generation.GenerationDetailView.as_view(),
        name="generation-detail",
    ),
    path(
        "generate/<str:generation_id>/rate/", generation.GenerationRateView.as_view(), name="generation-rate"
    ),
    # Document export: likewise, the static paths before the ids.
    path("export/templates/", templates.TailorTemplateListView.as_view(), name="export-templates"),
    path("export/analytics/", export.ExportAnalyticsView.as_view(), name="export-analytics"),
    path("export/", export.ExportListView.as_view(), name="exports"),
    path("export/<int:export_id>/status/", export.ExportStatusView.as_view(), name="export-status"),
    path("export/<int:export_id>/download/", export.ExportDownloadView.as_view(), name="export-download"),
    path("export/<int:export_id>/detail/", export.ExportDetailView.as_view(), name="export-detail"),
    path("export/<str:generation_id>/", export.ExportStartView.as_view(), name="export-start"),
    # LLM services
    path(
        "llm/available-models/", llm.TailorAvailableModelsView.as_view(), name="tailor-llm-available-models"
    ),
    path("llm/select-model/", llm.TailorSelectModelView.as_view(), name="tailor-llm-select-model"),
    path("llm/model-stats/", llm.TailorModelStatsView.as_view(), name="tailor-llm-model-stats"),
    path("llm/system-health/", llm.TailorSystemHealthView.as_view(), name="tailor-llm-system-health"),
    path(
        "llm/performance-metrics/",
        llm.TailorPerformanceMetricsView.as_view(),
        name="tailor-llm-performance-metrics",
    ),
    path(
        "llm/circuit-breakers/", llm.TailorCircuitBreakersView.as_view(), name="tailor-llm-circuit-breakers"
    ),
    path("llm/cost-tracking/", llm.TailorCostTrackingView.as_view(), name="tailor-llm-cost-tracking"),
    path("llm/job-embeddings/", llm.TailorJobEmbeddingsView.as_view(), name="tailor-llm-job-embeddings"),
    path(
        "llm/enhanced-artifacts/",
        llm.TailorEnhancedArtifactsView.as_view(),
        name="tailor-llm-enhanced-artifacts",
    ),
]
