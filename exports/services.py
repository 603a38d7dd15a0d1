"""Export writes. ``template_sync`` mirrors ``templates/*/manifest.json`` into rows."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import CVTemplate

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"


def template_manifests(*, root: Path = TEMPLATES_DIR) -> list[dict]:
    manifests = []
    for manifest_path in sorted(root.glob("*/manifest.json")):
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
        data.setdefault("id", manifest_path.parent.name)
        manifests.append(data)
    return manifests


@transaction.atomic
def template_sync(*, root: Path = TEMPLATES_DIR) -> list[CVTemplate]:
    """Create or update a row per manifest; rows whose folder is gone are deactivated."""
    seen = []
    for manifest in template_manifests(root=root):
        template, _ = CVTemplate.objects.update_or_create(
            slug=manifest["id"],
            defaults={
                "name": manifest.get("name", manifest["id"]),
                "kind": manifest.get("kind", "cv"),
                "description": manifest.get("description", ""),
                "formats": manifest.get("formats", []),
                "options": manifest.get("options", {}),
                "manifest": manifest,
                "is_active": True,
            },
        )
        seen.append(template)
    CVTemplate.objects.exclude(slug__in=[t.slug for t in seen]).update(is_active=False)
    return seen
