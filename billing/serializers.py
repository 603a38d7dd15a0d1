from rest_framework import serializers

from .models import Job, Plan


class PackJobSerializer(serializers.ModelSerializer):
    class Meta:
        model = Job
        fields = ["id", "name", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]


class PackPlanSerializer(serializers.ModelSerializer):
    price = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0, coerce_to_string=False)
    duration = serializers.IntegerField(min_value=1, help_text="Length of the plan in days.")

    class Meta:
        model = Plan
        fields = ["id", "name", "price", "duration", "description", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]
