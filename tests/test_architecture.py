"""The layout rules of the README's architecture section, read from the code's own imports.

Domain apps hold models, services, selectors, tasks and engines; each published document is one
package under ``cvplatform/api/<surface>/`` whose urls lead to its own views. These tests parse
every module with ``ast`` (nothing is imported to find the edges), so a new shortcut across the
layers fails here rather than in a review.
"""

import ast
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_APPS = ["accounts", "resumes", "artifacts", "generation", "exports", "billing", "llm", "applications"]
SURFACES = ["cvgenius", "cvtailor", "resumate", "optimizer", "personaforge"]
HTTP_MODULES = {"apis", "views", "serializers", "urls"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_modules():
    for top in [*DOMAIN_APPS, "cvplatform"]:
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "tests" in parts or "migrations" in parts:
                continue
            yield path


def _imports(path: Path):
    """(imported module, imported name or None) for every import in the file, at any depth."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield base, alias.name


def _owner(module: str) -> str:
    """The unit a module belongs to: a domain app, a surface package, or the shared kernel."""
    parts = module.split(".")
    if parts[:2] == ["cvplatform", "api"] and len(parts) > 2 and parts[2] in SURFACES:
        return f"cvplatform.api.{parts[2]}"
    if parts[:2] == ["cvplatform", "api"]:
        return "cvplatform.api"
    return parts[0]


def _edges():
    for path in _source_modules():
        source = _module_name(path)
        for target, name in _imports(path):
            yield path, source, target, name


def test_domain_apps_import_nothing_from_drf_or_the_surfaces():
    offenders = [
        f"{path.relative_to(ROOT)} imports {target}"
        for path, source, target, _ in _edges()
        if _owner(source) in DOMAIN_APPS
        and (
            target == "rest_framework"
            or target.startswith(("rest_framework.", "drf_spectacular", "cvplatform.api"))
        )
    ]
    assert offenders == []


def test_domain_apps_have_no_urls_views_or_serializers():
    found = [
        str(path.relative_to(ROOT))
        for app in DOMAIN_APPS
        for path in (ROOT / app).iterdir()
        if path.stem in HTTP_MODULES and (path.suffix == ".py" or path.is_dir())
    ]
    assert found == []


def test_no_unit_imports_another_units_views_serializers_or_private_names():
    offenders = []
    for path, source, target, name in _edges():
        if _owner(target) == _owner(source) or _owner(target).split(".")[0] not in [
            *DOMAIN_APPS,
            "cvplatform",
        ]:
            continue
        leaf_parts = set(target.split(".")) | ({name} if name else set())
        if leaf_parts & HTTP_MODULES and _owner(target) not in ("cvplatform", "cvplatform.api"):
            offenders.append(f"{path.relative_to(ROOT)}: {target} {name or ''}")
        if name and name.startswith("_") and not name.startswith("__"):
            offenders.append(f"{path.relative_to(ROOT)}: {target}.{name}")
    assert offenders == []


def _views_of(resolver: URLResolver, prefix: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _views_of(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "cls", None) or getattr(pattern.callback, "view_class", None)
            yield prefix + str(pattern.pattern), view


@pytest.mark.parametrize("surface", SURFACES)
def test_each_surface_route_leads_to_one_view_of_that_surface(surface):
    resolver = get_resolver(f"cvplatform.api.{surface}.urls")
    routes = list(_views_of(resolver))
    assert routes, f"{surface} has no routes"
    strays = [
        f"{route} -> {view.__module__ if view else None}"
        for route, view in routes
        if view is None or not view.__module__.startswith(f"cvplatform.api.{surface}.views")
    ]
    assert strays == []


def test_every_api_route_is_mounted_from_a_surface_urlconf():
    """The root urlconf only mounts: every /api and /pf route comes from a surface package."""
    outside = []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and str(pattern.pattern) not in ("admin/",):
            module = getattr(pattern.urlconf_module, "__name__", "")
            if not module.startswith("cvplatform.api."):
                outside.append(f"{pattern.pattern} -> {module}")
    assert outside == []
