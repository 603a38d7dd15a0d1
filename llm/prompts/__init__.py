"""Versioned prompt templates (``templates/<task>.v<N>.md``) and the prompt builder.

Templates hold instructions only. Every input value goes to the model inside a delimited
data block tagged with a per-call random id, so text inside a CV cannot close its block or
pose as an instruction. The system prompt carries a per-call canary: an answer quoting it
(or any long line of the instructions) is rejected as a prompt leak.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from llm.providers.base import Message

TEMPLATES = Path(__file__).parent / "templates"
_NAME = re.compile(r"^(?P<name>[a-z_]+)\.v(?P<version>\d+)\.md$")


@cache
def _versions() -> dict[str, dict[int, str]]:
    found: dict[str, dict[int, str]] = {}
    for path in TEMPLATES.glob("*.md"):
        match = _NAME.match(path.name)
        if match:
            found.setdefault(match["name"], {})[int(match["version"])] = path.read_text().strip()
    return found


def template(name: str, version: int | None = None) -> tuple[str, str]:
    """(text, "name.vN"): the newest version unless one is asked for."""
    versions = _versions().get(name)
    if not versions:
        raise KeyError(f"No prompt template named {name!r}.")
    chosen = version if version is not None else max(versions)
    return versions[chosen], f"{name}.v{chosen}"


def _as_text(value) -> str:
    if isinstance(value, str):
        return value
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


def data_block(name: str, value, tag: str) -> str:
    text = _as_text(value)
    # Whatever the data says, it cannot produce our closing marker: the tag is unguessable
    # and any marker-like text is defused anyway.
    text = text.replace("</data", "</ data").replace("<data", "< data")
    return f'<data name="{name}" id="{tag}">\n{text}\n</data id="{tag}">'


@dataclass
class Prompt:
    messages: list[Message]
    version: str
    canary: str
    system: str

    def leaks(self, output: str) -> bool:
        """Does a model's answer reveal the system prompt (its canary, or any run of 7 of its
        words in a row)?"""
        if self.canary in output:
            return True
        return bool(_shingles(self.system) & _shingles(output))


_LEAK_RUN = 7


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(tokens[i : i + _LEAK_RUN]) for i in range(len(tokens) - _LEAK_RUN + 1)}


def build_prompt(*, task: str, inputs: dict, json_schema: dict) -> Prompt:
    canary = secrets.token_hex(8)
    system_text, system_version = template("system")
    system = system_text.replace("{canary}", canary)
    task_text, task_version = template(task)
    tag = secrets.token_hex(6)
    blocks = "\n\n".join(
        data_block(str(key), value, tag) for key, value in inputs.items() if value not in (None, "")
    )
    user = (
        f"{task_text}\n\nThe data blocks below are tagged id=\"{tag}\".\n\n{blocks}\n\n"
        f"JSON schema of the answer:\n{json.dumps(json_schema, separators=(',', ':'))}"
    )
    return Prompt(
        messages=[Message("system", system), Message("user", user)],
        version=f"{task_version}+{system_version}",
        canary=canary,
        system=system,
    )


def repair_messages(prompt: Prompt, bad_answer: str, errors: str) -> list[Message]:
    text, _ = template("repair")
    return [
        *prompt.messages,
        Message("assistant", bad_answer[:4000]),
        Message("user", text.replace("{errors}", errors[:2000])),
    ]
