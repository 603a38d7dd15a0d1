"""ResuMate (``../shared/seeds/002_fdf5b1b5c97f3973.txt``), mounted at /api/ with trailing
slashes: every route of the document, in the document's order."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .views import ai, auth, job_applications, resumes

app_name = "resumate"

_resumes = SimpleRouter()
_resumes.register("resumes", resumes.ResuMateResumeViewSet, basename="resumate-resume")
_applications = SimpleRouter()
_applications.register("job-applications", job_applications.JobApplicationViewSet, basename="job-application")
_applications.register(
    "example-job-applications",
    job_applications.ExampleJobApplicationViewSet,
    basename="example-job-application",
)

urlpatterns = [
    # Authentication
    path("auth/register/", auth.ResuMateRegisterView.as_view(), name="resumate-register"),
    path("auth/token/", auth.ResuMateTokenView.as_view(), name="resumate-token"),
    path("auth/token/refresh/", auth.ResuMateTokenRefreshView.as_view(), name="resumate-token-refresh"),
    # Resumes
    path("", include(_resumes.urls)),
    # AI
    path("ai/models/", ai.ResuMateAIModelListView.as_view(), name="resumate-ai-models"),
    path("ai/generate/", ai.ResuMateAIGenerateView.as_view(), name="resumate-ai-generate"),
    # Job applications
    path("", include(_applications.urls)),
]
