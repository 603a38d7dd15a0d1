"""Test run: the embedded default, or PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"
STORAGES = {
    **STORAGES,  # noqa: F405
}
if STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    STORAGES["default"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": "/media/"},
    }
# Jobs run in-process in tests unless a test starts a real worker on purpose.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
# Saving an evidence link sends no check job in tests: a check would leave the machine. The
# link-check tests switch it on against their own loopback server.
ARTIFACT_LINK_CHECKS = False
