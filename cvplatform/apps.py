from django.apps import AppConfig


class CvplatformConfig(AppConfig):
    name = "cvplatform"
    verbose_name = "CV Platform core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import schema  # noqa: F401  (registers OpenAPI extensions)
