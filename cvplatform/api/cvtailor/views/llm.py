from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from cvplatform.api.cvtailor.serializers.llm import (
    TailorAIModelSerializer,
    TailorCircuitBreakersSerializer,
    TailorCostTrackingSerializer,
    TailorEmbeddingSerializer,
    TailorJobEmbeddingCreateSerializer,
    TailorModelStatsSerializer,
    TailorPerformanceMetricsSerializer,
    TailorSelectModelRequestSerializer,
    TailorSelectModelResponseSerializer,
    TailorSystemHealthSerializer,
)
from cvplatform.api.cvtailor.surface import CVTailorAPIView
from cvplatform.exceptions import NotFoundError
from llm import selectors, services
from llm.models import EmbeddingKind

HOURS = OpenApiParameter("hours", int, description="Look-back window in hours (1-720).")


DAYS = OpenApiParameter("days", int, description="Look-back window in days (1-366).")


SCOPE = OpenApiParameter("scope", str, enum=["user", "all"], description="Staff only: `all` users.")


QUERY = OpenApiParameter("q", str, description="Rank results by similarity to this text.")


class _WindowQuery(serializers.Serializer):
    hours = serializers.IntegerField(min_value=1, max_value=720, required=False)
    days = serializers.IntegerField(min_value=1, max_value=366, required=False, default=30)
    scope = serializers.ChoiceField(choices=["user", "all"], required=False, default="user")
    q = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    job = serializers.IntegerField(required=False, min_value=1)


def _query(request) -> dict:
    query = _WindowQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


def _scope(request, asked: str) -> str:
    """Whose calls a report counts: ``all`` users' for staff who ask, else the caller's."""
    return "all" if asked == "all" and request.user.is_staff else "user"


# A report on the AI calls: the selector's rows, serialized with what the caller asked for
# (the window, whose calls) in the serializer's context, since the report echoes them. (A
# comment, not a docstring: the schema would show a view's docstring to API users.)
class _ReportView(CVTailorAPIView):
    def report(self, rows, **asked) -> Response:
        context = {**self.get_serializer_context(), **asked}
        return Response(self.get_serializer(rows, context=context).data)


# --- CV Tailor --------------------------------------------------------------------------------
class TailorAvailableModelsView(CVTailorAPIView):
    serializer_class = TailorAIModelSerializer

    @extend_schema(responses={200: TailorAIModelSerializer(many=True)})
    def get(self, request):
        """Usable models first (key configured, breaker not open), then the rest, each marked."""
        page = self.paginate_queryset(selectors.ai_models_usable_first())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class TailorSelectModelView(CVTailorAPIView):
    serializer_class = TailorSelectModelRequestSerializer

    @extend_schema(responses={200: TailorSelectModelResponseSerializer})
    def post(self, request):
        model = services.model_select(user=request.user, name=self.validated()["model"])
        return Response(TailorSelectModelResponseSerializer(model, context={"request": request}).data)


class TailorModelStatsView(_ReportView):
    """Calls, success rate, failovers, tokens and cost per model: your own calls (staff: ``scope=all``)."""

    serializer_class = TailorModelStatsSerializer

    @extend_schema(parameters=[HOURS, SCOPE])
    def get(self, request):
        query = _query(request)
        scope = _scope(request, query["scope"])
        stats = selectors.model_stats(hours=query.get("hours"), user=None if scope == "all" else request.user)
        window = query.get("hours") or selectors.conf.metrics_window_hours()
        return self.report(stats, window_hours=window, scope=scope)


class TailorSystemHealthView(CVTailorAPIView):
    serializer_class = TailorSystemHealthSerializer

    def get(self, request):
        return Response(self.get_serializer(selectors.system_health()).data)


class TailorPerformanceMetricsView(CVTailorAPIView):
    """p50/p95 latency of successful calls, success rate and error classes per model: your own
    calls (staff: everyone's)."""

    serializer_class = TailorPerformanceMetricsSerializer

    @extend_schema(parameters=[HOURS])
    def get(self, request):
        query = _query(request)
        user = None if request.user.is_staff else request.user
        return Response(
            self.get_serializer(selectors.performance_metrics(hours=query.get("hours"), user=user)).data
        )


class TailorCircuitBreakersView(CVTailorAPIView):
    serializer_class = TailorCircuitBreakersSerializer

    def get(self, request):
        return Response(self.get_serializer(selectors.circuit_breakers()).data)


class TailorCostTrackingView(_ReportView):
    """Calls, tokens and cost per day and model: yours (staff: every user with ``scope=all``)."""

    serializer_class = TailorCostTrackingSerializer

    @extend_schema(parameters=[DAYS, SCOPE])
    def get(self, request):
        query = _query(request)
        scope = _scope(request, query["scope"])
        rows = selectors.cost_tracking(user=None if scope == "all" else request.user, days=query["days"])
        return self.report(rows, days=query["days"], scope=scope)


class _EmbeddingListMixin:
    def ranked_page(self, request, rows, query_text: str):
        scores = {}
        if query_text.strip():
            ranked = selectors.similar_texts(query=query_text, rows=rows, user=request.user, limit=100)
            scores = {row.pk: score for row, score in ranked}
            rows = [row for row, _ in ranked]
        page = self.paginate_queryset(rows)
        data = TailorEmbeddingSerializer(page, many=True, context={"scores": scores}).data
        return self.get_paginated_response(data)


class TailorJobEmbeddingsView(_EmbeddingListMixin, CVTailorAPIView):
    """Your stored job-description embeddings; ``?q=`` ranks them by similarity to a text.
    POST stores a job description's embedding for later similarity search."""

    serializer_class = TailorEmbeddingSerializer

    def get_queryset(self):
        return selectors.embedding_list(user=self.request.user, kind=EmbeddingKind.JOB_DESCRIPTION)

    @extend_schema(parameters=[QUERY], responses={200: TailorEmbeddingSerializer(many=True)})
    def get(self, request):
        return self.ranked_page(request, self.get_queryset(), _query(request)["q"])

    @extend_schema(request=TailorJobEmbeddingCreateSerializer, responses={201: TailorEmbeddingSerializer})
    def post(self, request):
        data = self.validated(serializer_class=TailorJobEmbeddingCreateSerializer)
        source_id = data["source_id"]
        row = services.embedding_store(
            text=data["text"],
            user=request.user,
            kind=EmbeddingKind.JOB_DESCRIPTION,
            source_type="job_description" if source_id else "",
            source_id=source_id,
            label=data["label"],
        )
        return Response(TailorEmbeddingSerializer(row).data, status=status.HTTP_201_CREATED)


class TailorEnhancedArtifactsView(_EmbeddingListMixin, CVTailorAPIView):
    """Your artifacts' stored embeddings; ``?job=<job embedding id>`` or ``?q=`` ranks them by
    similarity to that job description or text."""

    serializer_class = TailorEmbeddingSerializer
    JOB = OpenApiParameter("job", int, description="Id of one of your job embeddings to rank against.")

    def get_queryset(self):
        return selectors.embedding_list(user=self.request.user, kind=EmbeddingKind.ARTIFACT)

    @extend_schema(parameters=[QUERY, JOB], responses={200: TailorEmbeddingSerializer(many=True)})
    def get(self, request):
        query = _query(request)
        text = query["q"]
        if query.get("job"):
            job = (
                selectors.embedding_list(user=request.user, kind=EmbeddingKind.JOB_DESCRIPTION)
                .filter(pk=query["job"])
                .first()
            )
            if job is None:
                raise NotFoundError("No such job embedding.")
            text = job.text
        return self.ranked_page(request, self.get_queryset(), text)
