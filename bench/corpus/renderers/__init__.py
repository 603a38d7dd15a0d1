"""Render a persona through third-party designs.

- ``rendercv-<theme>``: RenderCV's Typst themes (PyPI ``rendercv``), compiled with the
  ``typst`` package. The themes import the FontAwesome Typst package, which is fetched from
  the Typst package host at compile time; offline, the import is replaced by an ``fa-icon``
  that draws nothing (the icons are decoration, not text).
- ``jsonresume-<theme>``: JSON Resume themes from the npm registry, rendered to HTML by
  ``resumed`` and printed to PDF by headless Chromium. ``docx-<theme>``: the same HTML
  converted to DOCX by LibreOffice (tables and all), ``wordpdf-<theme>``: that DOCX saved as
  PDF by LibreOffice, as a CV saved from Word is.
- ``latex-<class>``: LaTeX sources written against the documented entry macros of CV classes
  (moderncv, europecv, res, curve, Deedy, sb2nov), one with the author's own ``\\newcommand``
  entry macros, and a multi-file Overleaf-style project (``.zip``) whose sections are ``\\input``.
- ``jobboard-txt``: a job-board export ("Title as Role at Company" or "Title at Company" /
  "Mon YYYY to Mon YYYY").
"""

from .jobboard import JOBBOARD_ROLES, render_jobboard
from .jsonresume import JSONRESUME_THEMES, html_to_pdf, localize_headings, render_jsonresume_html, soffice
from .latex import LATEX_CLASSES, render_latex
from .typst import RENDERCV_THEMES, render_rendercv
from .word import DOCX_STYLES, render_docx

__all__ = [
    "DOCX_STYLES",
    "JOBBOARD_ROLES",
    "JSONRESUME_THEMES",
    "LATEX_CLASSES",
    "RENDERCV_THEMES",
    "html_to_pdf",
    "localize_headings",
    "render_docx",
    "render_jobboard",
    "render_jsonresume_html",
    "render_latex",
    "render_rendercv",
    "soffice",
]
