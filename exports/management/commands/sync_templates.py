from django.core.management.base import BaseCommand

from exports.services import template_sync


class Command(BaseCommand):
    help = "Mirror templates/*/manifest.json into template rows (migrate does this too)."

    def handle(self, *args, **options):
        templates = template_sync()
        self.stdout.write(f"{len(templates)} templates: {', '.join(t.slug for t in templates)}")
