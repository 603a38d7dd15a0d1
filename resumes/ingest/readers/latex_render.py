"""The LaTeX renderer: source -> text with markers for headings, bullets and entries.

Markers (control characters) survive into the rendered text and become Line attributes in
``latex.py``: a heading, a bullet, an entry with its fields.
"""

from __future__ import annotations

import re

from ..document import SEP
from .latex_args import CMD, bracket_end, group, read_args, skip_space
from .latex_fields import FieldMacros
from .latex_macros import (
    ACCENTS,
    BULLET,
    DROP_WITH_ARGS,
    ENTRY_MACROS,
    ENV_ARGS,
    HEADER_MACROS,
    HEADING,
    LINE_MACROS,
    NO_TEXT,
    SYMBOLS,
)

_MAX_EXPANSIONS = 20000  # user macros expanded per document: a recursive definition stops here
_MAX_OUTPUT = 2_000_000


class _Budget(Exception):
    pass


class _Renderer(FieldMacros):
    def __init__(self, defs: dict[str, tuple[int, str | None, str]]) -> None:
        self.defs = defs
        self.hints: dict = {"emails": [], "phones": [], "profiles": []}
        self.links: list[str] = []
        self.expansions = 0
        self.section = ""
        self.stopped = False

    def render(self, s: str, depth: int = 0) -> str:
        if depth > 40:
            raise _Budget
        out: list[str] = []
        i, n = 0, len(s)
        while i < n and not self.stopped:
            c = s[i]
            if c == "\\":
                text, i = self._command(s, i, depth)
                out.append(text)
            elif c == "{":
                inner, i = group(s, i)
                out.append(self.render(inner, depth + 1))
            elif c == "}":
                i += 1
            elif c == "&":
                out.append(SEP)
                i += 1
            elif c == "~":
                out.append(" ")
                i += 1
            elif c == "$":
                i += 1  # math shift: keep the content ($|$ -> |)
            elif c in "^_" and i + 1 < n and s[i + 1] == "{":
                inner, i = group(s, i + 1)
                out.append(self.render(inner, depth + 1))
            elif c == "\n" and s.startswith("\n\n", i):
                out.append("\n")
                i += 2
            elif c == "-" and s.startswith("---", i):
                out.append("—")
                i += 3
            elif c == "-" and s.startswith("--", i):
                out.append("–")
                i += 2
            elif c == "`" and s.startswith("``", i):
                out.append("“")
                i += 2
            elif c == "'" and s.startswith("''", i):
                out.append("”")
                i += 2
            else:
                out.append(" " if c in "\n\t\r" else c)
                i += 1
            # The cheap modulo first: this runs once per source character.
            if len(out) % 500 == 0 and sum(len(x) for x in out[-50:]) and sum(map(len, out)) > _MAX_OUTPUT:
                raise _Budget
        return "".join(out)

    def _command(self, s: str, i: int, depth: int) -> tuple[str, int]:
        m = CMD.match(s, i)
        if not m:
            return "", i + 1
        name, j = m.group(1), m.end()
        if name in SYMBOLS:
            return SYMBOLS[name], j
        if name == "\\":  # \\ line break, optional [2pt]
            j2 = skip_space(s, j)
            if j2 < len(s) and s[j2] == "[":
                j = bracket_end(s, j2) + 1
            return "\n", j
        if name in ACCENTS and (not name.isalpha() or s.startswith("{", j)):
            return self._accent(name, s, j, depth)
        if len(name) == 1 and not name.isalpha():
            return name if name in "&%$#_{}" else "", j
        if (name.startswith("fa") and name[2:3].isupper()) or name.startswith(("ding", "Mundus", "Letter")):
            return "", read_args(s, j, 0)[2]  # icon fonts: no text
        base = name.rstrip("*")
        if base in self.defs and name not in ("begin", "end"):
            return self._expand(base, s, j, depth)
        handler = getattr(self, f"_m_{base}", None)
        if handler is not None:
            return handler(s, j, depth)
        if base in HEADER_MACROS:
            return self._header(base, s, j, depth)
        if base in ENTRY_MACROS:
            return self._entry(base, s, j, depth)
        if base in LINE_MACROS:
            return self._line_macro(base, s, j, depth)
        if base in DROP_WITH_ARGS:
            return "", read_args(s, j, DROP_WITH_ARGS[base])[2]
        if base in NO_TEXT:
            return "", j
        # Unknown macro: its text is whatever its arguments say.
        return "", j

    def _accent(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        import unicodedata

        if j < len(s) and s[j] == "{":
            arg, j = group(s, j)
        elif j < len(s) and s[j] == "\\":
            m = CMD.match(s, j)
            arg, j = m.group(1), m.end()
            arg = {"i": "i", "j": "j"}.get(arg, arg)
        else:
            arg, j = s[j : j + 1], j + 1
        base = self.render(arg, depth + 1) if "\\" in arg else arg
        if not base:
            return "", j
        return unicodedata.normalize("NFC", base[0] + ACCENTS[name]) + base[1:], j

    def _more_args(self, s: str, j: int, limit: int) -> tuple[list[str], int]:
        """Further {..} arguments, only if they follow directly (moderncv's \\name{First}{Last})."""
        out = []
        while len(out) < limit:
            k = j
            while k < len(s) and s[k] in " \t":
                k += 1
            if k >= len(s) or s[k] != "{":
                break
            arg, j = group(s, k)
            out.append(arg)
        return out, j

    def _m_def(self, s: str, j: int, depth: int) -> tuple[str, int]:
        k = s.find("{", j)
        return "", (group(s, k)[1] if k >= 0 else len(s))

    def _m_NewInfoField(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, _, j = read_args(s, j, 2)
        k = skip_space(s, j)
        if k < len(s) and s[k] == "[":
            j = bracket_end(s, k) + 1
        return "", j

    def _m_cvskill(self, s: str, j: int, depth: int) -> tuple[str, int]:
        # AltaCV \cvskill{English}{4}: a rated item; Awesome-CV \cvskill{Type}{List}: a group.
        _, (a, b), j = read_args(s, j, 2)
        a, b = (" ".join(self.render(x, depth + 1).split()) for x in (a, b))
        if re.fullmatch(r"[\d.]+", b.strip()):
            return f"\n{BULLET}{a}\n", j
        return f"\n{a}: {b}\n", j

    # ---------------------------------------------------------------- expansion
    def _expand(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        self.expansions += 1
        if self.expansions > _MAX_EXPANSIONS:
            raise _Budget
        nargs, default, body = self.defs[name]
        args: list[str] = []
        if default is not None:
            k = skip_space(s, j)
            if k < len(s) and s[k] == "[":
                end = bracket_end(s, k)
                args.append(s[k + 1 : end])
                j = end + 1
            else:
                args.append(default)
            nargs -= 1
        _, more, j = read_args(s, j, nargs, optional=False)
        args += more
        # TeX substitutes tokens: "\\small#1" must not become the control word "\\smallText".
        body = re.sub(r"(\\[A-Za-z@]+)(#\d)", r"\1 \2", body)
        text = re.sub(
            r"#(\d)", lambda m: args[int(m.group(1)) - 1] if int(m.group(1)) <= len(args) else "", body
        )
        return self.render(text, depth + 1), j

    # ---------------------------------------------------------------- structure
    def _m_begin(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (env,), j = read_args(s, j, 1, optional=False)
        env = env.strip()
        if env in ENV_ARGS or env.rstrip("*") in ENV_ARGS:
            nargs = ENV_ARGS.get(env, ENV_ARGS.get(env.rstrip("*"), 0))
            _, _, j = read_args(s, j, nargs)
            return "\n", j
        # A template's own environment: \begin{rSection}{Experience} names a section; other
        # arguments (\begin{twocolentry}{2020 – 2022}) are text on their own line.
        k = skip_space(s, j)
        while k < len(s) and s[k] == "[":
            k = skip_space(s, bracket_end(s, k) + 1)
        if k < len(s) and s[k] == "{":
            arg, j = group(s, k)
            text = " ".join(self.render(arg, depth + 1).split())
            if re.search(r"section|heading|rubric", env, re.I) and text:  # curve's rubric too
                self.section = text.lower()
                return f"\n{HEADING}{text}\n", j
            if text and not re.fullmatch(r"[\d.\s]*(?:pt|em|ex|cm|mm|in|textwidth|linewidth)?", text):
                return f"\n{text}\n", j
            return "\n", j
        return "\n", j

    def _m_end(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, _, j = read_args(s, j, 1, optional=False)
        return "\n", j

    def _m_item(self, s: str, j: int, depth: int) -> tuple[str, int]:
        opts, _, j = read_args(s, j, 0)
        label = self.render(opts[0], depth + 1).strip() if opts else ""
        # A custom item label that is a word ("Languages:") is content; a symbol is a bullet.
        prefix = label + " " if re.search(r"\w", label) else ""
        return f"\n{BULLET}{prefix}", j

    def _section(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (title,), j = read_args(s, j, 1)
        text = " ".join(self.render(title, depth + 1).split())
        self.section = text.lower()
        return f"\n{HEADING}{text}\n", j

    _m_section = _m_cvsection = _m_chapter = _m_ecvsection = _section

    def _m_entry(self, s: str, j: int, depth: int) -> tuple[str, int]:
        """curve's ``\\entry*[dates] text``: the dates, then the entry's text on that line."""
        opts, _, j = read_args(s, j, 0)
        label = " ".join(self.render(opts[0], depth + 1).split()) if opts else ""
        return (f"\n{label}{SEP}" if label else "\n"), j

    def _m_namesection(self, s: str, j: int, depth: int) -> tuple[str, int]:
        """Deedy's ``\\namesection{First}{Last}{contact line}``."""
        _, args, j = read_args(s, j, 3)
        vals = [" ".join(self.render(a, depth + 1).split()) for a in args]
        self.hints["name"] = " ".join(v for v in vals[:2] if v)
        return f"\n{vals[2] if len(vals) > 2 else ''}\n", j

    def _m_subsection(self, s: str, j: int, depth: int) -> tuple[str, int]:
        from ..extract.sections import heading_kind

        _, (title,), j = read_args(s, j, 1)
        text = " ".join(self.render(title, depth + 1).split())
        if heading_kind(text) not in (None, "other"):
            self.section = text.lower()
            return f"\n{HEADING}{text}\n", j
        return f"\n{text}\n" if not self.section or "experience" not in self.section else "\n", j

    _m_cvsubsection = _m_subsection

    def _m_href(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (url, text), j = read_args(s, j, 2)
        url = url.strip()
        self.links.append(url)
        rendered = self.render(text, depth + 1)
        return rendered, j

    def _m_url(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (url,), j = read_args(s, j, 1)
        self.links.append(url.strip())
        return url.strip(), j

    def _m_textcolor(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (_, text), j = read_args(s, j, 2)
        return self.render(text, depth + 1), j

    def _stop(self, s: str, j: int, depth: int) -> tuple[str, int]:
        # A cover letter follows the CV in the same file (moderncv's template does this).
        self.stopped = True
        return "", len(s)

    _m_makelettertitle = _m_recipient = _m_opening = _stop
