"""The domain apps import each other in one direction only: no cycle between apps.

The graph is built from the source (``ast``), not from what happens to be imported at run
time, so a function-level import counts like a top-level one. It covers the domain modules
of each app (models, services, selectors, tasks, conf, admin, engines); the entry points
that sit above every app are left out: API modules (apis, serializers, urls, views under
``cvplatform/api``), management commands, migrations and tests. The kernel (``cvplatform``
outside those) must import no app at all.
"""

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "applications", "artifacts", "billing", "exports", "generation", "llm", "resumes")
KERNEL = "cvplatform"
ENTRY_POINTS = {"tests", "migrations", "management", "apis", "serializers", "urls", "api", "settings"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_domain_module(path: Path) -> bool:
    inside = path.relative_to(ROOT).with_suffix("").parts[1:]
    return not any(part in ENTRY_POINTS for part in inside)


def _imported_modules(path: Path) -> list[tuple[str, int]]:
    """Every module ``path`` imports (relative imports resolved), with the line."""
    module = _module_name(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.append((".".join([*base, *([node.module] if node.module else [])]), node.lineno))
            else:
                found.append((node.module, node.lineno))
    return found


def app_import_graph() -> dict[str, dict[str, list[str]]]:
    """{app: {imported app: ["module:line -> imported module", ...]}} over domain modules."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for app in (*APPS, KERNEL):
        for path in sorted((ROOT / app).rglob("*.py")):
            if not _is_domain_module(path):
                continue
            for imported, line in _imported_modules(path):
                target = imported.split(".")[0]
                if target != app and target in (*APPS, KERNEL):
                    graph[app][target].append(f"{_module_name(path)}:{line} -> {imported}")
    return graph


def _cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Each elementary cycle once, as [a, b, ..., a], found by depth-first search."""
    cycles, seen = [], set()

    def walk(start: str, node: str, path: list[str]) -> None:
        for nxt in graph.get(node, {}):
            if nxt == start:
                key = frozenset(path)
                if key not in seen:
                    seen.add(key)
                    cycles.append([*path, start])
            elif nxt not in path and nxt > start:  # each cycle from its smallest app
                walk(start, nxt, [*path, nxt])

    for app in sorted(graph):
        walk(app, app, [app])
    return cycles


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    analysis_files = {name for name, _ in _imported_modules(ROOT / "resumes" / "analysis" / "files.py")}
    assert "resumes.parsing" in analysis_files  # from ..parsing import parse_file, inside read_cv
    export_services = {name for name, _ in _imported_modules(ROOT / "exports" / "services.py")}
    assert "exports.tasks" in export_services  # imported inside export_job_start
    assert "generation.services:" in str(app_import_graph()["generation"]["llm"])
    assert not _cycles({"a": {"b": []}, "b": {"c": []}})
    assert _cycles({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}}) == [["a", "b", "c", "a"]]


def test_no_import_cycle_between_domain_apps():
    graph = app_import_graph()
    report = []
    for cycle in _cycles(graph):
        steps = [f"  {a} -> {b}: {graph[a][b][0]}" for a, b in pairwise(cycle)]
        report.append(" -> ".join(cycle) + "\n" + "\n".join(steps))
    assert not report, "import cycles between apps:\n" + "\n".join(report)


def test_the_kernel_imports_no_app():
    assert not app_import_graph().get(KERNEL), dict(app_import_graph()[KERNEL])
