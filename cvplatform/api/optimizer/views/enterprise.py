"""Resume Optimizer enterprise features: the organisation's API key, configuration, metrics and
export (enterprise tier only: others get 403)."""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response

from accounts import selectors, services
from accounts.models import SubscriptionTier, User
from billing import enterprise
from cvplatform.api.optimizer.serializers.analytics import (
    OptimizerEnterpriseMetricsSerializer,
    OptimizerTimeframeSerializer,
)
from cvplatform.api.optimizer.serializers.auth import ApiKeyResponseSerializer, IssuedApiKey
from cvplatform.api.optimizer.serializers.enterprise import (
    OptimizerEnterpriseConfigSerializer,
    OptimizerExportQuerySerializer,
    OptimizerExportRecordSerializer,
    OptimizerExportSerializer,
)
from cvplatform.api.optimizer.surface import OptimizerAPIView
from cvplatform.exceptions import ApplicationError
from generation import analytics
from generation.chat import selectors as chat_selectors

TAGS = ["Resume Optimizer: enterprise"]


def _require_enterprise(user: User) -> None:
    if user.subscription_tier != SubscriptionTier.ENTERPRISE:
        raise ApplicationError(
            "API keys are an enterprise feature; upgrade the subscription to use them.",
            code="enterprise_only",
            status_code=403,
        )


class OptimizerApiKeyView(OptimizerAPIView):
    """The enterprise API key. The full key is shown once: when it is first created here, or
    by ``regenerate``; afterwards only its prefix."""

    serializer_class = ApiKeyResponseSerializer

    def get(self, request):
        _require_enterprise(request.user)
        api_key = selectors.api_keys_of(user=request.user).filter(name="enterprise").first()
        plaintext = None
        if api_key is None:
            api_key, plaintext = services.api_key_create(user=request.user, name="enterprise")
        return Response(self.get_serializer(IssuedApiKey(key=api_key, plaintext=plaintext)).data)


class OptimizerApiKeyRegenerateView(OptimizerAPIView):
    serializer_class = ApiKeyResponseSerializer

    @extend_schema(request=None)
    def post(self, request):
        _require_enterprise(request.user)
        api_key, plaintext = services.api_key_regenerate(user=request.user, name="enterprise")
        return Response(self.get_serializer(IssuedApiKey(key=api_key, plaintext=plaintext)).data)


# --- the organisation: configuration, metrics, export ------------------------------------------
class OptimizerEnterpriseConfigView(OptimizerAPIView):
    serializer_class = OptimizerEnterpriseConfigSerializer

    @extend_schema(tags=TAGS)
    def get(self, request):
        """Your organisation's settings (enterprise tier)."""
        enterprise.enterprise_require(user=request.user)
        return Response(self.get_serializer(enterprise.enterprise_config_get(user=request.user)).data)

    @extend_schema(tags=TAGS)
    def put(self, request):
        """Change the settings sent (the organisation's owner only); the others stay."""
        enterprise.enterprise_require(user=request.user)
        config = enterprise.enterprise_config_update(
            user=request.user,
            data=self.validated(),
            known_types=chat_selectors.optimization_type_keys(),
        )
        return Response(self.get_serializer(config).data)


class OptimizerEnterpriseMetricsView(OptimizerAPIView):
    serializer_class = OptimizerEnterpriseMetricsSerializer

    @extend_schema(tags=TAGS, parameters=[OptimizerTimeframeSerializer])
    def get(self, request):
        """Activity across the organisation's members in the timeframe (enterprise tier)."""
        enterprise.enterprise_require(user=request.user)
        query = self.validated(request.query_params, serializer_class=OptimizerTimeframeSerializer)
        metrics = analytics.enterprise_metrics(user=request.user, timeframe=query["timeframe"])
        return Response(self.get_serializer(metrics).data)


class _IgnoreFormatParameter(DefaultContentNegotiation):
    """``?format=`` here names the export's format, not a renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


CSV_FIELDS = ["record", "id", "member", "created_at", "title", "kind", "score", "detail"]


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell a spreadsheet would run as a formula is kept as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_rows(records):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"  # the byte-order mark spreadsheets read as UTF-8
    writer.writerow(CSV_FIELDS)
    for record in records:
        data = OptimizerExportRecordSerializer(record).data
        writer.writerow([_cell(data[name]) for name in CSV_FIELDS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _json_chunks(organisation: str, records):
    head = {"organisation": organisation, "exported_at": timezone.now()}
    yield json.dumps(head, cls=DjangoJSONEncoder)[:-1] + ', "records": ['
    for position, record in enumerate(records):
        prefix = "," if position else ""
        yield prefix + json.dumps(OptimizerExportRecordSerializer(record).data, cls=DjangoJSONEncoder)
    yield "]}"


class OptimizerEnterpriseExportView(OptimizerAPIView):
    serializer_class = OptimizerExportQuerySerializer
    content_negotiation_class = _IgnoreFormatParameter

    @extend_schema(
        tags=TAGS,
        parameters=[OptimizerExportQuerySerializer],
        responses={
            (200, "application/json"): OptimizerExportSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
        },
    )
    def get(self, request):
        """All of the organisation's data, streamed: JSON, or CSV (one row per record, as a
        spreadsheet opens it); any other format is a 422."""
        enterprise.enterprise_require(user=request.user)
        chosen = self.validated(request.query_params)["format"]
        records = analytics.enterprise_export(user=request.user)
        stamp = timezone.now().strftime("%Y%m%d")
        if chosen == "csv":
            response = StreamingHttpResponse(_csv_rows(records), content_type="text/csv; charset=utf-8")
        else:
            name = enterprise.enterprise_config_get(user=request.user).name
            response = StreamingHttpResponse(_json_chunks(name, records), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="organisation-export-{stamp}.{chosen}"'
        return response
