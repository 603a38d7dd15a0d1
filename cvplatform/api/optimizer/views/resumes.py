"""Resume Optimizer (/api/v1/resumes…): upload with a first ATS score, list, detail."""

from drf_spectacular.utils import extend_schema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from cvplatform.api.optimizer.serializers import resumes as s
from cvplatform.api.optimizer.surface import OptimizerAPIView
from cvplatform.api.uploads import UploadSizeGuardMixin
from resumes import selectors, services

TAGS = ["Resume Optimizer: resumes"]


class OptimizerResumeUploadView(UploadSizeGuardMixin, OptimizerAPIView):
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.OptimizerResumeUploadSerializer

    @extend_schema(tags=TAGS, responses=s.OptimizerResumeSerializer)
    def post(self, request):
        """Upload a resume; the answer carries its ATS score once parsed (``status``)."""
        data = self.validated()
        document = services.cv_document_upload(
            user=request.user,
            upload=data["file"],
            title=data.get("title", ""),
        )
        return Response(s.OptimizerResumeSerializer(document).data)


RESUME_LIST = s.OptimizerResumeSerializer(many=True)


class OptimizerResumeListView(OptimizerAPIView):
    serializer_class = s.OptimizerResumeSerializer

    @extend_schema(
        tags=TAGS, operation_id="optimizer_resumes_list", responses=s.OptimizerResumeSerializer(many=True)
    )
    def get(self, request):
        documents = selectors.cv_documents_of(user=request.user)
        return Response(self.get_serializer(documents, many=True).data)


class OptimizerResumeListSlashView(OptimizerResumeListView):
    """The same list at the spelling the document prints (``/resumes/``)."""

    @extend_schema(
        tags=TAGS,
        operation_id="optimizer_resumes_list_slash",
        responses=s.OptimizerResumeSerializer(many=True),
    )
    def get(self, request):
        return super().get(request)


class OptimizerResumeDetailView(OptimizerAPIView):
    serializer_class = s.OptimizerResumeDetailSerializer

    @extend_schema(tags=TAGS, operation_id="optimizer_resumes_retrieve")
    def get(self, request, resume_id):
        document = selectors.cv_document_get(user=request.user, cv_id=resume_id)
        return Response(self.get_serializer(document).data)
