"""Resume Optimizer: optimisation requests, results and the catalogue of types."""

from rest_framework import serializers

from cvplatform.api.analysis import AnalysisKeywordMatchSerializer
from cvplatform.api.parsers import BoundedJSONField
from generation import selectors
from generation.models import Optimization


class OptimizerOptimizeInputSerializer(serializers.Serializer):
    resume_id = serializers.IntegerField()
    optimization_type = serializers.CharField(max_length=64)
    job_title = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")
    job_description = serializers.CharField(required=False, allow_blank=True, max_length=100_000, default="")


# Reads an ``Optimization`` row; what the optimiser wrote is in its ``result``.
class OptimizerOptimizationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    resume_id = serializers.IntegerField(source="document_id", allow_null=True)
    optimization_type = serializers.CharField()
    job_title = serializers.CharField()
    suggestions = serializers.ListField(
        child=serializers.CharField(), source="result.suggestions", read_only=True, default=list
    )
    rewritten = serializers.DictField(
        child=serializers.CharField(),
        source="result.rewritten",
        read_only=True,
        default=dict,
        help_text="Rewritten text by section (summary, skills, experience…).",
    )
    changes = serializers.ListField(
        child=serializers.CharField(), source="result.changes", read_only=True, default=list
    )
    keyword_match = AnalysisKeywordMatchSerializer(source="result.keyword_match", allow_null=True)
    score_before = serializers.IntegerField()
    score_after = serializers.IntegerField()
    optimized_cv = BoundedJSONField(
        source="result.optimized_cv",
        read_only=True,
        default=dict,
        help_text="The CV with the safe rewrites applied (JSON Resume).",
    )
    optimizations_this_month = serializers.SerializerMethodField()
    optimizations_limit = serializers.SerializerMethodField(help_text="null: unlimited")
    created_at = serializers.DateTimeField()

    def get_optimizations_this_month(self, optimization: Optimization) -> int:
        return selectors.optimizations_this_month(user=optimization.user)

    def get_optimizations_limit(self, optimization: Optimization) -> int | None:
        return selectors.optimization_limit(user=optimization.user)


class OptimizerOptimizationTypeSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    description = serializers.CharField()
    uses_job = serializers.BooleanField(help_text="Uses job_title / job_description when given.")
