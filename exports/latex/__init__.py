"""Untrusted LaTeX: a sandboxed TeX engine, or pandoc (+ Typst) where none is installed."""
