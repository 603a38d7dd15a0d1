"""LaTeX CV source -> lines, with the common CV classes' macros turned into structure.

We do not run TeX. A small recursive renderer walks the source: the document's own
``\\newcommand``/``\\def`` macros are expanded (that is how Jake's ``\\resumeSubheading`` and
most home-made templates work), the CV classes' macros (moderncv, Awesome-CV, AltaCV) map to
entries and header fields, formatting macros keep their text, layout macros vanish, and any
other macro degrades to the text of its arguments. ``\\input``/``\\include`` are not
followed in a single file; a zipped project has them inlined first (``latex_project``).
"""

from __future__ import annotations

import contextlib
import re

from ..document import SEP, Line, RawDocument
from ..errors import IngestError
from .latex_args import group
from .latex_macros import BULLET, ENTRY, ENTRY_MACROS, FIELD, HEADER_MACROS, HEADING, STOP
from .latex_render import _Budget, _Renderer


def read_latex(source: str) -> RawDocument:
    source = _strip_comments(source)
    if len(source) > 5_000_000:
        raise IngestError("The LaTeX file is too large to be a CV.", code="malformed_file")
    renderer = _Renderer(_definitions(source))
    body = source
    if m := re.search(r"\\begin\s*\{document\}", source):
        # Header macros (\name, \email...) live in the preamble; one we cannot follow still
        # leaves the body readable.
        with contextlib.suppress(_Budget, RecursionError):
            renderer.render(source[: m.start()])
        renderer.stopped = False
        body = source[m.end() :]
        body = re.split(r"\\end\s*\{document\}", body, maxsplit=1)[0]
    try:
        text = renderer.render(body)
    except (_Budget, RecursionError) as exc:
        raise IngestError(
            "The LaTeX file expands without end; it cannot be read.", code="malformed_file"
        ) from exc
    doc = RawDocument(format="latex", lines=_header_lines(renderer.hints) + _lines(text))
    doc.hints = renderer.hints
    doc.links = renderer.links
    return doc


def _strip_comments(source: str) -> str:
    source = re.sub(r"\\begin\{comment\}.*?\\end\{comment\}", "", source, flags=re.S)
    return re.sub(r"(?<!\\)%.*", "", source)


def _definitions(source: str) -> dict[str, tuple[int, str | None, str]]:
    """User macros: name -> (number of args, default of an optional first arg, body)."""
    defs: dict[str, tuple[int, str | None, str]] = {}
    for m in re.finditer(
        r"\\(?:re)?newcommand\*?\s*\{?\\([A-Za-z@]+)\}?\s*(?:\[(\d)\])?\s*(?:\[([^\]]*)\])?\s*\{", source
    ):
        body, _ = group(source, m.end() - 1)
        defs[m.group(1)] = (int(m.group(2) or 0), m.group(3), body)
    for m in re.finditer(r"\\def\s*\\([A-Za-z@]+)((?:#\d)*)\s*\{", source):
        body, _ = group(source, m.end() - 1)
        defs[m.group(1)] = (len(m.group(2)) // 2, None, body)
    # Definitions we understand better than their expansion (layout-heavy class internals).
    for name in list(defs):
        if name in ENTRY_MACROS or name in HEADER_MACROS or name in ("section", "item", "href", "url"):
            defs.pop(name)
    return defs


def _header_lines(hints: dict) -> list[Line]:
    lines = []
    if hints.get("name"):
        lines.append(Line(text=hints["name"], size=20.0))
    if hints.get("label"):
        lines.append(Line(text=hints["label"]))
    return lines


def _lines(text: str) -> list[Line]:
    out: list[Line] = []
    for raw in text.split("\n"):
        bullet = raw.lstrip(" \t").startswith(BULLET)
        raw = raw.replace(BULLET, "").replace(STOP, "")
        if raw.startswith(HEADING):
            out.append(Line(text=raw[1:].strip(), heading=True))
            continue
        if raw.startswith(ENTRY):
            fields = dict(f.split("=", 1) for f in raw[1:].split(FIELD) if "=" in f)
            text = SEP.join(v for v in fields.values() if v)
            out.append(Line(text=text, entry=fields))
            continue
        cells = [" ".join(c.split()) for c in raw.split(SEP)]
        text = SEP.join(c for c in cells if c)
        if text.strip():
            out.append(Line(text=text.strip(), bullet=bullet))
    return out
