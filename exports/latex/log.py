"""Turn a TeX log into the few lines a person needs to fix their document."""

import re

_ERROR_START = re.compile(r"^(! |\./main\.tex:\d+: |.*:\d+: )")
_MAX_CHARS = 1500
# TeX's interactive prompts: meaningless in a batch run.
_NOISE = ("Type X to quit", "or enter new name", "Type  H <return>", "Enter file name:")


def trim_log(log: str) -> str:
    lines = log.splitlines()
    picked: list[str] = []
    for i, line in enumerate(lines):
        if _ERROR_START.match(line):
            picked.extend(lines[i : i + 4])
            if len("\n".join(picked)) > _MAX_CHARS:
                break
    if not picked:  # no TeX error line: the tail of the log says most
        picked = [line for line in lines[-12:] if line.strip()]
    picked = [line for line in picked if not line.strip().startswith(_NOISE)]
    text = "\n".join(dict.fromkeys(picked)).strip()  # each line once, first occurrence kept
    return text[:_MAX_CHARS]
