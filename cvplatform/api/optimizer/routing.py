"""Resume Optimizer WebSocket routes (mounted at /api/v1/ like its HTTP routes)."""

from django.urls import path

from generation.consumers import ChatConsumer, JobProgressConsumer

websocket_urlpatterns = [
    path("api/v1/chat/ws/<str:session_id>", ChatConsumer.as_asgi(), name="optimizer-chat-ws"),
    # Beyond the document: live progress of the signed-in user's jobs (polling stays documented).
    path("api/v1/ws/jobs", JobProgressConsumer.as_asgi(), name="optimizer-jobs-ws"),
]
