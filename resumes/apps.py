from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "resumes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The CV engine imports no Django; it reads its parser settings through this hook so
        # Django settings (and tests' overrides) apply to it as to the rest of the app.
        from django.conf import settings

        from .ingest import conf as ingest_conf

        ingest_conf.use_settings(lambda name: getattr(settings, name, None))
