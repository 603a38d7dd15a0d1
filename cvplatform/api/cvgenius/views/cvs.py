"""CV Genius: CV data extraction (/api/cv/…) and an agency's saved client CVs (/api/users/cvs/)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from cvplatform.api.cvgenius.serializers import cvs as s
from cvplatform.api.cvgenius.surface import CVGeniusAPIView, CVGeniusViewSet
from cvplatform.api.downloads import OwnerOnlyDownloadMixin, serve_stored_file
from cvplatform.api.parsers import BoundedJSONParser
from cvplatform.api.uploads import UploadSizeGuardMixin
from resumes import selectors, services
from resumes.analysis.upload import upload_analysis

CV_TAGS = ["CV Genius: CV extraction"]
SAVED_TAGS = ["CV Genius: saved client CVs"]


class CVGeniusAnalyzeFileView(UploadSizeGuardMixin, CVGeniusAPIView):
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.CVGeniusFileSerializer

    @extend_schema(tags=CV_TAGS, responses=s.CVGeniusFileAnalysisSerializer)
    def post(self, request):
        """Extract a CV file's data, plus a first score and the issues found."""
        parsed = services.cv_file_extract(user=request.user, upload=self.validated()["cv_file"])
        # The same engine as analyze-cv/ and uploads: one CV, one score, whichever endpoint asks.
        result = s.FileAnalysis(cv=parsed.cv, analysis=upload_analysis(parsed.cv))
        return Response(s.CVGeniusFileAnalysisSerializer(result, context={"request": request}).data)


class CVGeniusExtractFileView(UploadSizeGuardMixin, CVGeniusAPIView):
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.CVGeniusFileSerializer

    @extend_schema(tags=CV_TAGS, responses=s.CVGeniusCVDataSerializer)
    def post(self, request):
        parsed = services.cv_file_extract(user=request.user, upload=self.validated()["cv_file"])
        return Response(s.CVGeniusCVDataSerializer(parsed.cv, context={"request": request}).data)


class CVGeniusExtractTextView(CVGeniusAPIView):
    serializer_class = s.CVGeniusTextSerializer

    @extend_schema(tags=CV_TAGS, responses=s.CVGeniusCVDataSerializer)
    def post(self, request):
        parsed = services.cv_text_extract(text=self.validated()["cv_text"])
        return Response(s.CVGeniusCVDataSerializer(parsed.cv, context={"request": request}).data)


@extend_schema_view(
    list=extend_schema(tags=SAVED_TAGS, responses=s.CVGeniusSavedCVSerializer(many=True)),
    retrieve=extend_schema(tags=SAVED_TAGS, responses=s.CVGeniusSavedCVSerializer),
    create=extend_schema(tags=SAVED_TAGS, responses={201: s.CVGeniusSavedCVSerializer}),
    update=extend_schema(tags=SAVED_TAGS, responses=s.CVGeniusSavedCVSerializer),
    partial_update=extend_schema(tags=SAVED_TAGS, responses=s.CVGeniusSavedCVSerializer),
    destroy=extend_schema(tags=SAVED_TAGS, responses={204: None}),
)
class CVGeniusSavedCVViewSet(UploadSizeGuardMixin, OwnerOnlyDownloadMixin, CVGeniusViewSet):
    """CV files an agency user keeps for their clients; nobody else ever sees them."""

    parser_classes = [MultiPartParser, FormParser, BoundedJSONParser]
    serializer_class = s.CVGeniusSavedCVInputSerializer
    download_kind = "saved"
    lookup_value_regex = r"[^/]+"

    def body(self, saved, **kwargs) -> dict | list:
        """The saved CV(s) as answered; ``serializer_class`` is the input shape."""
        return s.CVGeniusSavedCVSerializer(saved, context=self.get_serializer_context(), **kwargs).data

    def input(self, *, required: bool) -> dict:
        data = self.validated()
        missing = {name: ["This field is required."] for name in ("client", "cv") if name not in data}
        if required and missing:
            raise ValidationError(missing)
        return data

    def list(self, request):
        return Response(self.body(selectors.saved_cvs_of(user=request.user), many=True))

    def retrieve(self, request, pk=None):
        return Response(self.body(selectors.saved_cv_get(user=request.user, saved_cv_id=pk)))

    def create(self, request):
        data = self.input(required=True)
        saved = services.saved_cv_create(user=request.user, client_id=data["client"], upload=data["cv"])
        return Response(self.body(saved), status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        saved = selectors.saved_cv_get(user=request.user, saved_cv_id=pk)
        data = self.input(required=not partial)
        saved = services.saved_cv_update(saved=saved, client_id=data.get("client"), upload=data.get("cv"))
        return Response(self.body(saved))

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def destroy(self, request, pk=None):
        services.saved_cv_delete(saved=selectors.saved_cv_get(user=request.user, saved_cv_id=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        tags=SAVED_TAGS,
        parameters=[s.CVGeniusByClientQuerySerializer],
        responses=s.CVGeniusSavedCVSerializer(many=True),
    )
    @action(detail=False, methods=["get"])
    def by_client(self, request):
        query = self.validated(request.query_params, serializer_class=s.CVGeniusByClientQuerySerializer)
        saved = selectors.saved_cvs_of_client(user=request.user, client_id=query["client_id"])
        return Response(self.body(saved, many=True))

    @extend_schema(tags=SAVED_TAGS, responses={201: s.CVGeniusSavedCVSerializer})
    @action(detail=False, methods=["post"])
    def upload_cv(self, request):
        """Upload a CV file for one of your clients (stored under a generated name)."""
        data = self.input(required=False)
        saved = services.saved_cv_create(
            user=request.user, client_id=data.get("client"), upload=data.get("cv")
        )
        return Response(self.body(saved), status=status.HTTP_201_CREATED)

    @extend_schema(tags=SAVED_TAGS, responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The stored file, for its owner only (a signed link must be theirs and fresh)."""
        saved = self.resolve_download(request, pk)
        return serve_stored_file(request, file=saved.file, filename=saved.original_filename)

    def find_for_owner(self, user, pk):
        return selectors.saved_cv_get(user=user, saved_cv_id=pk)
