from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView


class ApiRootSerializer(serializers.Serializer):
    surfaces = serializers.DictField()
    docs = serializers.URLField()
    schema = serializers.URLField()
    health = serializers.URLField()


class ApiRootView(APIView):
    """The browsable entry point: where each published API lives."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(responses=ApiRootSerializer)
    def get(self, request):
        def url(name: str) -> str:
            return reverse(name, request=request)

        return Response(
            {
                "surfaces": {
                    "cv_genius": {
                        "cv": request.build_absolute_uri("/api/cv/"),
                        "pack": request.build_absolute_uri("/api/pack/"),
                        "users": request.build_absolute_uri("/api/users/"),
                    },
                    "cv_tailor": {
                        "auth_login": url("cvtailor:tailor-login"),
                        "profile": url("cvtailor:tailor-profile"),
                    },
                    "resumate": {
                        "auth_token": url("resumate:resumate-token"),
                        "register": url("resumate:resumate-register"),
                    },
                    "resume_optimizer": {
                        "auth_login": url("optimizer:optimizer-login"),
                        "me": url("optimizer:optimizer-me"),
                    },
                    "personaforge": {"login": url("personaforge:pf-login"), "me": url("personaforge:pf-me")},
                },
                "docs": url("swagger-ui"),
                "schema": url("schema"),
                "health": url("healthz"),
            }
        )
