"""One entry point: a StructuredCV, a template and a format in, a file out."""

from dataclasses import dataclass

from cvplatform.exceptions import ApplicationError
from resumes.schema import StructuredCV

from .document import build_document
from .docx import render_docx
from .latex import render_latex
from .markdown import render_markdown
from .options import RenderOptions
from .registry import manifest_for, template_file
from .typst_pdf import compile_typst

FORMATS = {
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "tex": ("application/x-tex", "tex"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "md": ("text/markdown; charset=utf-8", "md"),
}
FORMAT_ALIASES = {"latex": "tex", "markdown": "md", "word": "docx"}


@dataclass
class RenderedFile:
    content: bytes
    content_type: str
    extension: str


def normalise_format(fmt: str) -> str:
    fmt = FORMAT_ALIASES.get((fmt or "").lower(), (fmt or "").lower())
    if fmt not in FORMATS:
        raise ApplicationError(
            f"Unsupported format '{fmt}'. Choose one of: pdf, docx, tex, md.",
            code="invalid_format",
            fields={"format": ["Unsupported format."]},
        )
    return fmt


def render_cv(
    *,
    cv: StructuredCV,
    template_id: str,
    fmt: str,
    options: RenderOptions | None = None,
    letter: dict | None = None,
    custom_sections=None,
) -> RenderedFile:
    """``custom_sections``: the document's own sections, ``{title: [lines]}`` or
    ``[{"title", "lines"}]``, drawn after the template's in every format."""
    fmt = normalise_format(fmt)
    manifest = manifest_for(template_id)
    document = build_document(
        cv=cv,
        options=options or RenderOptions(),
        manifest=manifest,
        letter=letter,
        custom_sections=custom_sections,
    )
    if fmt in ("pdf", "png"):
        content = compile_typst(template_file(manifest, "typst"), document, fmt=fmt, ppi=72)
        if isinstance(content, list):  # PNG: the first page is the preview
            content = content[0]
    elif fmt == "tex":
        content = render_latex(document, manifest).encode("utf-8")
    elif fmt == "md":
        content = render_markdown(document, manifest).encode("utf-8")
    else:
        content = render_docx(document, manifest)
    content_type, extension = FORMATS[fmt]
    return RenderedFile(content=content, content_type=content_type, extension=extension)
