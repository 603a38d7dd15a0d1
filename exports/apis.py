"""Export endpoints on three surfaces. Views validate, call one service or selector, answer."""

from django.http import FileResponse, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cvplatform.api.cvgenius.surface import CVGeniusAPIView
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from cvplatform.exceptions import ApplicationError, NotFoundError
from resumes.mappings import cvgenius_to_structured
from resumes.selectors import persona_structured_cv

from . import selectors, serializers, services
from .models import ExportJob, ExportKind
from .render.options import RenderOptions
from .render.pipeline import render_cv

TAILOR_TAGS = ["CV Tailor: export"]
PF_TAGS = ["PersonaForge: templates and export"]
GENIUS_TAGS = ["CV Genius: LaTeX"]


def _options(data: dict | None) -> RenderOptions:
    try:
        return RenderOptions.from_request(data)
    except ValueError as exc:  # pydantic's message names the bad option
        raise ApplicationError(f"Invalid export options: {exc}", code="invalid_options") from exc


def file_response(job: ExportJob, *, filename: str) -> HttpResponse:
    with job.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=job.content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- CV Tailor ---------------------------------------------------------------------------------
class TailorTemplateListView(CVTailorAPIView):
    """``GET generate/templates/`` and ``GET export/templates/``: the template catalogue."""

    serializer_class = serializers.ExportTemplateSerializer

    def get_queryset(self):
        return selectors.template_list(kind=self.request.query_params.get("category") or None)

    @extend_schema(tags=TAILOR_TAGS)
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


# --- PersonaForge ------------------------------------------------------------------------------
class PFTemplateListView(PersonaForgeAPIView):
    serializer_class = serializers.PersonaForgeTemplateSerializer
    pagination_class = None

    @extend_schema(tags=PF_TAGS, responses=serializers.PersonaForgeTemplateSerializer(many=True))
    def get(self, request):
        return Response(self.get_serializer(selectors.template_list(), many=True).data)


class PFTemplateDetailView(PersonaForgeAPIView):
    serializer_class = serializers.PersonaForgeTemplateDetailSerializer

    @extend_schema(tags=PF_TAGS)
    def get(self, request, template_id: str):
        return Response(self.get_serializer(selectors.template_get(template_id=template_id)).data)


class PFExportView(PersonaForgeAPIView):
    serializer_class = serializers.PersonaForgeExportRequestSerializer

    @extend_schema(tags=PF_TAGS, responses=serializers.PersonaForgeExportResponseSerializer)
    def post(self, request, persona_id: str):
        """Render the persona with a template; answers a signed link only the owner can use."""
        data = self.validated()
        cv = persona_structured_cv(user=request.user, persona_id=persona_id)
        template = _cv_template(data.get("template_id"), request.user)
        job = services.export_job_start(
            user=request.user,
            fmt=data["format"],
            template=template,
            cv=cv,
            options=_options(data.get("options")),
            persona_id=persona_id,
        )
        job = services.export_job_wait(job=job)
        return Response({"file_url": selectors.export_file_url(job=job, request=request)})


def _cv_template(template_id, user):
    if template_id:
        template = selectors.template_get(template_id=template_id)
    elif user.preferred_cv_template:
        try:
            template = selectors.template_get(template_id=user.preferred_cv_template)
        except NotFoundError:
            template = selectors.template_default()
    else:
        template = selectors.template_default()
    if template.kind != "cv":
        raise ApplicationError(
            f"'{template.slug}' is a cover-letter template; choose a CV template.",
            code="invalid_template",
            fields={"template_id": ["Not a CV template."]},
        )
    return template


class ExportDownloadView(PersonaForgeAPIView):
    """Serves an export behind a signed, expiring link — to its owner only."""

    serializer_class = None

    @extend_schema(tags=PF_TAGS, responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, token: str):
        job = selectors.export_job_for_download(token=token, user=request.user)
        return file_response(job, filename=f"cv.{job.file.name.rsplit('.', 1)[-1]}")


class TemplatePreviewView(PersonaForgeAPIView):
    """The preview image of a template (public: demo data only)."""

    permission_classes = [AllowAny]
    serializer_class = None

    def get_authenticators(self):
        return []  # public: a stale token on an <img> request must not turn it into a 401

    @extend_schema(tags=PF_TAGS, auth=[], responses={(200, "image/png"): OpenApiTypes.BINARY})
    def get(self, request, slug: str):
        template = selectors.template_get(template_id=slug)
        path = selectors.template_preview_path(template=template)
        if path is None:
            raise NotFoundError("This template has no preview.")
        response = FileResponse(path.open("rb"), content_type="image/png")
        response["Cache-Control"] = "public, max-age=3600"
        return response


# --- CV Genius ---------------------------------------------------------------------------------
class GenerateLatexView(CVGeniusAPIView):
    serializer_class = serializers.CVGeniusGenerateLatexRequestSerializer

    @extend_schema(tags=GENIUS_TAGS, responses=serializers.CVGeniusGenerateLatexResponseSerializer)
    def post(self, request):
        """CV Genius JSON → a complete LaTeX document (chains into latex-to-pdf)."""
        data = dict(self.validated())
        template = selectors.template_get(template_id=data.pop("template", None) or "classic")
        rendered = render_cv(cv=cvgenius_to_structured(data), template_id=template.slug, fmt="tex")
        return Response({"latex_content": rendered.content.decode("utf-8")})


class _LatexConvertView(CVGeniusAPIView):
    serializer_class = serializers.CVGeniusLatexRequestSerializer
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
