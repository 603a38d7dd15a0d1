"""CV Genius LaTeX: generate LaTeX from CV data, compile it to PDF or Word."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response

from cvplatform.api.cvgenius.mappings import cvgenius_to_structured
from cvplatform.api.cvgenius.serializers.latex import (
    CVGeniusGenerateLatexRequestSerializer,
    CVGeniusGenerateLatexResponseSerializer,
    CVGeniusLatexRequestSerializer,
)
from cvplatform.api.cvgenius.surface import CVGeniusAPIView
from cvplatform.api.downloads import file_response
from exports import selectors, services
from exports.models import ExportKind
from exports.render.pipeline import render_cv

GENIUS_TAGS = ["CV Genius: LaTeX"]


# --- CV Genius ---------------------------------------------------------------------------------
class GenerateLatexView(CVGeniusAPIView):
    serializer_class = CVGeniusGenerateLatexRequestSerializer

    @extend_schema(tags=GENIUS_TAGS, responses=CVGeniusGenerateLatexResponseSerializer)
    def post(self, request):
        """CV Genius JSON → a complete LaTeX document (chains into latex-to-pdf)."""
        data = dict(self.validated())
        template = selectors.template_get(template_id=data.pop("template", None) or "classic")
        rendered = render_cv(cv=cvgenius_to_structured(data), template_id=template.slug, fmt="tex")
        return Response(CVGeniusGenerateLatexResponseSerializer(rendered, context={"request": request}).data)


class _LatexConvertView(CVGeniusAPIView):
    serializer_class = CVGeniusLatexRequestSerializer
    kind: str
    filename: str

    def post(self, request):
        job = services.export_job_start(
            user=request.user,
            kind=self.kind,
            fmt=self.filename.rsplit(".", 1)[-1],
            latex=self.validated()["latex_content"],
        )
        job = services.export_job_wait(job=job)
        response = file_response(job, filename=self.filename)
        response["X-LaTeX-Engine"] = job.engine
        return response


class LatexToPdfView(_LatexConvertView):
    kind = ExportKind.LATEX_PDF
    filename = "cv.pdf"

    @extend_schema(
        tags=GENIUS_TAGS,
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The PDF. Header X-LaTeX-Engine: pdflatex, xelatex or pandoc+typst.",
            )
        },
    )
    def post(self, request):
        """Compile LaTeX in a sandbox; the ``X-LaTeX-Engine`` header names the engine used."""
        return super().post(request)


class LatexToWordView(_LatexConvertView):
    kind = ExportKind.LATEX_DOCX
    filename = "cv.docx"

    @extend_schema(
        tags=GENIUS_TAGS,
        responses={
            (200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The Word document"
            )
        },
    )
    def post(self, request):
        """Convert LaTeX to DOCX with pandoc (sandboxed, time-limited)."""
        return super().post(request)
