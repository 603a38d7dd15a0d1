"""LaTeX CV source -> lines, with the common CV classes' macros turned into structure.

We do not run TeX. A small recursive renderer walks the source: the document's own
``\\newcommand``/``\\def`` macros are expanded (that is how Jake's ``\\resumeSubheading`` and
most home-made templates work), the CV classes' macros (moderncv, Awesome-CV, AltaCV) map to
entries and header fields, formatting macros keep their text, layout macros vanish, and any
other macro degrades to the text of its arguments. ``\\input``/``\\include`` are never
followed: an upload is one file.
"""

from __future__ import annotations

import contextlib
import re

from ..document import SEP, Line, RawDocument
from ..errors import IngestError
from .latex_macros import (
    ACCENTS,
    DROP_WITH_ARGS,
    ENTRY_MACROS,
    ENV_ARGS,
    HEADER_MACROS,
    LINE_MACROS,
    NO_TEXT,
    SOCIAL_URL,
    SYMBOLS,
)

# Markers in the rendered text; each becomes a Line attribute when the text is split.
BULLET = "\x01"
HEADING = "\x02"
ENTRY = "\x04"
FIELD = "\x1f"
STOP = "\x05"

_MAX_EXPANSIONS = 20000  # user macros expanded per document: a recursive definition stops here
_MAX_OUTPUT = 2_000_000
_CMD = re.compile(r"\\([A-Za-z@]+\*?|.)")


