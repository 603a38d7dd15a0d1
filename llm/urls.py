"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from django.urls import path

from . import apis

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = [
    path(
        "llm/available-models/", apis.TailorAvailableModelsView.as_view(), name="tailor-llm-available-models"
    ),
    path("llm/select-model/", apis.TailorSelectModelView.as_view(), name="tailor-llm-select-model"),
    path("llm/model-stats/", apis.TailorModelStatsView.as_view(), name="tailor-llm-model-stats"),
    path("llm/system-health/", apis.TailorSystemHealthView.as_view(), name="tailor-llm-system-health"),
    path(
        "llm/performance-metrics/",
        apis.TailorPerformanceMetricsView.as_view(),
        name="tailor-llm-performance-metrics",
    ),
    path(
        "llm/circuit-breakers/", apis.TailorCircuitBreakersView.as_view(), name="tailor-llm-circuit-breakers"
    ),
    path("llm/cost-tracking/", apis.TailorCostTrackingView.as_view(), name="tailor-llm-cost-tracking"),
    path("llm/job-embeddings/", apis.TailorJobEmbeddingsView.as_view(), name="tailor-llm-job-embeddings"),
    path(
        "llm/enhanced-artifacts/",
        apis.TailorEnhancedArtifactsView.as_view(),
        name="tailor-llm-enhanced-artifacts",
    ),
]
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = [
    path("ai/models/", apis.ResuMateAIModelListView.as_view(), name="resumate-ai-models"),
    path("ai/generate/", apis.ResuMateAIGenerateView.as_view(), name="resumate-ai-generate"),
]
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = []
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = []
