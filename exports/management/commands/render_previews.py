from django.core.management.base import BaseCommand

from exports.render.demo import DEMO_LETTER, demo_cv
from exports.render.pipeline import render_cv
from exports.render.registry import TEMPLATES_DIR
from exports.services import template_manifests


class Command(BaseCommand):
    help = "Render every template's preview.png from the demo CV (commit the results)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="only these templates")

    def handle(self, *args, slugs=(), **options):
        for manifest in template_manifests():
            if slugs and manifest["id"] not in slugs:
                continue
            png = render_cv(cv=demo_cv(), template_id=manifest["id"], fmt="png", letter=DEMO_LETTER)
            path = TEMPLATES_DIR / manifest["id"] / manifest.get("preview", "preview.png")
            path.write_bytes(png.content)
            self.stdout.write(f"{path.relative_to(TEMPLATES_DIR.parent)}: {len(png.content)} bytes")
