"""StructuredCV → Typst → PDF (or PNG), in-process with the ``typst`` package.

One warm ``typst.Compiler`` per template file and process: fonts are scanned once, and
the document reaches the template as JSON in ``sys.inputs`` — user text is data, so nothing
in a CV can become Typst markup.
"""

import json
import threading
from pathlib import Path

import typst

from cvplatform.exceptions import ApplicationError

from .. import conf
from .registry import TEMPLATES_DIR

_compilers: dict[str, typst.Compiler] = {}
_lock = threading.Lock()


def _compiler(path: Path) -> typst.Compiler:
    key = str(path)
    with _lock:
        compiler = _compilers.get(key)
        if compiler is None:
            compiler = typst.Compiler(input=key, root=str(TEMPLATES_DIR), font_paths=conf.font_paths())
            _compilers[key] = compiler
        return compiler


def compile_typst(path: Path, document: dict, *, fmt: str = "pdf", ppi: float | None = None):
    """Compile one template with the document; PNG answers a list of pages."""
    compiler = _compiler(path)
    inputs = {"data": json.dumps(document, ensure_ascii=False)}
    try:
        with _lock:  # the compiler keeps per-run state: one compile at a time per process
            return compiler.compile(format=fmt, ppi=ppi, sys_inputs=inputs)
    except typst.TypstError as exc:
        raise ApplicationError(f"The template could not be rendered: {exc}", code="render_failed") from exc
