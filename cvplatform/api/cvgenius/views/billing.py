"""CV Genius pack (jobs and plans: readable by every signed-in user, writable by staff) and
agency clients with their plans (private to the agency user who created them)."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.decorators import action
from rest_framework.response import Response

from billing import selectors, services
from cvplatform.api.base import ServiceCRUDMixin
from cvplatform.api.cvgenius.serializers import billing as serializers
from cvplatform.api.cvgenius.surface import CVGeniusViewSet


class IsStaffOrReadOnly(permissions.BasePermission):
    message = "Only staff can change jobs and plans."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.is_staff


class PackJobViewSet(ServiceCRUDMixin, CVGeniusViewSet):
    permission_classes = [IsStaffOrReadOnly]
    serializer_class = serializers.PackJobSerializer
    queryset = selectors.pack_jobs()

    def create_object(self, data):
        return services.pack_job_save(data=data)

    def update_object(self, instance, data):
        return services.pack_job_save(job=instance, data=data)

    def delete_object(self, instance):
        services.pack_delete(instance=instance)


class PackPlanViewSet(ServiceCRUDMixin, CVGeniusViewSet):
    permission_classes = [IsStaffOrReadOnly]
    serializer_class = serializers.PackPlanSerializer
    queryset = selectors.pack_plans()

    def create_object(self, data):
        return services.pack_plan_save(data=data)

    def update_object(self, instance, data):
        return services.pack_plan_save(plan=instance, data=data)

    def delete_object(self, instance):
        services.pack_delete(instance=instance)


class _OwnedViewSet(ServiceCRUDMixin, CVGeniusViewSet):
    """Agency objects: the queryset is the caller's own, so another user's id is a 404."""

    def owned(self):
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return self.serializer_class.Meta.model.objects.none()
        return self.owned()


class AgencyClientViewSet(_OwnedViewSet):
    serializer_class = serializers.AgencyClientSerializer

    def owned(self):
        return selectors.clients_of(user=self.request.user)

    def create_object(self, data):
        return services.client_create(owner=self.request.user, data=data)

    def update_object(self, instance, data):
        return services.client_update(client=instance, data=data)

    def delete_object(self, instance):
        services.client_delete(client=instance)


class ClientPlanViewSet(_OwnedViewSet):
    serializer_class = serializers.ClientPlanSerializer

    def owned(self):
        return selectors.client_plans_of(user=self.request.user)

    def create_object(self, data):
        return services.client_plan_create(
            owner=self.request.user,
            client=data["client"],
            plan=data["plan"],
            start_date=data.get("start_date"),
        )

    def update_object(self, instance, data):
        return services.client_plan_update(owner=self.request.user, client_plan=instance, data=data)

    def delete_object(self, instance):
        services.client_plan_delete(client_plan=instance)

    @extend_schema(
        parameters=[serializers.ByClientQuerySerializer],
        responses=serializers.ClientPlanSerializer(many=True),
    )
    @action(detail=False, methods=["get"])
    def by_client(self, request):
        query = self.validated(request.query_params, serializer_class=serializers.ByClientQuerySerializer)
        client = selectors.client_get(user=request.user, client_id=query["client_id"])
        plans = self.get_queryset().filter(client=client)
        return Response(self.get_serializer(plans, many=True).data)
