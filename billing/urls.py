"""Routes of this app, one list per surface; cvplatform/urls.py mounts each list."""

from rest_framework.routers import SimpleRouter

from cvplatform.api.cvgenius.views import billing as apis

_pack = SimpleRouter()
_pack.register("jobs", apis.PackJobViewSet, basename="pack-job")
_pack.register("plans", apis.PackPlanViewSet, basename="pack-plan")
_users = SimpleRouter()
_users.register("clients", apis.AgencyClientViewSet, basename="agency-client")
_users.register("client-plans", apis.ClientPlanViewSet, basename="client-plan")

# CV Tailor (/api/v1/, trailing slashes)
cvtailor: list = []
# Resume Optimizer (/api/v1, no trailing slashes)
optimizer: list = []
# ResuMate (/api/, trailing slashes)
resumate: list = []
# CV Genius: /api/cv/, /api/pack/, /api/users/
cvgenius_cv: list = []
cvgenius_pack: list = _pack.urls
cvgenius_users: list = _users.urls
# PersonaForge (/pf/, no trailing slashes)
personaforge: list = []
