"""Renderers: ``StructuredCV`` → Typst/PDF, LaTeX, DOCX, Markdown.

Every renderer starts from the same neutral document (``document.build_document``), so the
formats carry the same facts in the same order and the ATS round trip holds for each.
"""
