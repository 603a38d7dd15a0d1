"""WebSocket routes: each surface's come from its own package, like its HTTP routes."""

from cvplatform.api.optimizer.routing import websocket_urlpatterns as optimizer_websockets

websocket_urlpatterns: list = [*optimizer_websockets]
