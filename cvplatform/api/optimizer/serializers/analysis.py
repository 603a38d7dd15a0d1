"""Resume Optimizer score bodies."""

from rest_framework import serializers

from cvplatform.api.analysis import AnalysisFindingSerializer, AnalysisKeywordMatchSerializer


class OptimizerScoreInputSerializer(serializers.Serializer):
    job_description = serializers.CharField(required=False, allow_blank=True, max_length=100_000, default="")


class OptimizerScoreSerializer(serializers.Serializer):
    overall_score = serializers.IntegerField()
    keyword_match = serializers.IntegerField(allow_null=True)
    formatting_score = serializers.IntegerField()
    section_completeness = serializers.IntegerField()
    readability = serializers.IntegerField()
    issues = serializers.ListField(child=serializers.CharField())
    recommendations = serializers.ListField(child=serializers.CharField())
    findings = AnalysisFindingSerializer(many=True)
    weights = serializers.DictField(child=serializers.IntegerField())
    reasons = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    keyword_note = serializers.CharField()
    keyword_details = AnalysisKeywordMatchSerializer(allow_null=True)
    industry = serializers.CharField()
    experience_level = serializers.CharField()
    years_of_experience = serializers.FloatField()
    engine = serializers.CharField()
