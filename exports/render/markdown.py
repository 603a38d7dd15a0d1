"""StructuredCV → Markdown (CommonMark), with every user string escaped."""

from .registry import template_file
from .text_templates import escape_document, markdown_escape, markdown_url, render_text_template


def render_markdown(document: dict, manifest: dict) -> str:
    safe = escape_document(document, markdown_escape, markdown_url)
    path = template_file(manifest, "markdown")
    text = render_text_template(f"{manifest['id']}/{path.name}", safe)
    # Templates may leave runs of blank lines around skipped blocks; one is enough.
    lines, blank = [], False
    for line in text.splitlines():
        if not line.strip():
            if not blank and lines:
                lines.append("")
            blank = True
            continue
        lines.append(line.rstrip())
        blank = False
    return "\n".join(lines).strip() + "\n"
