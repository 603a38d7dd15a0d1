"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from rest_framework.routers import SimpleRouter

from cvplatform.api.resumate.views import job_applications as apis

_resumate = SimpleRouter()
_resumate.register("job-applications", apis.JobApplicationViewSet, basename="job-application")
_resumate.register(
    "example-job-applications", apis.ExampleJobApplicationViewSet, basename="example-job-application"
)

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = []
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = _resumate.urls
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = []
cvgenius_pack: list = []
cvgenius_users: list = []
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = []
