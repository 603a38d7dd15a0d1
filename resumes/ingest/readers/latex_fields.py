"""The LaTeX renderer's CV macros: header fields (name, contacts, social profiles) become
hints, entry macros (``\\cventry``, ``\\resumeSubheading``...) become entry lines with their
fields, line macros (``\\cvitem``...) become plain lines."""

from __future__ import annotations

import re

from ..document import SEP
from .latex_args import read_args
from .latex_macros import BULLET, ENTRY, ENTRY_MACROS, FIELD, HEADER_MACROS, LINE_MACROS, SOCIAL_URL


class FieldMacros:
    """Mixed into the renderer, whose ``render``, ``_more_args``, ``hints`` and ``section``
    these methods use."""

    # ---------------------------------------------------------------- header fields
    def _header(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        nargs, role = HEADER_MACROS[name]
        opts, args, j = read_args(s, j, nargs)
        if name in ("name", "address"):
            more, j = self._more_args(s, j, 2)
            args += more
        vals = [" ".join(self.render(a, depth + 1).split()) for a in args]
        if name == "location" and self.section:
            return f"\n{vals[0]}\n", j  # inside a section (Deedy): an entry's dates and place
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
        from ..extract.contacts import NETWORK_NAMES

        self.hints["profiles"].append((NETWORK_NAMES.get(network, network.capitalize()), user, url))

    # ---------------------------------------------------------------- entries
    def _entry(self, name: str, s: str, j: int, depth: int) -> tuple[str, int]:
        nargs, roles = ENTRY_MACROS[name]
        if name == "cventry":  # moderncv has 6 arguments, Awesome-CV 5
            _, args, j = read_args(s, j, 5)
            more, j = self._more_args(s, j, 1)
            args += more
        else:
            _, args, j = read_args(s, j, nargs)
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
        _, args, j = read_args(s, j, nargs)
        vals = [" ".join(self.render(a, depth + 1).split()) for a in args]
        lines = []
        for row in template:
            if (
                row.startswith("{0}\t")
                and not vals[0]
                and row.format(*vals).strip()
                and not re.match(r"\s*\\(?:textbf|bfseries)\b", args[1])
            ):
                # A label column left empty (europecv's "\ecvitem{}{…}" under a dated item):
                # the text goes on with the item above, as its description, unless it leads
                # in bold like an item's own head (an undated job).
                lines.append(BULLET + row.format(*vals).strip())
                continue
            text = row.format(*vals).strip()
            text = re.sub(r"^\s*:\s*|\s*:\s*$|\(\s*\)", "", text).strip()
            text = text.strip("| ")  # Deedy's "\\descript{| Role}"
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
