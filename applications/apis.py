"""ResuMate job-application tracking: owner-only CRUD with soft delete, public examples."""

from rest_framework import mixins, permissions, status
from rest_framework.response import Response

from cvplatform.api.resumate import ResuMateViewSet

from . import selectors, serializers, services
from .models import JobApplication


class JobApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ResuMateViewSet):
    serializer_class = serializers.JobApplicationSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return JobApplication.objects.none()
        # Another user's application is simply not in the queryset: 404, never its data.
        return selectors.job_applications_of(user=self.request.user)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = services.job_application_create(user=request.user, data=serializer.validated_data)
        return Response(self.get_serializer(application).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        application = self.get_object()
        serializer = self.get_serializer(application, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        application = services.job_application_update(application=application, data=serializer.validated_data)
        return Response(self.get_serializer(application).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def destroy(self, request, pk=None):
        services.job_application_delete(application=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExampleJobApplicationViewSet(mixins.ListModelMixin, ResuMateViewSet):
    """Up to five sample applications for demos; no sign-in needed."""

    permission_classes = [permissions.AllowAny]
    serializer_class = serializers.JobApplicationSerializer

    def get_queryset(self):
        return selectors.example_job_applications()
