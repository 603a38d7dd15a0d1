from django.core.validators import EmailValidator
from rest_framework import serializers

from billing.models import Client, ClientPlan, Job, Plan


class PackJobSerializer(serializers.ModelSerializer):
    class Meta:
        model = Job
        fields = ["id", "name", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]


class PackPlanSerializer(serializers.ModelSerializer):
    price = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0, coerce_to_string=False)
    duration = serializers.IntegerField(min_value=1, max_value=3650, help_text="Length of the plan in days.")

    class Meta:
        model = Plan
        fields = ["id", "name", "price", "duration", "description", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]


class AgencyClientSerializer(serializers.ModelSerializer):
    job = serializers.PrimaryKeyRelatedField(queryset=Job.objects.all(), allow_null=True, required=False)
    # The column is optional and stored as "": an e-mail address or nothing, never format-checked
    # when empty (an EmailField would document every answer as an address, "" included).
    email = serializers.CharField(
        allow_blank=True,
        required=False,
        max_length=254,
        help_text="An e-mail address, or empty.",
    )

    class Meta:
        model = Client
        fields = ["id", "name", "email", "phone", "job", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def validate_email(self, value: str) -> str:
        if value:
            EmailValidator()(value)
        return value


class _OwnClientField(serializers.PrimaryKeyRelatedField):
    """Only the caller's clients resolve; another agency's id reads as nonexistent."""

    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return Client.objects.none()
        return Client.objects.filter(owner=request.user)


class ClientPlanSerializer(serializers.ModelSerializer):
    client = _OwnClientField()
    plan = serializers.PrimaryKeyRelatedField(queryset=Plan.objects.all())
    start_date = serializers.DateField(required=False)
    is_active = serializers.SerializerMethodField()

    class Meta:
        model = ClientPlan
        fields = ["id", "client", "plan", "start_date", "end_date", "is_active", "created_at", "updated_at"]
        read_only_fields = ["id", "end_date", "created_at", "updated_at"]

    def get_is_active(self, obj: ClientPlan) -> bool:
        from django.utils import timezone

        return obj.start_date <= timezone.localdate() < obj.end_date


class ByClientQuerySerializer(serializers.Serializer):
    client_id = serializers.IntegerField(
        min_value=1,
        max_value=2**63 - 1,  # the largest id a database can hold: beyond it is a 400, not a crash
        error_messages={"required": "client_id is required", "invalid": "client_id must be an integer"},
    )
