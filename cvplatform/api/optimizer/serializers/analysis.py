"""Resume Optimizer score bodies."""

from rest_framework import serializers

from cvplatform.api.analysis import AnalysisFindingSerializer, AnalysisKeywordMatchSerializer
from resumes.analysis import CVAnalysis
from resumes.analysis.engine import ENGINE_VERSION


class OptimizerScoreInputSerializer(serializers.Serializer):
    job_description = serializers.CharField(required=False, allow_blank=True, max_length=100_000, default="")


# Reads a ``CVAnalysis``: Resume Optimizer names each score at the top level.
class OptimizerScoreSerializer(serializers.Serializer):
    overall_score = serializers.IntegerField()
    keyword_match = serializers.IntegerField(source="scores.keyword_match", allow_null=True)
    formatting_score = serializers.IntegerField(source="scores.formatting")
    section_completeness = serializers.IntegerField(source="scores.section_completeness")
    readability = serializers.IntegerField(source="scores.readability")
    issues = serializers.ListField(child=serializers.CharField())
    recommendations = serializers.ListField(child=serializers.CharField())
    findings = AnalysisFindingSerializer(many=True)
    weights = serializers.DictField(child=serializers.IntegerField())
    reasons = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    keyword_note = serializers.CharField()
    keyword_details = AnalysisKeywordMatchSerializer(source="keyword", allow_null=True)
    industry = serializers.CharField()
    experience_level = serializers.CharField()
    years_of_experience = serializers.FloatField()
    engine = serializers.SerializerMethodField()

    def get_engine(self, analysis: CVAnalysis) -> str:
        return ENGINE_VERSION
