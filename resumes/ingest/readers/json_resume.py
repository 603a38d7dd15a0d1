"""JSON Resume (``resume.json``, https://jsonresume.org/schema) imported as data, not text.

``StructuredCV`` is a superset of JSON Resume, so the import is lossless: every field, and
every extension key, survives. Nothing is guessed, so nothing goes through the extractor.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from ...schema import StructuredCV
from ..errors import IngestError

# The top-level sections of the JSON Resume schema; a document needs one to be a resume.
RESUME_KEYS = frozenset(
    {
        "basics",
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
    }
)
# Text that opens like a JSON object or array of values. A plain-text CV does not start with
# '{"' or '["', so a file that does is judged as JSON (and refused if it is broken JSON).
_JSON_OPENING = re.compile(r'\A\s*(?:\{\s*["}]|\[\s*[\[{"\]])')
# Keys that describe the file rather than the person: left out of the text the analysis reads.
_NOT_CONTENT = frozenset({"$schema", "meta", "image", "raw_text", "provenance", "warnings"})


def looks_like_json(text: str, *, filename: str = "") -> bool:
    return filename.lower().endswith(".json") or bool(_JSON_OPENING.match(text.lstrip("\ufeff")))


def load_json_resume(text: str) -> dict[str, Any]:
    """The JSON Resume object in ``text``; IngestError (400) for broken JSON or other JSON."""
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except ValueError as exc:
        detail = f" (line {exc.lineno}, column {exc.colno}: {exc.msg})" if hasattr(exc, "lineno") else ""
        raise IngestError(f"The file is not valid JSON{detail}.", code="malformed_file") from None
    if not isinstance(value, dict) or not RESUME_KEYS & value.keys():
        raise IngestError(
            "The JSON file is not a JSON Resume: it needs an object with sections such as "
            "basics, work, education or skills (https://jsonresume.org/schema).",
            code="unsupported_file",
        )
    return value


def read_json_resume(text: str) -> StructuredCV:
    data = load_json_resume(text)
    try:
        cv = StructuredCV.from_json_resume(data)
    except ValidationError as exc:
        raise IngestError(
            f"The JSON Resume does not follow the schema: {_schema_problems(exc)}.", code="malformed_file"
        ) from None
    if not cv.raw_text:
        cv.raw_text = "\n".join(_text_values(data))
    return cv


def _schema_problems(exc: ValidationError, limit: int = 5) -> str:
    problems = []
    for error in exc.errors()[:limit]:
        where = ".".join(str(part) for part in error["loc"]) or "document"
        problems.append(f"{where}: {error['msg']}")
    more = exc.error_count() - limit
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


def _text_values(value: Any, key: str = "") -> list[str]:
    """Every string in the resume, in document order: the text matchers and scorers read."""
    if key in _NOT_CONTENT:
        return []
    if isinstance(value, dict):
        return [text for name, item in value.items() for text in _text_values(item, str(name))]
    if isinstance(value, list):
        return [text for item in value for text in _text_values(item, key)]
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []
