"""Every surface mounted at its documented prefix (see ../shared/API-CONTRACTS.md)."""

from importlib import import_module

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts import urls as account_urls

from .health import healthz
from .views import ApiRootView

handler404 = "cvplatform.api.handlers.not_found"
handler500 = "cvplatform.api.handlers.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI is a page to GET; other methods answer 405 rather than rendering a template.
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(url_name="schema", http_method_names=["get", "head"]),
        name="swagger-ui",
    ),
    path("api/", ApiRootView.as_view(), name="api-root"),
    # CV Tailor + Resume Optimizer share /api/v1/auth/ (see accounts/urls.py)
    path("api/v1/auth/", include(account_urls.v1_auth)),
    path("api/v1/enterprise/", include(account_urls.optimizer_enterprise)),
    # ResuMate
    path("api/auth/", include(account_urls.resumate_auth)),
    # PersonaForge
    path("pf/", include(account_urls.personaforge)),
]

# Every app exposes one route list per surface (see <app>/urls.py); mount them all here so
# an app adds endpoints without touching this file.
DOMAIN_APPS = ["resumes", "artifacts", "generation", "exports", "billing", "llm", "applications"]
SURFACE_MOUNTS = [
    ("cvtailor", "api/v1/"),
    ("optimizer", "api/v1/"),
    ("resumate", "api/"),
    ("cvgenius_cv", "api/cv/"),
    ("cvgenius_pack", "api/pack/"),
    ("cvgenius_users", "api/users/"),
    ("personaforge", "pf/"),
]
for _app in DOMAIN_APPS:
    _module = import_module(f"{_app}.urls")
    for _surface, _prefix in SURFACE_MOUNTS:
        _routes = getattr(_module, _surface, [])
        if _routes:
            urlpatterns.append(path(_prefix, include((_routes, _app), namespace=f"{_app}-{_surface}")))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
