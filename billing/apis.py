"""CV Genius pack: jobs and plans, readable by every signed-in user, writable by staff."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status
from rest_framework.decorators import action
from rest_framework.response import Response

from cvplatform.api.cvgenius import CVGeniusViewSet

from . import selectors, serializers, services


class IsStaffOrReadOnly(permissions.BasePermission):
    message = "Only staff can change jobs and plans."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.is_staff


class _PackViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CVGeniusViewSet):
    """CRUD whose writes go through a ``save`` service: ``save(instance_or_None, data)``."""

    permission_classes = [IsStaffOrReadOnly]

    def save(self, instance, data):
        raise NotImplementedError

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.save(None, serializer.validated_data)
        return Response(self.get_serializer(instance).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return Response(self.get_serializer(self.save(instance, serializer.validated_data)).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def destroy(self, request, pk=None):
        services.pack_delete(instance=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class PackJobViewSet(_PackViewSet):
    serializer_class = serializers.PackJobSerializer
    queryset = selectors.pack_jobs()

    def save(self, instance, data):
        return services.pack_job_save(job=instance, data=data)


class PackPlanViewSet(_PackViewSet):
    serializer_class = serializers.PackPlanSerializer
    queryset = selectors.pack_plans()

    def save(self, instance, data):
        return services.pack_plan_save(plan=instance, data=data)


class _OwnedViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, CVGeniusViewSet):
    """Agency objects: the queryset is the caller's own, so another user's id is a 404."""

    def owned(self):
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return self.serializer_class.Meta.model.objects.none()
        return self.owned()

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def _by_client(self, request, queryset):
        query = serializers.ByClientQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        client = selectors.client_get(user=request.user, client_id=query.validated_data["client_id"])
        return Response(self.get_serializer(queryset.filter(client=client), many=True).data)


class AgencyClientViewSet(_OwnedViewSet):
    serializer_class = serializers.AgencyClientSerializer

    def owned(self):
        return selectors.clients_of(user=self.request.user)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        client = services.client_create(owner=request.user, data=serializer.validated_data)
        return Response(self.get_serializer(client).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        client = self.get_object()
        serializer = self.get_serializer(client, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        client = services.client_update(client=client, data=serializer.validated_data)
        return Response(self.get_serializer(client).data)

    def destroy(self, request, pk=None):
        services.client_delete(client=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClientPlanViewSet(_OwnedViewSet):
    serializer_class = serializers.ClientPlanSerializer

    def owned(self):
        return selectors.client_plans_of(user=self.request.user)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        client_plan = services.client_plan_create(
            owner=request.user, client=data["client"], plan=data["plan"], start_date=data.get("start_date")
        )
        return Response(self.get_serializer(client_plan).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        client_plan = self.get_object()
        serializer = self.get_serializer(client_plan, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        client_plan = services.client_plan_update(
            owner=request.user, client_plan=client_plan, data=serializer.validated_data
        )
        return Response(self.get_serializer(client_plan).data)

    def destroy(self, request, pk=None):
        services.client_plan_delete(client_plan=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(parameters=[serializers.ByClientQuerySerializer])
    @action(detail=False, methods=["get"])
    def by_client(self, request):
        return self._by_client(request, self.get_queryset())
