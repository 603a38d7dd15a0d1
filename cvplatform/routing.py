"""WebSocket routes; each app's consumers are added here as they come."""

websocket_urlpatterns: list = []
