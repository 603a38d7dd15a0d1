"""PersonaForge team bodies."""

from rest_framework import serializers

from accounts.models import User


class PFInviteSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PFInviteResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    team_id = serializers.IntegerField()
    status = serializers.CharField()


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


class PFTeamPersonaSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())
    owner_id = serializers.IntegerField()
    owner_name = serializers.CharField()
