"""ResuMate job-application tracking: owner-only CRUD with soft delete, public examples."""

from rest_framework import mixins, permissions

from applications import selectors, services
from applications.models import JobApplication
from cvplatform.api.base import ServiceCRUDMixin
from cvplatform.api.resumate.serializers import job_applications as serializers
from cvplatform.api.resumate.surface import ResuMateViewSet


class JobApplicationViewSet(ServiceCRUDMixin, ResuMateViewSet):
    serializer_class = serializers.JobApplicationSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return JobApplication.objects.none()
        # Another user's application is simply not in the queryset: 404, never its data.
        return selectors.job_applications_of(user=self.request.user)

    def create_object(self, data):
        return services.job_application_create(user=self.request.user, data=data)

    def update_object(self, instance, data):
        return services.job_application_update(application=instance, data=data)

    def delete_object(self, instance):
        services.job_application_delete(application=instance)


class ExampleJobApplicationViewSet(mixins.ListModelMixin, ResuMateViewSet):
    """Up to five sample applications for demos; no sign-in needed."""

    permission_classes = [permissions.AllowAny]
    serializer_class = serializers.JobApplicationSerializer

    def get_queryset(self):
        return selectors.example_job_applications()
