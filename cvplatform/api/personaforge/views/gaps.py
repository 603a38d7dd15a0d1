"""PersonaForge: gap analysis (one persona, persona vs job, team) and the knowledge base."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cvplatform.api.personaforge.serializers import gaps as s
from cvplatform.api.personaforge.surface import PersonaForgeAPIView
from generation import selectors, services

TAGS = ["PersonaForge: gap analysis and knowledge base"]


class PFGapAnalysisView(PersonaForgeAPIView):
    serializer_class = s.PFGapAnalysisSerializer

    @extend_schema(tags=TAGS, operation_id="pf_gap_analysis_persona")
    def get(self, request, persona_id):
        """General CV quality and gaps of one of your personas, with questions for missing facts."""
        report = services.persona_gap_analysis(user=request.user, persona_id=persona_id)
        return Response(self.get_serializer(report).data)


class PFRoleMatchView(PersonaForgeAPIView):
    serializer_class = s.PFRoleMatchInputSerializer

    @extend_schema(tags=TAGS, responses=s.PFGapAnalysisSerializer)
    def post(self, request):
        """Gaps between one of your personas and a job description."""
        report = services.persona_role_match(user=request.user, **self.validated())
        return Response(s.PFGapAnalysisSerializer(report).data)


class PFTeamGapView(PersonaForgeAPIView):
    serializer_class = s.PFTeamInputSerializer

    @extend_schema(tags=TAGS, responses=s.PFGapAnalysisSerializer)
    def post(self, request):
        """Team coverage: skills no persona covers, and skills only one persona covers."""
        report = services.team_gap_analysis(user=request.user, **self.validated())
        return Response(s.PFGapAnalysisSerializer(report).data)


class PFKnowledgeBaseView(PersonaForgeAPIView):
    serializer_class = s.PFKnowledgeBaseSerializer

    @extend_schema(tags=TAGS)
    def get(self, request):
        """Skills, tools, industries, soft skills and preferences from your CVs, personas and answers."""
        return Response(self.get_serializer(selectors.knowledge_base(user=request.user)).data)


class PFKnowledgeClarifyView(PersonaForgeAPIView):
    serializer_class = s.PFClarifyInputSerializer

    @extend_schema(tags=TAGS, responses=s.PFClarifyOutputSerializer)
    def post(self, request):
        """Answer gap-analysis questions, keyed by the question's text or its id."""
        result = services.knowledge_clarify(user=request.user, answers=self.validated()["answers"])
        return Response(s.PFClarifyOutputSerializer(result).data)
