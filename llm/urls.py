"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from django.urls import path

from cvplatform.api.cvtailor.views.llm import (
    TailorAvailableModelsView,
    TailorCircuitBreakersView,
    TailorCostTrackingView,
    TailorEnhancedArtifactsView,
    TailorJobEmbeddingsView,
    TailorModelStatsView,
    TailorPerformanceMetricsView,
    TailorSelectModelView,
    TailorSystemHealthView,
)
from cvplatform.api.resumate.views.ai import ResuMateAIGenerateView, ResuMateAIModelListView

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = [
    path("llm/available-models/", TailorAvailableModelsView.as_view(), name="tailor-llm-available-models"),
    path("llm/select-model/", TailorSelectModelView.as_view(), name="tailor-llm-select-model"),
    path("llm/model-stats/", TailorModelStatsView.as_view(), name="tailor-llm-model-stats"),
    path("llm/system-health/", TailorSystemHealthView.as_view(), name="tailor-llm-system-health"),
    path(
        "llm/performance-metrics/",
        TailorPerformanceMetricsView.as_view(),
        name="tailor-llm-performance-metrics",
    ),
    path("llm/circuit-breakers/", TailorCircuitBreakersView.as_view(), name="tailor-llm-circuit-breakers"),
    path("llm/cost-tracking/", TailorCostTrackingView.as_view(), name="tailor-llm-cost-tracking"),
    path("llm/job-embeddings/", TailorJobEmbeddingsView.as_view(), name="tailor-llm-job-embeddings"),
    path(
        "llm/enhanced-artifacts/",
        TailorEnhancedArtifactsView.as_view(),
        name="tailor-llm-enhanced-artifacts",
    ),
]
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = [
    path("ai/models/", ResuMateAIModelListView.as_view(), name="resumate-ai-models"),
    path("ai/generate/", ResuMateAIGenerateView.as_view(), name="resumate-ai-generate"),
]
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = []
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = []
