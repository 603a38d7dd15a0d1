"""PersonaForge: gap analysis and the knowledge base."""

from rest_framework import serializers

from cvplatform.api.parsers import BoundedJSONField


class PFGapIssueSerializer(serializers.Serializer):
    field = serializers.CharField()
    suggestion = serializers.CharField()
    severity = serializers.CharField(help_text="high | medium | low")


# Reads the analysis engine's ``GapReport``.
class PFGapAnalysisSerializer(serializers.Serializer):
    issues = PFGapIssueSerializer(many=True)
    questions = serializers.SerializerMethodField()
    question_ids = serializers.SerializerMethodField(
        help_text="Each question's stable id, keyed by its text."
    )

    def get_questions(self, report) -> list[str]:
        return [question.text for question in report.questions]

    def get_question_ids(self, report) -> dict[str, str]:
        return {question.text: question.id for question in report.questions}


class PFRoleMatchInputSerializer(serializers.Serializer):
    persona_id = serializers.CharField(max_length=64)
    job_description = serializers.CharField(max_length=100_000)


class PFTeamInputSerializer(serializers.Serializer):
    persona_ids = serializers.ListField(
        child=serializers.CharField(max_length=64), min_length=1, max_length=50
    )
    team_description = serializers.CharField(max_length=100_000)


class PFKnowledgeBaseSerializer(serializers.Serializer):
    skills = serializers.ListField(child=serializers.CharField())
    tools = serializers.ListField(child=serializers.CharField())
    industries = serializers.ListField(child=serializers.CharField())
    soft_skills = serializers.ListField(child=serializers.CharField())
    preferences = serializers.DictField(child=serializers.CharField())


class PFClarifyInputSerializer(serializers.Serializer):
    # Shape and size (at most 50 answers, questions up to 500 characters, string answers up to
    # 2,000) are checked by ``knowledge_clarify`` so every caller gets the same rule.
    answers = serializers.DictField(
        child=BoundedJSONField(allow_null=True),
        allow_empty=False,
        help_text="{question text or question id: answer}: at most 50 answers per request, each "
        "question up to 500 characters, each answer a string up to 2,000 characters.",
    )


class PFClarifyOutputSerializer(serializers.Serializer):
    answered = serializers.ListField(child=serializers.CharField(), help_text="Ids of questions answered.")
    added = serializers.ListField(child=serializers.CharField(), help_text="Ids of new facts (not asked).")
    knowledgebase = PFKnowledgeBaseSerializer()
