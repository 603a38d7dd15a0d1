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
from cvplatform.api.personaforge.views.cvs import persona_body


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
        from resumes import selectors as resume_selectors

        personas = resume_selectors.team_personas_of(user=request.user).select_related("user")
        return Response(
            [
                {
                    **persona_body(persona, full=False),
                    "owner_id": persona.user_id,
                    "owner_name": persona.user.get_full_name() or persona.user.username,
                }
                for persona in personas
            ]
        )


class PFTeamInviteView(PersonaForgeAPIView):
    serializer_class = PFInviteSerializer

    @extend_schema(responses=PFInviteResponseSerializer)
    def post(self, request):
        data = self.validated()
        invite = services.team_invite(inviter=request.user, email=data["email"])
        return Response(
            {"id": invite.pk, "email": invite.email, "team_id": invite.team_id, "status": "pending"}
        )


class PFTeamInviteAcceptView(PersonaForgeAPIView):
    serializer_class = PFInviteAcceptSerializer

    @extend_schema(responses=PFUserSerializer)
    def post(self, request):
        data = self.validated()
        services.team_invite_accept(user=request.user, token=data["token"])
        return Response(PFUserSerializer(request.user).data)
