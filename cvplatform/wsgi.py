import os

from django.core.wsgi import get_wsgi_application

# An empty value (as some shells and hooks pass) means "not set".
os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.local"
application = get_wsgi_application()


def _warm_up() -> None:
    """Import every route's views (and with them the AI provider SDKs) and compile the routes
    now, not on a process's first request. gunicorn preloads this module in its master, so
    each worker it forks, and each one it recycles after max_requests, starts warm instead
    of spending ~1.5 s of CPU, and stalling its connections, on that first request."""
    from django.db import connections
    from django.urls import reverse

    reverse("healthz")  # imports the root urlconf, every surface's with it, and indexes them
    # A forked worker must never share a database socket with the master or its siblings.
    connections.close_all()


_warm_up()
