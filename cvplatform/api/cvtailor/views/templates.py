"""CV Tailor template catalogue (generate/templates/ and export/templates/)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema

from cvplatform.api.cvtailor.serializers.templates import ExportTemplateSerializer
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from exports import selectors

TAILOR_TAGS = ["CV Tailor: export"]
CATEGORY = OpenApiParameter("category", str, enum=["cv", "cover_letter"], description="Only this kind.")


# --- CV Tailor ---------------------------------------------------------------------------------
class TailorTemplateListView(CVTailorAPIView):
    """``GET generate/templates/`` and ``GET export/templates/``: the template catalogue."""

    serializer_class = ExportTemplateSerializer

    def get_queryset(self):
        return selectors.template_list(kind=self.request.query_params.get("category") or None)

    @extend_schema(
        tags=TAILOR_TAGS,
        parameters=[
            OpenApiParameter("category", str, enum=["cv", "cover_letter"], description="Only these.")
        ],
        responses=ExportTemplateSerializer(many=True),
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
