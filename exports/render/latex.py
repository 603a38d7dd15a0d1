"""StructuredCV → a complete LaTeX document (pdflatex or xelatex compile it)."""

import re

from .registry import template_file
from .text_templates import escape_document, latex_escape, latex_url, render_text_template


def render_latex(document: dict, manifest: dict) -> str:
    safe = escape_document(document, latex_escape, latex_url)
    opts = document["options"]
    # Colours go into \definecolor as HTML hex without '#'; they come from manifests, not users.
    safe["options"] = opts | {
        "accent_hex": opts["accent"].lstrip("#").upper(),
        "heading_hex": opts["heading"].lstrip("#").upper(),
        "fill_hex": opts["tint"].lstrip("#").upper(),
        "paper_name": "a4paper" if opts["paper"] == "a4" else "letterpaper",
        "font_pt": _latex_font_size(opts["font_size"]),
        "watermark_text": latex_escape(opts["watermark"]["text"]),
        "watermark_gray": round(1 - float(opts["watermark"]["opacity"]), 2),
    }
    path = template_file(manifest, "latex")
    return _unpad(render_text_template(f"{manifest['id']}/{path.name}", safe))


# Django's ``{{`` clashes with TeX's braces, so templates write ``{ {{ value }} }``; the pads
# are dropped here. Escaped user braces are ``\{``/``\}`` and never match.
_PAD = re.compile(r"(?<!\\)\{ | \}")


def _unpad(source: str) -> str:
    return _PAD.sub(lambda m: m.group(0).strip(), source)


def _latex_font_size(size: float) -> str:
    # The standard classes only take 10, 11 or 12pt; pick the nearest.
    return f"{min((10, 11, 12), key=lambda s: abs(s - float(size)))}pt"
