"""CV Tailor's Artifact Management System: artifacts, files and their processing, evidence
links, bulk operations, technology suggestions, labels, and the import of a CV (ours)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from artifacts import selectors, services
from artifacts.models import Artifact, Label
from cvplatform.api.cvtailor.serializers import artifacts as s
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from cvplatform.api.parsers import BoundedJSONParser, json_loads_bounded
from cvplatform.api.uploads import UploadSizeGuardMixin
from resumes import selectors as cv_selectors
from resumes import services as cv_services

TAGS = ["CV Tailor: artifacts"]
LIST_PARAMETERS = [
    OpenApiParameter(
        "technologies", str, description="Comma-separated: artifacts listing any of them (any case)."
    ),
    OpenApiParameter("labels", str, description="Comma-separated label ids: artifacts with any of them."),
    OpenApiParameter("status", str, enum=["active", "archived"]),
    OpenApiParameter(
        "artifact_type",
        str,
        enum=["project", "experience", "education", "certification", "publication", "presentation"],
    ),
    OpenApiParameter("start_after", str, description="YYYY-MM-DD: started on or after."),
    OpenApiParameter(
        "end_before", str, description="YYYY-MM-DD: ended on or before (ongoing ones excluded)."
    ),
    OpenApiParameter(
        "search",
        str,
        description=(
            "Full-text search over title and description (PostgreSQL full-text search, ranked; "
            "every word as a substring elsewhere). Ranked by relevance unless `ordering` is given."
        ),
    ),
    OpenApiParameter("ordering", str, enum=list(selectors.ORDERINGS), description="Default: newest."),
    OpenApiParameter("page", int),
    OpenApiParameter("page_size", int, description="At most 100."),
]


def _query(serializer_class, request) -> dict:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


def _uploads(request) -> list:
    return request.FILES.getlist("files") if hasattr(request, "FILES") else []


class ArtifactListView(CVTailorAPIView):
    serializer_class = s.ArtifactSerializer

    @extend_schema(tags=TAGS, parameters=LIST_PARAMETERS, responses=s.ArtifactSerializer(many=True))
    def get(self, request):
        query = _query(s.ArtifactListQuerySerializer, request)
        filters = selectors.ArtifactFilters(**query)
        page = self.paginate_queryset(selectors.artifact_list(user=request.user, filters=filters))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(tags=TAGS, request=s.ArtifactInputSerializer, responses={201: s.ArtifactSerializer})
    def post(self, request):
        data = self.validated(serializer_class=s.ArtifactInputSerializer)
        artifact = services.artifact_create(user=request.user, data=data)
        artifact = selectors.artifact_get(user=request.user, artifact_id=artifact.pk)
        return Response(s.ArtifactSerializer(artifact).data, status=status.HTTP_201_CREATED)


class ArtifactDetailView(CVTailorAPIView):
    serializer_class = s.ArtifactSerializer

    @extend_schema(tags=TAGS, responses=s.ArtifactSerializer)
    def get(self, request, id):
        return Response(s.ArtifactSerializer(selectors.artifact_get(user=request.user, artifact_id=id)).data)

    @extend_schema(tags=TAGS, request=s.ArtifactInputSerializer, responses=s.ArtifactSerializer)
    def patch(self, request, id):
        artifact = selectors.artifact_get(user=request.user, artifact_id=id)
        data = self.validated(serializer_class=s.ArtifactInputSerializer, partial=True)
        services.artifact_update(artifact=artifact, data=data)
        return Response(s.ArtifactSerializer(selectors.artifact_get(user=request.user, artifact_id=id)).data)

    @extend_schema(tags=TAGS, responses={204: None})
    def delete(self, request, id):
        services.artifact_delete(artifact=selectors.artifact_get(user=request.user, artifact_id=id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArtifactUploadView(UploadSizeGuardMixin, CVTailorAPIView):
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.FilesUploadSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="cvtailor_v1_artifact_files_upload",
        request={"multipart/form-data": s.FilesUploadSerializer},
        responses={201: s.ArtifactStatusSerializer},
    )
    def post(self, request, id):
        """Add files to an artifact; each is read by a job (poll ``status/``)."""
        artifact = selectors.artifact_get(user=request.user, artifact_id=id)
        services.artifact_files_add(artifact=artifact, uploads=_uploads(request))
        report = selectors.artifact_processing_status(artifact=artifact)
        return Response(s.ArtifactStatusSerializer(report).data, status=status.HTTP_201_CREATED)


class ArtifactBulkUploadView(UploadSizeGuardMixin, CVTailorAPIView):
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.BulkUploadSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="cvtailor_v1_artifacts_bulk_upload",
        request={"multipart/form-data": s.BulkUploadSerializer},
        responses={201: s.ArtifactSerializer(many=True)},
    )
    def post(self, request):
        """Create several artifacts with their files in one transaction."""
        entries = self._entries(request.data.get("metadata"))
        created = services.artifacts_bulk_upload(
            user=request.user, entries=entries, uploads=_uploads(request)
        )
        rows = selectors.artifacts_with_relations(
            Artifact.objects.filter(pk__in=[a.pk for a in created]).order_by("id")
        )
        return Response(s.ArtifactSerializer(rows, many=True).data, status=status.HTTP_201_CREATED)

    def _entries(self, raw) -> list[dict]:
        if raw in (None, ""):
            raise ValidationError({"metadata": ["This field is required."]})
        try:
            parsed = json_loads_bounded(raw)
        except (TypeError, ValueError) as exc:
            raise ValidationError({"metadata": [f"Not valid JSON: {exc}"]}) from None
        if isinstance(parsed, dict):
            parsed = parsed.get("artifacts", [parsed])
        if not isinstance(parsed, list) or not all(isinstance(item, dict) for item in parsed):
            raise ValidationError({"metadata": ["A JSON list of artifacts (objects), or one artifact."]})
        entries, problems = [], []
        for index, item in enumerate(parsed):
            entry = s.BulkUploadEntrySerializer(data=item)
            if entry.is_valid():
                entries.append(dict(entry.validated_data))
            else:
                for name, messages in entry.errors.items():
                    problems.append(f"metadata[{index}].{name}: {' '.join(map(str, messages))}")
        if problems:
            raise ValidationError({"metadata": problems})
        return entries


class ArtifactStatusView(CVTailorAPIView):
    serializer_class = s.ArtifactStatusSerializer

    @extend_schema(tags=TAGS, responses=s.ArtifactStatusSerializer)
    def get(self, request, id):
        artifact = selectors.artifact_get(user=request.user, artifact_id=id)
        return Response(
            s.ArtifactStatusSerializer(selectors.artifact_processing_status(artifact=artifact)).data
        )


class ArtifactEvidenceLinkCreateView(CVTailorAPIView):
    serializer_class = s.EvidenceLinkSerializer

    @extend_schema(
        tags=TAGS, request=s.EvidenceLinkInputSerializer, responses={201: s.EvidenceLinkSerializer}
    )
    def post(self, request, id):
        """Add an evidence link; a job checks that it answers (``is_accessible``)."""
        artifact = selectors.artifact_get(user=request.user, artifact_id=id)
        data = self.validated(serializer_class=s.EvidenceLinkInputSerializer)
        link = services.evidence_link_create(artifact=artifact, data=data)
        return Response(s.EvidenceLinkSerializer(link).data, status=status.HTTP_201_CREATED)


class EvidenceLinkDetailView(CVTailorAPIView):
    serializer_class = s.EvidenceLinkSerializer

    @extend_schema(tags=TAGS, request=s.EvidenceLinkInputSerializer, responses=s.EvidenceLinkSerializer)
    def put(self, request, id):
        link = selectors.evidence_link_get(user=request.user, link_id=id)
        data = self.validated(serializer_class=s.EvidenceLinkInputSerializer)
        link = services.evidence_link_update(link=link, data=data)
        return Response(s.EvidenceLinkSerializer(link).data)

    @extend_schema(tags=TAGS, responses={204: None})
    def delete(self, request, id):
        services.evidence_link_delete(link=selectors.evidence_link_get(user=request.user, link_id=id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArtifactFileDetailView(CVTailorAPIView):
    @extend_schema(tags=TAGS, responses={204: None})
    def delete(self, request, file_uuid):
        """Remove the file, from storage too."""
        services.artifact_file_delete(row=selectors.artifact_file_get(user=request.user, file_uuid=file_uuid))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArtifactBulkUpdateView(CVTailorAPIView):
    error_statuses = (404,)  # an id the caller does not own
    serializer_class = s.BulkUpdateSerializer

    @extend_schema(tags=TAGS, request=s.BulkUpdateSerializer, responses=s.BulkUpdateResultSerializer)
    def patch(self, request):
        """One action on many artifacts; an id that is not yours fails the whole request (404)."""
        data = self.validated()
        updated = services.artifacts_bulk_update(
            user=request.user,
            artifact_ids=data["artifact_ids"],
            action=data["action"],
            values=data.get("values"),
        )
        body = {
            "updated": updated,
            "action": data["action"],
            "artifact_ids": list(dict.fromkeys(data["artifact_ids"])),
        }
        return Response(s.BulkUpdateResultSerializer(body).data)


class ArtifactSuggestionsView(CVTailorAPIView):
    serializer_class = s.SuggestionSerializer

    @extend_schema(
        tags=TAGS,
        parameters=[
            OpenApiParameter(
                "q", str, description='Prefix or alias ("js" finds JavaScript, "k8s" Kubernetes).'
            ),
            OpenApiParameter("limit", int, description="At most this many (1-50, default 10)."),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int),
        ],
        responses=s.SuggestionSerializer(many=True),
    )
    def get(self, request):
        """Your own technologies first, then ones found in your files, then the skills vocabulary."""
        query = _query(s.SuggestionQuerySerializer, request)
        found = selectors.technology_suggestions(user=request.user, query=query["q"], limit=query["limit"])
        page = self.paginate_queryset(found)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class LabelListView(CVTailorAPIView):
    error_statuses = {"POST": (409,)}  # a name the user already has
    serializer_class = s.LabelSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Label.objects.none()
        return selectors.labels_of(user=self.request.user)

    @extend_schema(tags=TAGS, responses=s.LabelSerializer(many=True))
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.LabelSerializer(page, many=True).data)

    @extend_schema(tags=TAGS, request=s.LabelInputSerializer, responses={201: s.LabelSerializer})
    def post(self, request):
        label = services.label_create(
            user=request.user, data=self.validated(serializer_class=s.LabelInputSerializer)
        )
        return Response(s.LabelSerializer(label).data, status=status.HTTP_201_CREATED)


class LabelDetailView(CVTailorAPIView):
    error_statuses = {"PATCH": (409,), "PUT": (409,)}  # a name the user already has
    serializer_class = s.LabelSerializer

    @extend_schema(tags=TAGS, responses=s.LabelSerializer)
    def get(self, request, id):
        return Response(s.LabelSerializer(selectors.label_get(user=request.user, label_id=id)).data)

    @extend_schema(tags=TAGS, request=s.LabelInputSerializer, responses=s.LabelSerializer)
    def patch(self, request, id):
        label = selectors.label_get(user=request.user, label_id=id)
        data = self.validated(serializer_class=s.LabelInputSerializer, partial=True)
        return Response(s.LabelSerializer(services.label_update(label=label, data=data)).data)

    @extend_schema(tags=TAGS, responses={204: None})
    def delete(self, request, id):
        services.label_delete(label=selectors.label_get(user=request.user, label_id=id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ArtifactImportCVView(UploadSizeGuardMixin, CVTailorAPIView):
    error_statuses = (404,)  # a cv_id the caller does not own
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    serializer_class = s.ImportCVSerializer

    @extend_schema(
        tags=TAGS,
        summary="Import a CV as artifacts (our addition)",
        description=(
            "Not in the CV Tailor document: one artifact per job, degree, project, certificate "
            "and publication of a CV — a stored CV of yours (`cv_id`) or a CV file (`file`, "
            "multipart) — with technologies, dates and links. Importing the same CV again does "
            "not duplicate artifacts (type + title + organisation + start date)."
        ),
        request={"application/json": s.ImportCVSerializer, "multipart/form-data": s.ImportCVSerializer},
        responses={201: s.ImportCVResultSerializer, 200: s.ImportCVResultSerializer},
    )
    def post(self, request):
        data = self.validated()
        if "cv_id" in data:
            cv = cv_selectors.cv_document_parsed_cv(user=request.user, cv_id=data["cv_id"])
            source_cv_id = data["cv_id"]
        else:
            cv = cv_services.cv_file_extract(user=request.user, upload=data["file"], field="file").cv
            source_cv_id = None
        result = services.artifacts_import_cv(user=request.user, cv=cv, source_cv_id=source_cv_id)
        rows = selectors.artifacts_with_relations(
            Artifact.objects.filter(pk__in=[a.pk for a in result.created]).order_by("id")
        )
        body = {
            "created": len(result.created),
            "existing": len(result.existing),
            "artifacts": rows,
            "existing_ids": [a.pk for a in result.existing],
        }
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(s.ImportCVResultSerializer(body).data, status=code)
