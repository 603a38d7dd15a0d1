from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_templates(sender, using="default", **kwargs) -> None:
    # Template folders are data: every migrate (make run, deploys, the test database)
    # mirrors them into rows, so a new folder needs no code and no extra command.
    from django.db import connections

    from .models import CVTemplate
    from .services import template_sync

    if CVTemplate._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated backwards past our first migration: nothing to fill
    template_sync()


class ExportsConfig(AppConfig):
    name = "exports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_sync_templates, sender=self, dispatch_uid="exports.sync_templates")
