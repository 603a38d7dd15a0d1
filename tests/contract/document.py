"""Read a published API document (``../shared/seeds/``) into its list of endpoints.

Each document writes its endpoints its own way (a ``GET /path`` list, a Markdown heading,
the path in backticks, or ``**URL**`` / ``**Method**`` bullets); ``endpoints()`` reads them all
into ``(METHOD, full path)`` pairs in the document's order, and ``check_endpoint()`` says what is
wrong with one on this server: not routed, routed to another surface's view, method not
handled, or missing from the OpenAPI schema.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.urls import Resolver404, resolve

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

# surface -> (seed file, mount prefix, how the document writes an endpoint)
DOCUMENTS = {
    "cvgenius": ("000_3e92d069351e0bdc.txt", "/api", "bullets"),
    "cvtailor": ("001_21904e5c70ff4aee.txt", "", "listed"),
    "resumate": ("002_fdf5b1b5c97f3973.txt", "", "listed"),
    "optimizer": ("003_65e3c5a2cd4ba0e9.txt", "/api/v1", "listed"),
    "personaforge": ("004_5f8e6adbb5e310aa.txt", "/pf", "listed"),
}
METHODS = "GET|POST|PUT|PATCH|DELETE|WebSocket"
# "- `POST /path` - …", "### `POST /path`", "### GET `/path`", '!!! success "POST `/path`"'
_LISTED = re.compile(
    rf"^[ \t]*(?:[-*#]+[ \t]*|!!! \w+ \")?`?((?:{METHODS})(?:/(?:{METHODS}))*)`?[ \t]+`?(/[\w/{{}}.-]*)", re.M
)
_URL = re.compile(r"\*\*URL\*\*: `(/[\w/{}.-]*)`")
_METHOD = re.compile(r"\*\*Method\*\*: `([A-Z]+)`")


def seed_text(surface: str) -> str | None:
    path = SEEDS / DOCUMENTS[surface][0]
    return path.read_text(encoding="utf-8") if path.exists() else None


@cache
def endpoints(surface: str) -> tuple[tuple[str, str], ...]:
    """The document's endpoints, in its order, each once."""
    text = seed_text(surface) or ""
    _, prefix, style = DOCUMENTS[surface]
    if style == "bullets":
        found = []
        for block in re.split(r"\n(?=#+ )", text):
            url, method = _URL.search(block), _METHOD.search(block)
            if url and method:
                found.append((method.group(1), url.group(1)))
    else:
        # "PUT/PATCH `/path`" documents both methods.
        found = [(method, m.group(2)) for m in _LISTED.finditer(text) for method in m.group(1).split("/")]
    seen: dict[tuple[str, str], None] = {}
    for method, path in found:
        seen.setdefault((method.upper() if method != "WebSocket" else method, prefix + path), None)
    return tuple(seen)


def sample_path(path: str) -> str:
    """The documented path with each ``{placeholder}`` filled with a plausible id."""
    return re.sub(
        r"\{(\w+)\}", lambda m: "3f2b1c4e-0000-4000-8000-000000000001" if m.group(1) == "uuid" else "1", path
    )


def _handles(match, method: str) -> bool:
    callback = match.func
    actions = getattr(callback, "actions", None)
    if actions is not None:
        return method.lower() in actions
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    return view is not None and hasattr(view, method.lower())


def check_endpoint(surface: str, method: str, path: str, schema: dict) -> str | None:
    """None when the endpoint is served as documented, else what is wrong."""
    if method == "WebSocket":
        return _check_websocket(path)
    try:
        match = resolve(sample_path(path))
    except Resolver404:
        return "not routed"
    view = getattr(match.func, "view_class", None) or getattr(match.func, "cls", None)
    if view is None or not view.__module__.startswith(f"cvplatform.api.{surface}.views"):
        return f"routed to {getattr(view, '__module__', match.func)}"
    if not _handles(match, method):
        return f"{method} not handled by {view.__name__}"
    if (method.lower(), _normalise(path)) not in _schema_operations(schema):
        return "not in the OpenAPI schema"
    return None


def _normalise(path: str) -> str:
    return re.sub(r"\{\w+\}", "{}", path.rstrip("/") or "/")


def _schema_operations(schema: dict) -> set[tuple[str, str]]:
    return {(method, _normalise(path)) for path, item in schema["paths"].items() for method in item}


def _check_websocket(path: str) -> str | None:
    from cvplatform.routing import websocket_urlpatterns

    target = sample_path(path).lstrip("/")
    for pattern in websocket_urlpatterns:
        if pattern.pattern.match(target):
            return None
    return "no WebSocket route"


def assert_document_served(surface: str, schema: dict, *, not_yet: set[tuple[str, str]]) -> None:
    """Every endpoint of the surface's document is served, except exactly ``not_yet`` (the ones
    a later piece of work builds: building one means taking it off that list)."""
    documented = endpoints(surface)
    assert len(documented) >= 10, f"read only {len(documented)} endpoints from {surface}'s document"
    problems = {
        f"{method} {path}": check_endpoint(surface, method, path, schema) for method, path in documented
    }
    failing = {endpoint: problem for endpoint, problem in problems.items() if problem}
    expected = {f"{method} {path}" for method, path in not_yet}
    assert expected <= {f"{m} {p}" for m, p in documented}, "not_yet names an endpoint the document lacks"
    assert {e: p for e, p in failing.items() if e not in expected} == {}
    assert sorted(expected - set(failing)) == [], "served now: take these off not_yet"
