"""LaTeX and Markdown templates: Django's template language over a pre-escaped document.

Every string in the document is escaped for the target format *before* the template sees it,
and autoescaping is off, so a template cannot forget to escape and a CV cannot inject markup.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.template import Context, Engine

from .registry import TEMPLATES_DIR

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))
# Both escapes fold a line break, and the space around it, into one space.
_LINE_BREAK = re.compile(r"\s*\n\s*")


def latex_escape(text: str) -> str:
    text = _LATEX_RE.sub(lambda m: _LATEX_SPECIALS[m.group(0)], str(text))
    # Blank lines would start paragraphs inside macros; keep user text on one paragraph.
    return _LINE_BREAK.sub(" ", text).replace("\x00", "")


def latex_url(url: str) -> str:
    """A URL safe inside ``\\href{…}``: braces, backslashes and spaces percent-encoded."""
    url = quote(url, safe=":/?&=@+,;!*'()[]._-~%#")
    return url.replace("%", r"\%").replace("#", r"\#").replace("~", r"\~{}")


# Inline specials everywhere; block markers only where a string could start a line.
_MD_SPECIALS = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+=>-]|\d+[.)])")


def markdown_escape(text: str) -> str:
    text = _LINE_BREAK.sub(" ", str(text))
    text = _MD_SPECIALS.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1." starts a list: escape the dot, not the digit
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


def markdown_url(url: str) -> str:
    return quote(url, safe=":/?&=@+,;!*'._-~%#")


def escape_document(value, escape, url_escape, key: str = ""):
    """Escape every string in the document; URLs get the URL escape, SVG data is dropped."""
    if isinstance(value, dict):
        return {k: escape_document(v, escape, url_escape, k) for k, v in value.items() if k != "qr"}
    if isinstance(value, list):
        return [escape_document(v, escape, url_escape, key) for v in value]
    if isinstance(value, str):
        return url_escape(value) if key == "url" else escape(value)
    return value


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES_DIR)], autoescape=False, debug=False, libraries={}, builtins=[])


def render_text_template(relative_path: str, document: dict) -> str:
    template = engine().get_template(relative_path)
    return template.render(Context(document, autoescape=False))
