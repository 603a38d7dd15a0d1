"""ASGI entry point: HTTP through Django, WebSocket through Channels."""

import os

from channels.routing import ProtocolTypeRouter, URLRouter
from django.core.asgi import get_asgi_application

# An empty value (as some shells and hooks pass) means "not set".
os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.local"
# Django is set up first: the WebSocket routes import consumers, and consumers import models.
django_asgi_app = get_asgi_application()


def _websocket_app() -> URLRouter:
    from cvplatform.routing import websocket_urlpatterns

    return URLRouter(websocket_urlpatterns)


application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": _websocket_app()})
