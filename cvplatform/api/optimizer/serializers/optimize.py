"""Resume Optimizer: optimisation requests, results and the catalogue of types."""

from rest_framework import serializers

from cvplatform.api.analysis import AnalysisKeywordMatchSerializer


class OptimizerOptimizeInputSerializer(serializers.Serializer):
    resume_id = serializers.IntegerField()
    optimization_type = serializers.CharField(max_length=64)
    job_title = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")
    job_description = serializers.CharField(required=False, allow_blank=True, max_length=100_000, default="")


class OptimizerOptimizationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    resume_id = serializers.IntegerField(allow_null=True)
    optimization_type = serializers.CharField()
    job_title = serializers.CharField()
    suggestions = serializers.ListField(child=serializers.CharField())
    rewritten = serializers.DictField(
        child=serializers.CharField(), help_text="Rewritten text by section (summary, skills, experience…)."
    )
    changes = serializers.ListField(child=serializers.CharField())
    keyword_match = AnalysisKeywordMatchSerializer(allow_null=True)
    score_before = serializers.IntegerField()
    score_after = serializers.IntegerField()
    optimized_cv = serializers.JSONField(help_text="The CV with the safe rewrites applied (JSON Resume).")
    optimizations_this_month = serializers.IntegerField()
    optimizations_limit = serializers.IntegerField(allow_null=True, help_text="null: unlimited")
    created_at = serializers.DateTimeField()


class OptimizerOptimizationTypeSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    description = serializers.CharField()
    uses_job = serializers.BooleanField(help_text="Uses job_title / job_description when given.")
