"""Django-level 404/500 for URLs no view matched, in the body of the surface the path is on."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from cvplatform.api.cvgenius.surface import CV_GENIUS
from cvplatform.api.cvtailor.surface import CV_TAILOR
from cvplatform.api.optimizer.surface import OPTIMIZER
from cvplatform.api.personaforge.surface import PERSONAFORGE
from cvplatform.api.resumate.surface import RESUMATE

from .errors import Problem, status_title


def surface_for_path(path: str):
    if path.startswith("/pf/") or path == "/pf":
        return PERSONAFORGE
    if path.startswith("/api/v1/"):
        # The two /api/v1 surfaces differ by spelling: CV Tailor's paths end in a slash.
        return CV_TAILOR if path.endswith("/") else OPTIMIZER
    if path.startswith(("/api/cv/", "/api/pack/", "/api/users/")):
        return CV_GENIUS
    if path.startswith("/api/"):
        return RESUMATE
    return None


def _json_error(request, status_code: int, message: str, code: str) -> JsonResponse:
    surface = surface_for_path(request.path)
    problem = Problem(status=status_code, message=message, code=code)
    if surface is None:
        body = {"detail": message}
    else:
        body, status_code = surface.error_body(problem)
    return JsonResponse(body, status=status_code, safe=False)


def not_found(request, exception=None):
    return _json_error(request, 404, "Not found.", "not_found")


def server_error(request):
    return _json_error(request, 500, f"{status_title(500)}: the failure was logged.", "server_error")


@csrf_exempt
def unmatched_api_path(request, *args, **kwargs):
    """Routed last under the API mounts: whatever the method, the path names nothing."""
    return not_found(request)
