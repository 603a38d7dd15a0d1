"""PersonaForge team bodies."""

from rest_framework import serializers

from accounts.models import Invite, User
from cvplatform.api.personaforge.serializers.cvs import PFPersonaListItemSerializer
from resumes.models import Persona


class PFInviteSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PFInviteResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    team_id = serializers.IntegerField()
    status = serializers.SerializerMethodField()

    def get_status(self, invite: Invite) -> str:
        return "pending" if invite.accepted_at is None else "accepted"


class PFInviteAcceptSerializer(serializers.Serializer):
    token = serializers.CharField()


class PFTeamMemberSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="get_full_name", read_only=True)
    plan = serializers.CharField(source="subscription_tier", read_only=True)
    is_owner = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "name", "email", "plan", "is_owner"]

    def get_is_owner(self, user: User) -> bool:
        return user.team is not None and user.team.owner_id == user.pk


class PFTeamPersonaSerializer(PFPersonaListItemSerializer):
    owner_id = serializers.IntegerField(source="user_id")
    owner_name = serializers.SerializerMethodField()

    def get_owner_name(self, persona: Persona) -> str:
        return persona.user.get_full_name() or persona.user.username
