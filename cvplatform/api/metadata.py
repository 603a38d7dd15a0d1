"""OPTIONS answers: which methods a path takes and the fields its writes accept.

DRF's SimpleMetadata looks the object up (``get_object()``) to test object permissions before
describing PUT. Our views look objects up through owner-scoped selectors, not ``get_object``,
so that lookup failed with an AssertionError (a 500) on views without a queryset. The fields a
PUT accepts do not depend on the object, so only the view's own permissions are checked.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.metadata import SimpleMetadata
from rest_framework.request import clone_request

from cvplatform.exceptions import ApplicationError


class SurfaceMetadata(SimpleMetadata):
    def determine_actions(self, request, view):
        actions = {}
        for method in {"PUT", "POST"} & set(view.allowed_methods):
            view.request = clone_request(request, method)
            try:
                view.check_permissions(view.request)
                serializer = view.get_serializer()
            except (exceptions.APIException, ApplicationError, PermissionDenied, Http404):
                continue
            finally:
                view.request = request
            actions[method] = self.get_serializer_info(serializer)
        return actions
