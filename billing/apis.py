"""CV Genius pack: jobs and plans, readable by every signed-in user, writable by staff."""

from rest_framework import mixins, permissions, status
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
