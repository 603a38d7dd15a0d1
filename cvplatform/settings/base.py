"""Settings shared by every environment.

Everything is read from the environment. With no environment at all the platform runs on
the embedded default: SQLite, local-memory cache, local ``media/``, Celery tasks in-process
and the builtin AI engine. Each integration switches on by its own variable.
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(str(BASE_DIR / ".env"))

SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-development-key-not-for-production-use-0123456789")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])

INSTALLED_APPS = [
    # First: its runserver serves the ASGI application, so `make run` answers WebSockets too.
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "cvplatform",
    "accounts",
    "resumes",
    "artifacts",
    "generation",
    "exports",
    "billing",
    "llm",
    "applications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cvplatform.urls"
# Every route is declared with its documented spelling (some surfaces end paths in a slash,
# others do not). Redirecting would drop a POST body, and in DEBUG it crashes: answer 404.
APPEND_SLASH = False
WSGI_APPLICATION = "cvplatform.wsgi.application"
ASGI_APPLICATION = "cvplatform.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections: a fresh PostgreSQL connection costs several times a small list
# request, so keep them. Health checks (a ``SELECT 1`` before the first query of every request
# on a reused connection) are off by default: that round trip is paid by every request, while
# without it a connection the server dropped fails one request's query and is then replaced.
# Turn them on where connections are cut often (a pooler or firewall closing idle ones).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=False)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.EmailOrUsernameBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in lockout: after this many failures in a row an account refuses sign-in for a while.
LOGIN_MAX_FAILURES = env.int("LOGIN_MAX_FAILURES", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Lifetime of every signed, owner-only download link (cvplatform.downloads), and by default
# of the links S3 presigns.
CV_DOWNLOAD_LINK_SECONDS = env.int("CV_DOWNLOAD_LINK_SECONDS", default=600)

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            # CVs are private: no public ACL, links are signed and expire.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=CV_DOWNLOAD_LINK_SECONDS),
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": MEDIA_URL},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- cache, broker, channels ------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades (logs, misses) when Redis is unreachable instead of failing requests.
            "BACKEND": "cvplatform.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="cvp"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
# No broker configured: run tasks in-process so the API behaves the same without workers.
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL.startswith(("redis", "amqp"))
)
CELERY_TASK_EAGER_PROPAGATES = False
# The one place task limits are set: every task gets them (cvplatform.jobs.JobTask). The
# longest job is an AI call failing over across models (LLM_TIMEOUT_SECONDS each).
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=150)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
# A job row STARTED longer than this is taken over by the next delivery of its task (its
# worker died): longer than any task may run, so a live run is never doubled.
JOB_LEASE_SECONDS = env.int("JOB_LEASE_SECONDS", default=CELERY_TASK_TIME_LIMIT + 60)
# Transient errors (database/broker connections, AI provider outages) are retried with
# exponential backoff: 2 s doubling (with jitter) up to 5 minutes, 5 retries at most.
JOB_MAX_RETRIES = env.int("JOB_MAX_RETRIES", default=5)
JOB_RETRY_BACKOFF_SECONDS = env.int("JOB_RETRY_BACKOFF_SECONDS", default=2)
JOB_RETRY_BACKOFF_MAX_SECONDS = env.int("JOB_RETRY_BACKOFF_MAX_SECONDS", default=300)
# A PENDING row whose task was sent longer ago than this has lost its message (every retry
# comes back well within it): the beat's recovery sends the task again.
JOB_STALE_PENDING_SECONDS = env.int("JOB_STALE_PENDING_SECONDS", default=900)
# Redis hands a message its worker never acknowledged (the worker died) to another worker
# this long after delivering it. It must outlast whatever a live worker may hold a message
# for: a run (CELERY_TASK_TIME_LIMIT) or a retry's countdown (JOB_LEASE_SECONDS,
# JOB_RETRY_BACKOFF_MAX_SECONDS), or a message still in hand would be handed out twice.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=CELERY_TASK_TIME_LIMIT * 4 + 60)
restore_seconds = env.int("CELERY_UNACKED_RESTORE_SECONDS", default=10)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # How often each worker looks for such messages (left alone, every 100 s).
    "unacked_restore_interval": restore_seconds,
    "unacked_restore_throttle": 1,
    # The lock a worker holds while it looks: a worker killed holding it would stop every
    # worker from looking for 5 minutes; a few looks' time is plenty for one look.
    "unacked_mutex_expire": max(5, 3 * restore_seconds),
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}

# --- API ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "cvplatform.api.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "cvplatform.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "cvplatform.schema.SurfaceAutoSchema",
    "DEFAULT_METADATA_CLASS": "cvplatform.api.metadata.SurfaceMetadata",
    "DEFAULT_THROTTLE_CLASSES": [],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # How many proxies in front of us append to X-Forwarded-For. 0 (the default) trusts none:
    # throttles key on the connecting address, so a forged header cannot dodge them.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}

# JSON bodies are refused before decoding when larger or more deeply nested than this.
API_JSON_MAX_BYTES = env.int("API_JSON_MAX_BYTES", default=2 * 1024 * 1024)
API_JSON_MAX_DEPTH = env.int("API_JSON_MAX_DEPTH", default=32)

# Throttle rates are read at request time (cvplatform.api.throttles), so they can be tuned
# from the environment or in tests without a restart.
THROTTLE_RATES = {
    "anon": env("THROTTLE_ANON", default="300/hour"),
    "auth": env("THROTTLE_AUTH", default="30/minute"),
    "user": env("THROTTLE_USER", default="1000/hour"),
    "tier_free": env("THROTTLE_TIER_FREE", default="100/hour"),
    "tier_pro": env("THROTTLE_TIER_PRO", default="1000/hour"),
    "tier_enterprise": None,
    "generation": env("THROTTLE_GENERATION", default="10/hour"),
    "export": env("THROTTLE_EXPORT", default="20/hour"),
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": env("JWT_SIGNING_KEY", default=SECRET_KEY),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_CLAIM": "user_id",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "CV Platform API",
    "DESCRIPTION": (
        "One backend for five CV products: CV Genius (/api/cv, /api/pack, /api/users), "
        "CV Tailor (/api/v1/, trailing slashes), ResuMate (/api/), Resume Optimizer "
        "(/api/v1, no trailing slashes) and PersonaForge (/pf/)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/(api|pf)",
    "ENUM_NAME_OVERRIDES": {
        "ArtifactStatusEnum": "artifacts.models.ArtifactStatus",
        "ArtifactProcessingStatusEnum": ["pending", "processing", "completed", "failed"],
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cvplatform.schema.personaforge_paths_as_documented",
    ],
}

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- integrations -----------------------------------------------------------------------
GOOGLE_OAUTH_CLIENT_IDS = env.list("GOOGLE_OAUTH_CLIENT_IDS", default=[])
GOOGLE_OAUTH_CERTS_URL = env("GOOGLE_OAUTH_CERTS_URL", default="https://www.googleapis.com/oauth2/v1/certs")

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST", default="")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="CV Platform <no-reply@cvplatform.local>")
# Where password-reset links point: the SPA page that posts uid + token back to us.
PASSWORD_RESET_URL = env("PASSWORD_RESET_URL", default="http://localhost:3000/reset-password")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # The LLM SDKs' HTTP client logs every request at INFO; our call log records them.
        "httpx": {"level": "WARNING"},
    },
}
