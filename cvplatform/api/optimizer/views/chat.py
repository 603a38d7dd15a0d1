"""Resume Optimizer chat sessions over HTTP; the conversation itself is the WebSocket
``/api/v1/chat/ws/{session_id}`` (generation.consumers)."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from cvplatform.api.optimizer.serializers import chat as s
from cvplatform.api.optimizer.surface import OptimizerAPIView
from generation.chat import selectors, services

TAGS = ["Resume Optimizer: chat"]


class OptimizerChatSessionsView(OptimizerAPIView):
    serializer_class = s.OptimizerChatSessionInputSerializer

    @extend_schema(tags=TAGS, responses={201: s.OptimizerChatSessionSerializer})
    def post(self, request):
        """Start a chat about one of your resumes; open its ``websocket_url`` to talk."""
        session = services.chat_session_create(user=request.user, **self.validated())
        session = selectors.chat_sessions_of(user=request.user).get(pk=session.pk)
        return Response(s.OptimizerChatSessionSerializer(session).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=TAGS, responses=s.OptimizerChatSessionSerializer(many=True))
    def get(self, request):
        """Your chat sessions, most recently active first."""
        sessions = selectors.chat_sessions_of(user=request.user)
        return Response(s.OptimizerChatSessionSerializer(sessions, many=True).data)


class OptimizerChatMessagesView(OptimizerAPIView):
    serializer_class = s.OptimizerChatMessageSerializer

    @extend_schema(tags=TAGS, responses=s.OptimizerChatMessageSerializer(many=True))
    def get(self, request, session_id):
        """The session's stored messages, both ways, in the order they were sent."""
        session = selectors.chat_session_get(user=request.user, session_id=session_id)
        return Response(self.get_serializer(selectors.chat_messages_of(session=session), many=True).data)
