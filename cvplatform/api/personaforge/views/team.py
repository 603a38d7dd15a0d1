"""PersonaForge teams: members, shared personas, invitations."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from accounts import selectors, services
from cvplatform.api.personaforge.serializers.auth import PFUserSerializer
from cvplatform.api.personaforge.serializers.team import (
    PFInviteAcceptSerializer,
    PFInviteResponseSerializer,
    PFInviteSerializer,
    PFTeamMemberSerializer,
    PFTeamPersonaSerializer,
)
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from resumes import selectors as resume_selectors


# --- PersonaForge teams ---------------------------------------------------------------------------
class PFTeamMembersView(PersonaForgeAPIView):
    serializer_class = PFTeamMemberSerializer

    @extend_schema(responses=PFTeamMemberSerializer(many=True))
    def get(self, request):
        members = selectors.team_members_of(user=request.user).select_related("team")
        return Response(PFTeamMemberSerializer(members, many=True).data)


class PFTeamPersonasView(PersonaForgeAPIView):
    serializer_class = PFTeamPersonaSerializer

    @extend_schema(responses=PFTeamPersonaSerializer(many=True))
    def get(self, request):
        personas = resume_selectors.team_personas_of(user=request.user).select_related("user")
        return Response(self.get_serializer(personas, many=True).data)


class PFTeamInviteView(PersonaForgeAPIView):
    serializer_class = PFInviteSerializer

    @extend_schema(responses=PFInviteResponseSerializer)
    def post(self, request):
        data = self.validated()
        invite = services.team_invite(inviter=request.user, email=data["email"])
        return Response(PFInviteResponseSerializer(invite).data)


class PFTeamInviteAcceptView(PersonaForgeAPIView):
    error_statuses = (404,)
    serializer_class = PFInviteAcceptSerializer

    @extend_schema(responses=PFUserSerializer)
    def post(self, request):
        data = self.validated()
        services.team_invite_accept(user=request.user, token=data["token"])
        return Response(PFUserSerializer(request.user).data)
