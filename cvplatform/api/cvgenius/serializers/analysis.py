"""CV Genius analysis and score bodies."""

from rest_framework import serializers

from cvplatform.api.analysis import (
    AnalysisEnrichmentRefSerializer,
    AnalysisFindingSerializer,
    AnalysisKeywordMatchSerializer,
    AnalysisScoresSerializer,
    AnalysisSectionSerializer,
)


class CVGeniusAnalysisSerializer(serializers.Serializer):
    score = serializers.IntegerField(help_text="Overall score, 0-100.")
    strengths = serializers.ListField(child=serializers.CharField())
    issues = serializers.ListField(child=serializers.CharField())
    suggestions = serializers.ListField(child=serializers.CharField())
    sections = serializers.DictField(child=AnalysisSectionSerializer())
    scores = AnalysisScoresSerializer()
    weights = serializers.DictField(child=serializers.IntegerField())
    reasons = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    findings = AnalysisFindingSerializer(many=True)
    keyword_match = AnalysisKeywordMatchSerializer(allow_null=True)
    keyword_note = serializers.CharField()
    industry = serializers.CharField()
    experience_level = serializers.CharField()
    years_of_experience = serializers.FloatField()
    target_role = serializers.CharField()
    ai_enrichment = AnalysisEnrichmentRefSerializer(
        allow_null=True, help_text="null unless an AI model is configured and enrich is true."
    )


class CVGeniusScoreSerializer(serializers.Serializer):
    score = serializers.IntegerField(help_text="Overall score, 0-100.")
    breakdown = AnalysisScoresSerializer()
    weights = serializers.DictField(child=serializers.IntegerField())
    reasons = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    keyword_note = serializers.CharField(help_text="Why keyword match was left out, when it was.")
    keyword_against = serializers.CharField(allow_null=True)
    issues = serializers.ListField(child=serializers.CharField())
    recommendations = serializers.ListField(child=serializers.CharField())
