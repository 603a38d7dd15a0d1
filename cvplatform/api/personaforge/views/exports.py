"""PersonaForge templates, persona export and the export download link."""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from cvplatform.api.downloads import file_response
from cvplatform.api.personaforge.serializers.exports import (
    PersonaForgeExportRequestSerializer,
    PersonaForgeExportResponseSerializer,
    PersonaForgeTemplateDetailSerializer,
    PersonaForgeTemplateSerializer,
)
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from cvplatform.exceptions import ApplicationError, NotFoundError
from exports import selectors, services
from exports.render.options import RenderOptions
from resumes.selectors import persona_structured_cv

PF_TAGS = ["PersonaForge: templates and export"]


def _options(data: dict | None) -> RenderOptions:
    try:
        return RenderOptions.from_request(data)
    except ValueError as exc:  # pydantic's message names the bad option
        raise ApplicationError(f"Invalid export options: {exc}", code="invalid_options") from exc


# --- PersonaForge ------------------------------------------------------------------------------
class PFTemplateListView(PersonaForgeAPIView):
    serializer_class = PersonaForgeTemplateSerializer
    pagination_class = None

    @extend_schema(tags=PF_TAGS, responses=PersonaForgeTemplateSerializer(many=True))
    def get(self, request):
        return Response(self.get_serializer(selectors.template_list(), many=True).data)


class PFTemplateDetailView(PersonaForgeAPIView):
    serializer_class = PersonaForgeTemplateDetailSerializer

    @extend_schema(tags=PF_TAGS)
    def get(self, request, template_id: str):
        return Response(self.get_serializer(selectors.template_get(template_id=template_id)).data)


class PFExportView(PersonaForgeAPIView):
    serializer_class = PersonaForgeExportRequestSerializer

    @extend_schema(tags=PF_TAGS, responses=PersonaForgeExportResponseSerializer)
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
        return Response(PersonaForgeExportResponseSerializer(job, context={"request": request}).data)


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
