"""ASGI entry point: HTTP through Django, WebSocket through Channels."""

import os

from channels.routing import ProtocolTypeRouter, URLRouter
from django.core.asgi import get_asgi_application

# An empty value (as some shells and hooks pass) means "not set".
os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.local"
# Django is set up first: the WebSocket routes import consumers, and consumers import models.
django_asgi_app = get_asgi_application()


def _websocket_app():
    from cvplatform.api.websocket import TokenAuthMiddleware
    from cvplatform.routing import websocket_urlpatterns

    # Sockets authenticate with a token only, never a cookie: a page on another site cannot
    # open one as the user, so the Origin is not checked (SDKs send none).
    return TokenAuthMiddleware(URLRouter(websocket_urlpatterns))


application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": _websocket_app()})
