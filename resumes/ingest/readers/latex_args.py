"""Reading LaTeX arguments: balanced groups, optional [..] arguments, control words."""

from __future__ import annotations

import re

CMD = re.compile(r"\\([A-Za-z@]+\*?|.)")


def group(s: str, i: int) -> tuple[str, int]:
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


def skip_space(s: str, i: int) -> int:
    # Arguments may sit on the next lines (Jake's template), but not after a blank line.
    while i < len(s) and s[i] in " \t\r\n":
        if s.startswith("\n\n", i) or s.startswith("\n \n", i):
            break
        i += 1
    return i


def read_args(s: str, i: int, n: int, *, optional: bool = True) -> tuple[list[str], list[str], int]:
    """Read optional [..] and n mandatory {..} arguments from s[i:]."""
    opts: list[str] = []
    out: list[str] = []
    j = skip_space(s, i)
    while optional and j < len(s) and s[j] == "[":
        end = bracket_end(s, j)
        opts.append(s[j + 1 : end])
        j = skip_space(s, end + 1)
    for _ in range(n):
        j = skip_space(s, j)
        if j < len(s) and s[j] == "{":
            arg, j = group(s, j)
        elif j < len(s) and s[j] == "\\":
            m = CMD.match(s, j)
            arg, j = m.group(0), m.end()
        elif j < len(s):
            arg, j = s[j], j + 1
        else:
            arg = ""
        out.append(arg)
        k = skip_space(s, j)
        while optional and k < len(s) and s[k] == "[" and len(out) < n:
            end = bracket_end(s, k)
            opts.append(s[k + 1 : end])
            k = end + 1
            j = k
    return opts, out, j


def bracket_end(s: str, i: int) -> int:
    depth = 0
    for j in range(i, min(len(s), i + 500)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
        elif s[j] == "]" and depth <= 0:
            return j
    return i
