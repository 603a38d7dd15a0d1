"""CV Genius analysis and score bodies, read from the engine's ``CVAnalysis``."""

from typing import NamedTuple

from rest_framework import serializers

from cvplatform.api.analysis import (
    AnalysisEnrichmentRefSerializer,
    AnalysisFindingSerializer,
    AnalysisKeywordMatchSerializer,
    AnalysisScoresSerializer,
    AnalysisSectionSerializer,
)
from generation.models import AnalysisEnrichment
from resumes.analysis import CVAnalysis


class CVReview(NamedTuple):
    """What analyze-cv answers: the analysis, and the AI rephrasing job when one was queued."""

    analysis: CVAnalysis
    ai_enrichment: AnalysisEnrichment | None


# Reads a ``CVReview``.
class CVGeniusAnalysisSerializer(serializers.Serializer):
    score = serializers.IntegerField(source="analysis.overall_score", help_text="Overall score, 0-100.")
    strengths = serializers.ListField(child=serializers.CharField(), source="analysis.strengths")
    issues = serializers.ListField(child=serializers.CharField(), source="analysis.issues")
    suggestions = serializers.ListField(child=serializers.CharField(), source="analysis.recommendations")
    sections = serializers.DictField(child=AnalysisSectionSerializer(), source="analysis.sections")
    scores = AnalysisScoresSerializer(source="analysis.scores")
    weights = serializers.DictField(child=serializers.IntegerField(), source="analysis.weights")
    reasons = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), source="analysis.reasons"
    )
    findings = AnalysisFindingSerializer(many=True, source="analysis.findings")
    keyword_match = AnalysisKeywordMatchSerializer(allow_null=True, source="analysis.keyword")
    keyword_note = serializers.CharField(source="analysis.keyword_note")
    industry = serializers.CharField(source="analysis.industry")
    experience_level = serializers.CharField(source="analysis.experience_level")
    years_of_experience = serializers.FloatField(source="analysis.years_of_experience")
    target_role = serializers.CharField(source="analysis.target_role")
    ai_enrichment = AnalysisEnrichmentRefSerializer(
        allow_null=True, help_text="null unless an AI model is configured and enrich is true."
    )


# Reads a ``CVAnalysis``.
class CVGeniusScoreSerializer(serializers.Serializer):
    score = serializers.IntegerField(source="overall_score", help_text="Overall score, 0-100.")
    breakdown = AnalysisScoresSerializer(source="scores")
    weights = serializers.DictField(child=serializers.IntegerField())
    reasons = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    keyword_note = serializers.CharField(help_text="Why keyword match was left out, when it was.")
    # No keyword match (``keyword`` is None) reads as null.
    keyword_against = serializers.CharField(source="keyword.against", allow_null=True)
    issues = serializers.ListField(child=serializers.CharField())
    recommendations = serializers.ListField(child=serializers.CharField())
