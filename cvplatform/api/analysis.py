"""Serializers of the CV analysis that several surfaces answer (findings, keyword match,
scores, sections, enrichment)."""

from rest_framework import serializers


class AnalysisCVTextSerializer(serializers.Serializer):
    cv_text = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=200_000)
    job_description = serializers.CharField(required=False, allow_blank=True, max_length=100_000)


class AnalysisReviewInputSerializer(AnalysisCVTextSerializer):
    enrich = serializers.BooleanField(
        required=False,
        default=True,
        help_text="When an AI model is configured, also queue its rephrasing (see ai_enrichment).",
    )


class AnalysisEnrichmentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField(help_text="processing | completed | failed")
    url = serializers.CharField(help_text="Poll this for the AI model's wording.")


class AnalysisEnrichmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField(help_text="processing | completed | failed")
    score = serializers.IntegerField(
        help_text="The deterministic overall score (the model never changes it)."
    )
    scores = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    model = serializers.CharField()
    strengths = serializers.ListField(child=serializers.CharField())
    issues = serializers.ListField(child=serializers.CharField())
    suggestions = serializers.ListField(child=serializers.CharField())
    error = serializers.CharField()


class AnalysisFindingSerializer(serializers.Serializer):
    category = serializers.CharField(help_text="keywords | formatting | sections | readability | integrity")
    severity = serializers.CharField(help_text="high | medium | low")
    section = serializers.CharField()
    message = serializers.CharField()
    recommendation = serializers.CharField()
    field = serializers.CharField(help_text="Where in the structured CV, e.g. work[0].highlights[1].")
    keyword = serializers.CharField()


class AnalysisKeywordMatchSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    against = serializers.CharField()
    matched_required = serializers.ListField(child=serializers.CharField())
    missing_required = serializers.ListField(child=serializers.CharField())
    matched_preferred = serializers.ListField(child=serializers.CharField())
    missing_preferred = serializers.ListField(child=serializers.CharField())
    listed_only = serializers.ListField(child=serializers.CharField())
    matched_keywords = serializers.ListField(child=serializers.CharField())
    missing_keywords = serializers.ListField(child=serializers.CharField())
    years_required = serializers.IntegerField(allow_null=True)
    years_found = serializers.FloatField()
    missing_qualifications = serializers.ListField(child=serializers.CharField())
    reasons = serializers.ListField(child=serializers.CharField())


class AnalysisScoresSerializer(serializers.Serializer):
    keyword_match = serializers.IntegerField(allow_null=True)
    formatting = serializers.IntegerField()
    section_completeness = serializers.IntegerField()
    readability = serializers.IntegerField()


class AnalysisSectionSerializer(serializers.Serializer):
    present = serializers.BooleanField()
    feedback = serializers.CharField()
