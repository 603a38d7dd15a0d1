"""ResuMate (/api/resumes/): Markdown resumes, owner only."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from cvplatform.api.resumate.serializers.resumes import ResuMateResumeSerializer
from cvplatform.api.resumate.surface import ResuMateViewSet
from resumes import selectors, services


@extend_schema_view(
    list=extend_schema(tags=["ResuMate: resumes"]),
    create=extend_schema(tags=["ResuMate: resumes"]),
    retrieve=extend_schema(tags=["ResuMate: resumes"]),
    update=extend_schema(tags=["ResuMate: resumes"]),
    partial_update=extend_schema(tags=["ResuMate: resumes"]),
    destroy=extend_schema(tags=["ResuMate: resumes"]),
)
class ResuMateResumeViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    ResuMateViewSet,
):
    serializer_class = ResuMateResumeSerializer
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        return selectors.resumes_of(user=self.request.user)

    def get_object(self):
        return selectors.resume_get(user=self.request.user, resume_id=self.kwargs["pk"])

    def create(self, request):
        data = self.validated()
        resume = services.resume_create(
            user=request.user, title=data["title"], content=data.get("content", "")
        )
        return Response(self.get_serializer(resume).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        resume = self.get_object()
        resume = services.resume_update(resume=resume, data=self.validated(instance=resume, partial=partial))
        return Response(self.get_serializer(resume).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)

    def destroy(self, request, pk=None):
        services.resume_delete(resume=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
