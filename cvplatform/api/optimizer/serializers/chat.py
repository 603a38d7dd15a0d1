"""Resume Optimizer chat sessions and their stored messages."""

from rest_framework import serializers

from cvplatform.api.parsers import BoundedJSONField


class OptimizerChatSessionInputSerializer(serializers.Serializer):
    resume_id = serializers.IntegerField(help_text="One of your resumes (from /resumes/upload).")


# Reads a ``ChatSession`` (annotated with message_count and last_message_at by the selector).
class OptimizerChatSessionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    resume_id = serializers.IntegerField(source="document_id", allow_null=True)
    title = serializers.CharField()
    job_title = serializers.CharField(help_text="The last job discussed in the session.")
    message_count = serializers.IntegerField(default=0)
    last_message_at = serializers.DateTimeField(allow_null=True, default=None)
    websocket_url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_websocket_url(self, session) -> str:
        return f"/api/v1/chat/ws/{session.pk}"


# Reads a ``ChatMessage``: what the socket sent or received, in order.
class OptimizerChatMessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sender = serializers.ChoiceField(choices=["user", "assistant"])
    type = serializers.CharField(
        help_text="chat, resume_upload, optimization_request, invalid (from you); "
        "assistant, processing, optimization_result, error (from the server)."
    )
    message = serializers.CharField(source="content")
    data = BoundedJSONField(help_text="The rest of the frame (suggestions, optimization_type…).")
    timestamp = serializers.SerializerMethodField(help_text="Milliseconds since the epoch.")
    created_at = serializers.DateTimeField()

    def get_timestamp(self, message) -> int:
        return int(message.created_at.timestamp() * 1000)
