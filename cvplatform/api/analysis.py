"""Serializers of the CV analysis that several surfaces answer (findings, keyword match,
scores, sections, enrichment). They read the engine's result objects (``CVAnalysis``,
``Finding``, ``KeywordResult``) and the ``AnalysisEnrichment`` job row as they are."""

from django.urls import reverse
from rest_framework import serializers

# A job's status in the words an analysis answers with; anything unfinished is "processing".
ENRICHMENT_STATUS = {"SUCCESS": "completed", "FAILURE": "failed"}


class AnalysisCVTextSerializer(serializers.Serializer):
    cv_text = serializers.CharField(allow_blank=True, trim_whitespace=False, max_length=200_000)
    job_description = serializers.CharField(required=False, allow_blank=True, max_length=100_000)


class AnalysisReviewInputSerializer(AnalysisCVTextSerializer):
    enrich = serializers.BooleanField(
        required=False,
        default=True,
        help_text="When an AI model is configured, also queue its rephrasing (see ai_enrichment).",
    )


class EnrichmentStatusField(serializers.CharField):
    """An ``AnalysisEnrichment`` job's status as processing | completed | failed."""

    def to_representation(self, value) -> str:
        return ENRICHMENT_STATUS.get(value, "processing")


# Where to poll an ``AnalysisEnrichment`` job (CV Genius mounts the polling route).
class AnalysisEnrichmentRefSerializer(serializers.Serializer):
    route = "cvgenius:cvgenius-analyze-cv-enrichment"

    id = serializers.IntegerField()
    status = EnrichmentStatusField(help_text="processing | completed | failed")
    url = serializers.SerializerMethodField(help_text="Poll this for the AI model's wording.")

    def get_url(self, job) -> str:
        return reverse(self.route, args=[job.pk])


# An ``AnalysisEnrichment`` job: the engine's scores and, once done, the model's wording.
class AnalysisEnrichmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = EnrichmentStatusField(help_text="processing | completed | failed")
    score = serializers.IntegerField(
        source="overall_score", help_text="The deterministic overall score (the model never changes it)."
    )
    scores = serializers.DictField(child=serializers.IntegerField(allow_null=True))
    model = serializers.CharField(source="model_label")
    # The model's words are in ``result`` only once the job finished: empty lists until then.
    strengths = serializers.ListField(
        child=serializers.CharField(), source="result.strengths", read_only=True, default=list
    )
    issues = serializers.ListField(
        child=serializers.CharField(), source="result.issues", read_only=True, default=list
    )
    suggestions = serializers.ListField(
        child=serializers.CharField(), source="result.suggestions", read_only=True, default=list
    )
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
