"""Resume Optimizer analytics and enterprise metrics: each reads a dataclass of
``generation.analytics``."""

from rest_framework import serializers

TIMEFRAME_CHOICES = ["7d", "30d", "90d", "1y"]


class OptimizerTimeframeSerializer(serializers.Serializer):
    timeframe = serializers.ChoiceField(choices=TIMEFRAME_CHOICES, default="30d")


class OptimizerUserAnalyticsSerializer(serializers.Serializer):
    total_resumes = serializers.IntegerField()
    total_optimizations = serializers.IntegerField()
    total_chat_sessions = serializers.IntegerField()
    subscription_tier = serializers.CharField()
    optimizations_this_month = serializers.IntegerField()
    optimizations_limit = serializers.IntegerField(allow_null=True, help_text="null: unlimited")
    most_used_optimization = serializers.CharField(allow_null=True)
    average_ats_score = serializers.FloatField(allow_null=True, help_text="Mean ATS score of your resumes.")
    score_improvement = serializers.FloatField(
        help_text="Per resume with optimisations: the last optimisation's score_after minus the first "
        "one's score_before; averaged over those resumes (0 when none)."
    )


class OptimizerUsagePointSerializer(serializers.Serializer):
    period_start = serializers.DateField(help_text="The day, or the Monday of the week.")
    resumes = serializers.IntegerField()
    optimizations = serializers.IntegerField()
    chat_sessions = serializers.IntegerField()
    chat_messages = serializers.IntegerField()


class OptimizerUsageSerializer(serializers.Serializer):
    timeframe = serializers.CharField()
    granularity = serializers.ChoiceField(
        choices=["day", "week"], help_text="day for 7d/30d, week for 90d/1y"
    )
    start = serializers.DateField()
    end = serializers.DateField()
    resumes = serializers.IntegerField()
    optimizations = serializers.IntegerField()
    chat_sessions = serializers.IntegerField()
    chat_messages = serializers.IntegerField()
    series = OptimizerUsagePointSerializer(many=True)


class OptimizerBucketSerializer(serializers.Serializer):
    name = serializers.CharField()
    count = serializers.IntegerField()


class OptimizerResumeRowSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="document.pk")
    title = serializers.CharField(source="document.title")
    ats_score = serializers.FloatField(source="document.ats_score", allow_null=True)
    industry = serializers.CharField(source="document.industry")
    experience_level = serializers.CharField(source="document.experience_level")
    optimizations = serializers.IntegerField()
    first_score = serializers.IntegerField(allow_null=True)
    last_score = serializers.IntegerField(allow_null=True)
    improvement = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField(source="document.created_at")


class OptimizerResumeStatsSerializer(serializers.Serializer):
    total_resumes = serializers.IntegerField()
    parsed_resumes = serializers.IntegerField()
    average_ats_score = serializers.FloatField(allow_null=True)
    best_ats_score = serializers.FloatField(allow_null=True)
    by_industry = OptimizerBucketSerializer(many=True)
    by_experience_level = OptimizerBucketSerializer(many=True)
    resumes = OptimizerResumeRowSerializer(many=True)


class OptimizerTypeStatsSerializer(serializers.Serializer):
    optimization_type = serializers.CharField()
    count = serializers.IntegerField()
    average_gain = serializers.FloatField(help_text="Mean score_after minus score_before.")


class OptimizerRecentOptimizationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    resume_id = serializers.IntegerField(source="document_id", allow_null=True)
    optimization_type = serializers.CharField()
    job_title = serializers.CharField()
    score_before = serializers.IntegerField()
    score_after = serializers.IntegerField()
    created_at = serializers.DateTimeField()


class OptimizerOptimizationStatsSerializer(serializers.Serializer):
    total_optimizations = serializers.IntegerField()
    optimizations_this_month = serializers.IntegerField()
    optimizations_limit = serializers.IntegerField(allow_null=True, help_text="null: unlimited")
    most_used_optimization = serializers.CharField(allow_null=True)
    average_score_before = serializers.FloatField(allow_null=True)
    average_score_after = serializers.FloatField(allow_null=True)
    by_type = OptimizerTypeStatsSerializer(many=True)
    recent = OptimizerRecentOptimizationSerializer(many=True)


class OptimizerMemberStatsSerializer(serializers.Serializer):
    user_id = serializers.IntegerField(source="user.pk")
    email = serializers.EmailField(source="user.email")
    resumes = serializers.IntegerField()
    optimizations = serializers.IntegerField()
    chat_sessions = serializers.IntegerField()


class OptimizerEnterpriseMetricsSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    members = serializers.IntegerField()
    active_members = serializers.IntegerField(help_text="Members with any activity in the timeframe.")
    average_ats_score = serializers.FloatField(allow_null=True)
    usage = OptimizerUsageSerializer()
    by_type = OptimizerTypeStatsSerializer(many=True)
    by_member = OptimizerMemberStatsSerializer(many=True)
