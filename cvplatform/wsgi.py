import os

from django.core.wsgi import get_wsgi_application

# An empty value (as some shells and hooks pass) means "not set".
os.environ["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.local"
application = get_wsgi_application()