class _Budget(Exception):
    pass


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
        body, _ = _group(source, m.end() - 1)
        defs[m.group(1)] = (int(m.group(2) or 0), m.group(3), body)
    for m in re.finditer(r"\\def\s*\\([A-Za-z@]+)((?:#\d)*)\s*\{", source):
        body, _ = _group(source, m.end() - 1)
        defs[m.group(1)] = (len(m.group(2)) // 2, None, body)
    # Definitions we understand better than their expansion (layout-heavy class internals).
    for name in list(defs):
        if name in ENTRY_MACROS or name in HEADER_MACROS or name in ("section", "item", "href", "url"):
            defs.pop(name)
    return defs


def _group(s: str, i: int) -> tuple[str, int]:
    """The balanced {...} group starting at s[i] == '{': (content, index after it)."""
    depth, j = 0, i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return s[i + 1 : j], j + 1
        j += 1
    return s[i + 1 :], len(s)


def _skip_space(s: str, i: int) -> int:
    # Arguments may sit on the next lines (Jake's template), but not after a blank line.
    while i < len(s) and s[i] in " \t\r\n":
        if s.startswith("\n\n", i) or s.startswith("\n \n", i):
            break
        i += 1
    return i


def _args(s: str, i: int, n: int, *, optional: bool = True) -> tuple[list[str], list[str], int]:
    """Read optional [..] and n mandatory {..} arguments from s[i:]."""
    opts: list[str] = []
    out: list[str] = []
    j = _skip_space(s, i)
    while optional and j < len(s) and s[j] == "[":
        end = _bracket_end(s, j)
        opts.append(s[j + 1 : end])
        j = _skip_space(s, end + 1)
    for _ in range(n):
        j = _skip_space(s, j)
        if j < len(s) and s[j] == "{":
            arg, j = _group(s, j)
        elif j < len(s) and s[j] == "\\":
            m = _CMD.match(s, j)
            arg, j = m.group(0), m.end()
        elif j < len(s):
            arg, j = s[j], j + 1
        else:
            arg = ""
        out.append(arg)
        k = _skip_space(s, j)
        while optional and k < len(s) and s[k] == "[" and len(out) < n:
            end = _bracket_end(s, k)
            opts.append(s[k + 1 : end])
            k = end + 1
            j = k
    return opts, out, j


def _bracket_end(s: str, i: int) -> int:
    depth = 0
    for j in range(i, min(len(s), i + 500)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
        elif s[j] == "]" and depth <= 0:
            return j
    return i


class _Renderer:
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
                inner, i = _group(s, i)
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
                inner, i = _group(s, i + 1)
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
            if sum(len(x) for x in out[-50:]) and len(out) % 500 == 0 and sum(map(len, out)) > _MAX_OUTPUT:
                raise _Budget
        return "".join(out)

    def _command(self, s: str, i: int, depth: int) -> tuple[str, int]:
        m = _CMD.match(s, i)
        if not m:
            return "", i + 1
        name, j = m.group(1), m.end()
        if name in SYMBOLS:
            return SYMBOLS[name], j
        if name == "\\":  # \\ line break, optional [2pt]
            j2 = _skip_space(s, j)
            if j2 < len(s) and s[j2] == "[":
                j = _bracket_end(s, j2) + 1
            return "\n", j
        if name in ACCENTS and (not name.isalpha() or s.startswith("{", j)):
            return self._accent(name, s, j, depth)
        if len(name) == 1 and not name.isalpha():
            return name if name in "&%$#_{}" else "", j
        if (name.startswith("fa") and name[2:3].isupper()) or name.startswith(("ding", "Mundus", "Letter")):
            return "", _args(s, j, 0)[2]  # icon fonts: no text
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
            return "", _args(s, j, DROP_WITH_ARGS[base])[2]
        if base in NO_TEXT:
            return "", j
        # Unknown macro: its text is whatever its arguments say.
        return "", j

    def _accent(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        import unicodedata

        if j < len(s) and s[j] == "{":
            arg, j = _group(s, j)
        elif j < len(s) and s[j] == "\\":
            m = _CMD.match(s, j)
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
            arg, j = _group(s, k)
            out.append(arg)
        return out, j

    def _m_def(self, s: str, j: int, depth: int) -> tuple[str, int]:
        k = s.find("{", j)
        return "", (_group(s, k)[1] if k >= 0 else len(s))

    def _m_NewInfoField(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, _, j = _args(s, j, 2)
        k = _skip_space(s, j)
        if k < len(s) and s[k] == "[":
            j = _bracket_end(s, k) + 1
        return "", j

    def _m_cvskill(self, s: str, j: int, depth: int) -> tuple[str, int]:
        # AltaCV \cvskill{English}{4}: a rated item; Awesome-CV \cvskill{Type}{List}: a group.
        _, (a, b), j = _args(s, j, 2)
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
            k = _skip_space(s, j)
            if k < len(s) and s[k] == "[":
                end = _bracket_end(s, k)
                args.append(s[k + 1 : end])
                j = end + 1
            else:
                args.append(default)
            nargs -= 1
        _, more, j = _args(s, j, nargs, optional=False)
        args += more
        # TeX substitutes tokens: "\\small#1" must not become the control word "\\smallText".
        body = re.sub(r"(\\[A-Za-z@]+)(#\d)", r"\1 \2", body)
        text = re.sub(
            r"#(\d)", lambda m: args[int(m.group(1)) - 1] if int(m.group(1)) <= len(args) else "", body
        )
        return self.render(text, depth + 1), j

    # ---------------------------------------------------------------- structure
    def _m_begin(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (env,), j = _args(s, j, 1, optional=False)
        env = env.strip()
        if env in ENV_ARGS or env.rstrip("*") in ENV_ARGS:
            nargs = ENV_ARGS.get(env, ENV_ARGS.get(env.rstrip("*"), 0))
            _, _, j = _args(s, j, nargs)
            return "\n", j
        # A template's own environment: \begin{rSection}{Experience} names a section; other
        # arguments (\begin{twocolentry}{2020 – 2022}) are text on their own line.
        k = _skip_space(s, j)
        while k < len(s) and s[k] == "[":
            k = _skip_space(s, _bracket_end(s, k) + 1)
        if k < len(s) and s[k] == "{":
            arg, j = _group(s, k)
            text = " ".join(self.render(arg, depth + 1).split())
            if re.search(r"section|heading", env, re.I) and text:
                self.section = text.lower()
                return f"\n{HEADING}{text}\n", j
            if text and not re.fullmatch(r"[\d.\s]*(?:pt|em|ex|cm|mm|in|textwidth|linewidth)?", text):
                return f"\n{text}\n", j
            return "\n", j
        return "\n", j

    def _m_end(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, _, j = _args(s, j, 1, optional=False)
        return "\n", j

    def _m_item(self, s: str, j: int, depth: int) -> tuple[str, int]:
        opts, _, j = _args(s, j, 0)
        label = self.render(opts[0], depth + 1).strip() if opts else ""
        # A custom item label that is a word ("Languages:") is content; a symbol is a bullet.
        prefix = label + " " if re.search(r"\w", label) else ""
        return f"\n{BULLET}{prefix}", j

    def _section(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (title,), j = _args(s, j, 1)
        text = " ".join(self.render(title, depth + 1).split())
        self.section = text.lower()
        return f"\n{HEADING}{text}\n", j

    _m_section = _m_cvsection = _m_chapter = _section

    def _m_subsection(self, s: str, j: int, depth: int) -> tuple[str, int]:
        from ..extract.sections import heading_kind

        _, (title,), j = _args(s, j, 1)
        text = " ".join(self.render(title, depth + 1).split())
        if heading_kind(text) not in (None, "other"):
            self.section = text.lower()
            return f"\n{HEADING}{text}\n", j
        return f"\n{text}\n" if not self.section or "experience" not in self.section else "\n", j

    _m_cvsubsection = _m_subsection

    def _m_href(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (url, text), j = _args(s, j, 2)
        url = url.strip()
        self.links.append(url)
        rendered = self.render(text, depth + 1)
        return rendered, j

    def _m_url(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (url,), j = _args(s, j, 1)
        self.links.append(url.strip())
        return url.strip(), j

    def _m_textcolor(self, s: str, j: int, depth: int) -> tuple[str, int]:
        _, (_, text), j = _args(s, j, 2)
        return self.render(text, depth + 1), j

    def _stop(self, s: str, j: int, depth: int) -> tuple[str, int]:
        # A cover letter follows the CV in the same file (moderncv's template does this).
        self.stopped = True
        return "", len(s)

    _m_makelettertitle = _m_recipient = _m_opening = _stop

    # ---------------------------------------------------------------- header fields
    def _header(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        nargs, role = HEADER_MACROS[name]
        opts, args, j = _args(s, j, nargs)
        if name in ("name", "address"):
            more, j = self._more_args(s, j, 2)
            args += more
        vals = [" ".join(self.render(a, depth + 1).split()) for a in args]
        if role == "name":
            self.hints["name"] = " ".join(v for v in vals if v)
        elif role in ("first", "last"):
            self.hints[role] = vals[0]
            self.hints["name"] = " ".join(self.hints.get(k, "") for k in ("first", "last")).strip()
        elif role == "label":
            self.hints.setdefault("label", vals[0])
        elif role == "email":
            self.hints["emails"].append(vals[0])
        elif role == "phone":
            self.hints["phones"].append(vals[0])
        elif role == "url":
            self.hints.setdefault("url", vals[0])
        elif role in ("location", "address"):
            self._place(role, [self.render(a, depth + 1) for a in args])
        elif role == "social":
            network = (opts[0] if opts else name).strip().lower()
            self._social(network, vals)
        return "", j

    def _place(self, role: str, rendered: list[str]) -> None:
        """An address argument may hold the whole contact block ("City \\\\ mail \\\\ phone")."""
        from ..extract.contacts import find_emails, find_phones

        parts = []
        for line in (ln.strip(" ,") for r in rendered for ln in r.split("\n")):
            line = " ".join(line.replace(SEP, " ").split())
            if not line:
                continue
            if emails := find_emails(line):
                self.hints["emails"].extend(emails)
            elif phones := find_phones(line):
                self.hints["phones"].extend(phones)
            else:
                parts.append(line)
        if parts:
            self.hints.setdefault(role, ", ".join(parts))

    def _social(self, network: str, vals: list[str]) -> None:
        network = {"xtwitter": "twitter", "x": "twitter"}.get(network, network)
        user = vals[0].strip().lstrip("@") if vals else ""
        if not user:
            return
        url = vals[1] if len(vals) > 1 and vals[1] else ""
        if not url and network in SOCIAL_URL:
            url = SOCIAL_URL[network].format(user)
        pretty = {
            "linkedin": "LinkedIn",
            "github": "GitHub",
            "gitlab": "GitLab",
            "orcid": "ORCID",
            "stackoverflow": "StackOverflow",
            "researchgate": "ResearchGate",
            "googlescholar": "Google Scholar",
        }
        self.hints["profiles"].append((pretty.get(network, network.capitalize()), user, url))

    # ---------------------------------------------------------------- entries
    def _entry(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        nargs, roles = ENTRY_MACROS[name]
        if name == "cventry":  # moderncv has 6 arguments, Awesome-CV 5
            _, args, j = _args(s, j, 5)
            more, j = self._more_args(s, j, 1)
            args += more
        else:
            _, args, j = _args(s, j, nargs)
        vals = [self.render(a, depth + 1) for a in args]
        roles = _entry_roles(name, roles, vals)
        fields: dict[str, str] = {}
        tail = ""
        for role, raw in zip(roles, vals, strict=False):
            text = " ".join(raw.replace(BULLET, "").split())
            if role == "description":
                tail = raw
            elif role == "dates":
                from ..extract.patterns import find_date_range, normalize_date

                found = find_date_range(text)
                if found and found[2][0] == 0:
                    fields["start"], fields["end"] = found[0], found[1]
                elif "–" in text or " - " in text:
                    start, _, end = re.split(r"\s*(–|—| - )\s*", text, maxsplit=1)
                    fields["start"], fields["end"] = normalize_date(start), normalize_date(end)
                elif text:
                    fields["start"] = normalize_date(text)
            elif role and text:
                fields[role] = text
        line = ENTRY + FIELD.join(f"{k}={v}" for k, v in fields.items() if "=" not in k)
        return f"\n{line}\n{tail}\n", j

    def _line_macro(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        nargs, template = LINE_MACROS[name]
        _, args, j = _args(s, j, nargs)
        vals = [" ".join(self.render(a, depth + 1).split()) for a in args]
        lines = []
        for row in template:
            text = row.format(*vals).strip()
            text = re.sub(r"^\s*:\s*|\s*:\s*$|\(\s*\)", "", text).strip()
            if text and not text.startswith(":"):
                lines.append(text)
        return "\n" + "\n".join(lines) + "\n", j


def _entry_roles(name: str, roles: tuple[str, ...], vals: list[str]) -> tuple[str, ...]:
    """moderncv and Awesome-CV both call it \\cventry but order the arguments differently."""
    from ..extract.patterns import DATE_RANGE

    if name == "cventry" and len(vals) >= 4:

        def is_date(v: str) -> bool:
            return bool(DATE_RANGE.search(v)) or bool(re.search(r"\byear\b|20XX", v))

        if is_date(vals[0]) and not is_date(vals[3]):
            return ("dates", "title", "org", "location", "grade", "description")
        if is_date(vals[3]):
            return ("title", "org", "location", "dates", "description")
    return roles


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
