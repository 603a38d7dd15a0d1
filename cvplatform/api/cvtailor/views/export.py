"""CV Tailor document export: start (202), status, detail, download, list, analytics."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from cvplatform import downloads
from cvplatform.api.cvtailor.serializers.export import (
    ExportAcceptedSerializer,
    ExportAnalyticsSerializer,
    ExportDetailSerializer,
    ExportRequestSerializer,
    ExportStatusSerializer,
)
from cvplatform.api.cvtailor.serializers.generation import AnalyticsQuerySerializer
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from cvplatform.api.downloads import serve_stored_file
from generation.tailor import completed, selectors

TAGS = ["CV Tailor: export"]
DAYS = OpenApiParameter("days", int, description="Look-back window in days (1-366, default 30).")
SIGNATURE = OpenApiParameter("signature", str, description="The signed link's token (from detail/).")


class ExportStartView(CVTailorAPIView):
    serializer_class = ExportRequestSerializer
    throttle_scope = "export"

    @extend_schema(tags=TAGS, request=ExportRequestSerializer, responses={202: ExportAcceptedSerializer})
    def post(self, request, generation_id):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = selectors.generation_get(user=request.user, generation_id=generation_id)
        job = completed.generation_export_start(
            user=request.user,
            document=document,
            fmt=serializer.validated_data["format"],
            template_id=serializer.validated_data["templateId"],
            options=serializer.render_request(),
        )
        return Response(
            {"id": job.pk, "status": selectors.status_word(job.status)}, status=status.HTTP_202_ACCEPTED
        )


class ExportStatusView(CVTailorAPIView):
    serializer_class = ExportStatusSerializer

    @extend_schema(tags=TAGS, responses=ExportStatusSerializer)
    def get(self, request, export_id):
        job = selectors.tailor_export_get(user=request.user, export_id=export_id)
        return Response(self.get_serializer(job).data)


class ExportDownloadView(CVTailorAPIView):
    @extend_schema(
        tags=TAGS,
        parameters=[SIGNATURE],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file.")
        },
    )
    def get(self, request, export_id):
        job = selectors.tailor_export_for_download(
            user=request.user, export_id=export_id, signature=request.query_params.get("signature")
        )
        kind = "cover-letter" if job.generation and job.generation.type == "cover_letter" else "cv"
        return serve_stored_file(request, file=job.file, filename=f"{kind}-{job.pk}.{job.format}")


class ExportDetailView(CVTailorAPIView):
    serializer_class = ExportDetailSerializer

    @extend_schema(tags=TAGS, responses=ExportDetailSerializer)
    def get(self, request, export_id):
        job = selectors.tailor_export_get(user=request.user, export_id=export_id)
        url = selectors.tailor_export_download_url(job=job, request=request)
        context = {**self.get_serializer_context(), "download_url": url}
        context["expires_in"] = downloads.link_seconds() if url else None
        return Response(ExportDetailSerializer(job, context=context).data)


class ExportListView(CVTailorAPIView):
    serializer_class = ExportStatusSerializer

    @extend_schema(tags=TAGS, responses=ExportStatusSerializer(many=True))
    def get(self, request):
        page = self.paginate_queryset(selectors.tailor_exports_of(user=request.user))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ExportAnalyticsView(CVTailorAPIView):
    serializer_class = AnalyticsQuerySerializer

    @extend_schema(tags=TAGS, parameters=[DAYS], responses=ExportAnalyticsSerializer)
    def get(self, request):
        days = self.validated(request.query_params)["days"]
        return Response(selectors.export_analytics(user=request.user, days=days))
