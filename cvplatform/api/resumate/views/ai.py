"""ResuMate AI: the model list and resume generation."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.response import Response

from cvplatform.api.resumate.serializers.ai import (
    GeneratedResume,
    ResuMateAIModelSerializer,
    ResuMateGenerateRequestSerializer,
    ResuMateGenerateResponseSerializer,
)
from cvplatform.api.resumate.surface import ResuMateAPIView
from cvplatform.api.throttles import AnonThrottle
from llm import selectors, services


# --- ResuMate ---------------------------------------------------------------------------------
class ResuMateAIModelListView(ResuMateAPIView):
    """The AI models, and whether each can be used here (``available``: its key is configured)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ResuMateAIModelSerializer

    @extend_schema(responses={200: ResuMateAIModelSerializer(many=True)})
    def get(self, request):
        return Response(self.get_serializer(selectors.ai_model_list(), many=True).data)


class ResuMateAIGenerateView(ResuMateAPIView):
    """Generate a Markdown resume with the chosen model and save it as a resume.

    Anonymous callers may use models without ``login_required`` (401 otherwise); daily limits
    answer 429. When the chosen model fails, the next configured model and finally the builtin
    engine answer, unless the model row disallows fallback: then 503 ``{"error"}``. A chosen
    model that is not configured here (``available: false``) fails the same way. The body's
    ``model_used`` names the model that answered and ``fallback`` says it was not the chosen one.
    """

    permission_classes = [permissions.AllowAny]
    serializer_class = ResuMateGenerateRequestSerializer

    @extend_schema(responses={201: ResuMateGenerateResponseSerializer})
    def post(self, request):
        data = self.validated()
        resume, result = services.ai_resume_generate(
            user=request.user,
            model_name=data["model"],
            user_input=data["user_input"],
            title=data["title"],
            # Signed-out callers are counted by address against a model's daily limit.
            client_key=AnonThrottle().get_ident(request),
        )
        body = ResuMateGenerateResponseSerializer(
            GeneratedResume(resume=resume, result=result), context={"request": request}
        ).data
        return Response(body, status=status.HTTP_201_CREATED)
