"""Every surface mounted at its documented prefix (see ../shared/API-CONTRACTS.md).

Each published document is one urlconf, ``cvplatform/api/<surface>/urls.py``, that lists its
routes in the document's order; this file only says where each is mounted.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from .api.handlers import unmatched_api_path
from .docs import SwaggerUIView
from .health import healthz
from .views import ApiRootView

handler404 = "cvplatform.api.handlers.not_found"
handler500 = "cvplatform.api.handlers.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI is a page to GET; other methods answer 405 rather than rendering a template.
    path("api/docs/", SwaggerUIView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/", ApiRootView.as_view(), name="api-root"),
    # CV Tailor and Resume Optimizer share /api/v1/: Tailor's paths end in a slash, the
    # Optimizer's do not, so no path of one can be read as the other's.
    path("api/v1/", include("cvplatform.api.cvtailor.urls")),
    path("api/v1/", include("cvplatform.api.optimizer.urls")),
    path("api/", include("cvplatform.api.resumate.urls")),
    path("api/", include("cvplatform.api.cvgenius.urls")),
    path("pf/", include("cvplatform.api.personaforge.urls")),
    # Any other path under an API mount answers JSON in the owning surface's 404 body, with
    # DEBUG on too (Django's debug page is HTML, and API clients parse every answer as JSON).
    re_path(r"^(?:api|pf)(?:/.*)?$", unmatched_api_path),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
