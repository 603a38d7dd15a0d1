"""Swagger UI served from our own static files, under a strict Content-Security-Policy.

The assets come from drf-spectacular-sidecar (a pinned Swagger UI build in a PyPI package), so
the page works without internet access; the split view serves the page's start-up script as
a file of its own instead of an inline ``<script>``, so nothing inline needs allowing.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # Swagger UI draws its icons as data: SVGs.
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


class SwaggerUIView(SpectacularSwaggerSplitView):
    template_name = "cvplatform/swagger_ui.html"
    http_method_names = ["get", "head"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response
