"""Resume Optimizer (``../shared/seeds/003_65e3c5a2cd4ba0e9.txt``), mounted at /api/v1/ without
trailing slashes: every route of the document, in the document's order."""

from django.urls import path

from .views import analysis, analytics, auth, chat, enterprise, optimize, resumes

app_name = "optimizer"

urlpatterns = [
    # Authentication (register and login share their logic with CV Tailor's spellings)
    path("auth/register", auth.OptimizerRegisterView.as_view(), name="optimizer-register"),
    path("auth/login", auth.OptimizerLoginView.as_view(), name="optimizer-login"),
    path("auth/me", auth.OptimizerMeView.as_view(), name="optimizer-me"),
    # Resume management
    path("resumes/upload", resumes.OptimizerResumeUploadView.as_view(), name="optimizer-resume-upload"),
    path("resumes", resumes.OptimizerResumeListView.as_view(), name="optimizer-resume-list"),
    # The document lists the collection as "resumes/": that spelling answers too.
    path("resumes/", resumes.OptimizerResumeListSlashView.as_view(), name="optimizer-resume-list-slash"),
    path(
        "resumes/<int:resume_id>", resumes.OptimizerResumeDetailView.as_view(), name="optimizer-resume-detail"
    ),
    path("resumes/optimize", optimize.OptimizerOptimizeView.as_view(), name="optimizer-resume-optimize"),
    path(
        "resumes/<int:resume_id>/score",
        analysis.OptimizerResumeScoreView.as_view(),
        name="optimizer-resume-score",
    ),
    # Our addition: the optimisation types the optimize endpoint accepts.
    path(
        "resumes/optimization-types",
        optimize.OptimizerOptimizationTypesView.as_view(),
        name="optimizer-optimization-types",
    ),
    # Chat system (the conversation is the WebSocket in routing.py)
    path("chat/sessions", chat.OptimizerChatSessionsView.as_view(), name="optimizer-chat-sessions"),
    path(
        "chat/sessions/<str:session_id>/messages",
        chat.OptimizerChatMessagesView.as_view(),
        name="optimizer-chat-messages",
    ),
    # Analytics
    path("analytics/user", analytics.OptimizerUserAnalyticsView.as_view(), name="optimizer-analytics-user"),
    path(
        "analytics/usage", analytics.OptimizerUsageAnalyticsView.as_view(), name="optimizer-analytics-usage"
    ),
    path(
        "analytics/resumes",
        analytics.OptimizerResumeAnalyticsView.as_view(),
        name="optimizer-analytics-resumes",
    ),
    path(
        "analytics/optimizations",
        analytics.OptimizerOptimizationAnalyticsView.as_view(),
        name="optimizer-analytics-optimizations",
    ),
    # Enterprise features
    path(
        "enterprise/config",
        enterprise.OptimizerEnterpriseConfigView.as_view(),
        name="optimizer-enterprise-config",
    ),
    path("enterprise/api-key", enterprise.OptimizerApiKeyView.as_view(), name="optimizer-api-key"),
    path(
        "enterprise/api-key/regenerate",
        enterprise.OptimizerApiKeyRegenerateView.as_view(),
        name="optimizer-api-key-regenerate",
    ),
    path(
        "enterprise/metrics",
        enterprise.OptimizerEnterpriseMetricsView.as_view(),
        name="optimizer-enterprise-metrics",
    ),
    path(
        "enterprise/export",
        enterprise.OptimizerEnterpriseExportView.as_view(),
        name="optimizer-enterprise-export",
    ),
]
