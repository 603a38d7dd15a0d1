"""CV Tailor document generation: start (202), poll, read, rate, list, analytics."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from cvplatform.api.cvtailor.serializers.generation import (
    AcceptedSerializer,
    AnalyticsQuerySerializer,
    GeneratedDocumentSerializer,
    GenerationAnalyticsSerializer,
    GenerationListQuerySerializer,
    GenerationRequestSerializer,
    GenerationStatusSerializer,
    RatingResponseSerializer,
    RatingSerializer,
    accepted,
)
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from generation.models import DocumentType
from generation.tailor import completed, selectors, services

TAGS = ["CV Tailor: generation"]
DAYS = OpenApiParameter("days", int, description="Look-back window in days (1-366, default 30).")


class _StartView(CVTailorAPIView):
    serializer_class = GenerationRequestSerializer
    throttle_scope = "generation"
    document_type = DocumentType.CV

    @extend_schema(tags=TAGS, request=GenerationRequestSerializer, responses={202: AcceptedSerializer})
    def post(self, request):
        data = self.validated()
        prefs = data.get("generationPreferences") or {}
        document = services.generation_start(
            user=request.user,
            type=self.document_type,
            job_description=data["jobDescription"],
            company_name=data["companyName"],
            role_title=data["roleTitle"],
            label_ids=data["labelIds"],
            template_id=data["templateId"],
            custom_sections=data["customSections"],
            tone=prefs.get("tone", "professional"),
            length=prefs.get("length", "concise"),
            focus_areas=prefs.get("focusAreas", []),
        )
        return Response(accepted(document), status=status.HTTP_202_ACCEPTED)


class GenerateCVView(_StartView):
    document_type = DocumentType.CV


class GenerateCoverLetterView(_StartView):
    document_type = DocumentType.COVER_LETTER


class GenerationStatusView(CVTailorAPIView):
    serializer_class = GenerationStatusSerializer

    @extend_schema(tags=TAGS, responses=GenerationStatusSerializer)
    def get(self, request, generation_id):
        document = selectors.generation_get(user=request.user, generation_id=generation_id)
        return Response(self.get_serializer(document).data)


class GenerationDetailView(CVTailorAPIView):
    serializer_class = GeneratedDocumentSerializer

    @extend_schema(tags=TAGS, responses=GeneratedDocumentSerializer)
    def get(self, request, generation_id):
        document = selectors.generation_get(user=request.user, generation_id=generation_id)
        return Response(self.get_serializer(document).data)


class GenerationRateView(CVTailorAPIView):
    serializer_class = RatingSerializer

    @extend_schema(tags=TAGS, request=RatingSerializer, responses=RatingResponseSerializer)
    def post(self, request, generation_id):
        data = self.validated()
        document = selectors.generation_get(user=request.user, generation_id=generation_id)
        document = completed.generation_rate(
            document=document, rating=data["rating"], feedback=data["feedback"]
        )
        return Response({"id": str(document.pk), "rating": document.rating, "feedback": document.feedback})


class GenerationAnalyticsView(CVTailorAPIView):
    serializer_class = AnalyticsQuerySerializer

    @extend_schema(tags=TAGS, parameters=[DAYS], responses=GenerationAnalyticsSerializer)
    def get(self, request):
        days = self.validated(request.query_params)["days"]
        return Response(selectors.generation_analytics(user=request.user, days=days))


class GenerationListView(CVTailorAPIView):
    serializer_class = GenerationStatusSerializer

    @extend_schema(
        tags=TAGS,
        parameters=[
            OpenApiParameter("type", str, enum=DocumentType.values, description="Only this type."),
            OpenApiParameter(
                "status", str, enum=list(selectors.STATUS_WORDS), description="Only this status."
            ),
        ],
        responses=GenerationStatusSerializer(many=True),
    )
    def get(self, request):
        query = self.validated(request.query_params, serializer_class=GenerationListQuerySerializer)
        rows = selectors.generations_of(user=request.user, type=query.get("type"), status=query.get("status"))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
