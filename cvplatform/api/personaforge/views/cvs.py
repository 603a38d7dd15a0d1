"""PersonaForge (/pf/): CV upload and extracted data, personas. Every success is 200."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from cvplatform.api.downloads import OwnerOnlyDownloadMixin, serve_stored_file
from cvplatform.api.personaforge.mappings import persona_changes_from_personaforge
from cvplatform.api.personaforge.serializers import cvs as s
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from cvplatform.api.uploads import UploadSizeGuardMixin
from resumes import selectors, services

TAGS = ["PersonaForge: CVs and personas"]


class PFCVUploadView(UploadSizeGuardMixin, PersonaForgeAPIView):
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = s.PFCVUploadInputSerializer

    @extend_schema(tags=TAGS, responses=s.PFCVUploadOutputSerializer)
    def post(self, request):
        """Upload a CV (PDF, DOCX, LaTeX or a zipped project, Markdown, text); small ones parse at once."""
        document = services.cv_document_upload(user=request.user, upload=self.validated()["file"])
        return Response(s.PFCVUploadOutputSerializer(document).data)


class PFCVListView(PersonaForgeAPIView):
    serializer_class = s.PFCVListItemSerializer

    @extend_schema(tags=TAGS, responses=s.PFCVListItemSerializer(many=True))
    def get(self, request):
        documents = selectors.cv_documents_of(user=request.user)
        return Response(self.get_serializer(documents, many=True).data)


class PFCVDetailView(PersonaForgeAPIView):
    serializer_class = s.PFCVDetailSerializer

    def get(self, request, cv_id):
        document = selectors.cv_document_get(user=request.user, cv_id=cv_id)
        return Response(self.get_serializer(document).data)


class PFCVFileView(OwnerOnlyDownloadMixin, PersonaForgeAPIView):
    """The uploaded file itself, for its owner only (a signed link must be theirs and fresh)."""

    download_kind = "cv"

    def find_for_owner(self, user, pk):
        return selectors.cv_document_get(user=user, cv_id=pk)

    @extend_schema(tags=TAGS, responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, cv_id):
        document = self.resolve_download(request, cv_id)
        return serve_stored_file(request, file=document.file, filename=document.original_filename)


class PFPersonaListView(PersonaForgeAPIView):
    serializer_class = s.PFPersonaCreateSerializer

    @extend_schema(tags=TAGS, responses=s.PFPersonaListItemSerializer(many=True))
    def get(self, request):
        personas = selectors.personas_of(user=request.user)
        return Response(s.PFPersonaListItemSerializer(personas, many=True).data)

    @extend_schema(tags=TAGS, responses=s.PFPersonaSerializer)
    def post(self, request):
        """Create a persona from a parsed CV (``base_cv_id``) or from scratch, with overrides."""
        data = self.validated()
        persona = services.persona_create(
            user=request.user,
            title=data["title"],
            base_cv_id=data.get("base_cv_id"),
            changes=persona_changes_from_personaforge(data.get("overrides") or {}),
        )
        return Response(s.PFPersonaSerializer(persona).data)


class PFPersonaDetailView(PersonaForgeAPIView):
    serializer_class = s.PFPersonaFieldsSerializer

    @extend_schema(tags=TAGS, responses=s.PFPersonaSerializer)
    def get(self, request, persona_id):
        persona = selectors.persona_get(user=request.user, persona_id=persona_id)
        return Response(s.PFPersonaSerializer(persona).data)

    @extend_schema(tags=TAGS, responses=s.PFPersonaSerializer)
    def patch(self, request, persona_id):
        persona = selectors.persona_get(user=request.user, persona_id=persona_id)
        persona = services.persona_update(
            persona=persona, changes=persona_changes_from_personaforge(self.validated(partial=True))
        )
        return Response(s.PFPersonaSerializer(persona).data)

    @extend_schema(tags=TAGS, responses=s.PFDeletedSerializer)
    def delete(self, request, persona_id):
        persona = selectors.persona_get(user=request.user, persona_id=persona_id)
        body = s.PFDeletedSerializer(persona).data  # before the delete clears persona.pk
        services.persona_delete(persona=persona)
        return Response(body)
