"""Resume Optimizer analytics: aggregates of your own resumes, optimisations and chats."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.optimizer.serializers import analytics as s
from cvplatform.api.optimizer.surface import OptimizerAPIView
from generation import analytics

TAGS = ["Resume Optimizer: analytics"]


class OptimizerUserAnalyticsView(OptimizerAPIView):
    serializer_class = s.OptimizerUserAnalyticsSerializer

    @extend_schema(tags=TAGS)
    def get(self, request):
        """Your totals, this month's allowance, average ATS score and score improvement."""
        return Response(self.get_serializer(analytics.user_analytics(user=request.user)).data)


class OptimizerUsageAnalyticsView(OptimizerAPIView):
    serializer_class = s.OptimizerUsageSerializer

    @extend_schema(tags=TAGS, parameters=[s.OptimizerTimeframeSerializer])
    def get(self, request):
        """Your activity per day (7d, 30d) or per week (90d, 1y); any other timeframe is a 422."""
        query = self.validated(request.query_params, serializer_class=s.OptimizerTimeframeSerializer)
        report = analytics.usage_report(users=[request.user], timeframe=query["timeframe"])
        return Response(self.get_serializer(report).data)


class OptimizerResumeAnalyticsView(OptimizerAPIView):
    serializer_class = s.OptimizerResumeStatsSerializer

    @extend_schema(tags=TAGS)
    def get(self, request):
        """Your resumes' scores, industries and levels, and what optimising did to each."""
        return Response(self.get_serializer(analytics.resume_stats(user=request.user)).data)


class OptimizerOptimizationAnalyticsView(OptimizerAPIView):
    serializer_class = s.OptimizerOptimizationStatsSerializer

    @extend_schema(tags=TAGS)
    def get(self, request):
        """Your optimisations by type, their average gain, and the latest ten."""
        return Response(self.get_serializer(analytics.optimization_stats(user=request.user)).data)
