"""Template folders on disk: ``templates/<id>/manifest.json`` plus the files it names.

Adding a template is adding a folder: nothing here knows any template by name.
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from cvplatform.exceptions import NotFoundError

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")

DEFAULT_FILES = {"typst": "template.typ", "latex": "template.tex", "markdown": "template.md"}


def read_manifest(folder: Path) -> dict:
    data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    data.setdefault("id", folder.name)
    data.setdefault("kind", "cv")
    data["files"] = {**DEFAULT_FILES, **data.get("files", {})}
    return data


def template_folder(slug: str, *, root: Path = TEMPLATES_DIR) -> Path:
    # The slug names a folder: refuse anything that could walk out of templates/.
    if not _SLUG.match(slug or "") or not (root / slug / "manifest.json").is_file():
        raise NotFoundError(f"Template '{slug}' does not exist.")
    return root / slug


@lru_cache(maxsize=64)
def _cached_manifest(folder: str, mtime: float) -> dict:
    return read_manifest(Path(folder))


def manifest_for(slug: str, *, root: Path = TEMPLATES_DIR) -> dict:
    folder = template_folder(slug, root=root)
    return _cached_manifest(str(folder), (folder / "manifest.json").stat().st_mtime)


def template_file(manifest: dict, role: str, *, root: Path = TEMPLATES_DIR) -> Path:
    path = root / manifest["id"] / manifest["files"][role]
    if not path.is_file():
        raise NotFoundError(f"Template '{manifest['id']}' has no {role} file.")
    return path
