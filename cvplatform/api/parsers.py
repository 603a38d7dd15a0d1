"""A JSON parser that refuses oversized and deeply nested bodies before decoding them.

CPython's JSON decoder recurses once per nesting level, so ``{"a":`` × 10,000 raised
``RecursionError`` (a 500) on every JSON endpoint; and the stock parser read a body of any
size into memory. Both limits are checked on the raw bytes, so the decoder never sees such a
body, and both answer 4xx in the calling surface's error body.
"""

import json
import re

from django.conf import settings
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import JSONParser

# A JSON string (escapes included): brackets inside strings do not nest anything.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class RequestBodyTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "body_too_large"


def json_depth_exceeds(data: bytes, limit: int) -> bool:
    """Whether any value in ``data`` nests arrays/objects deeper than ``limit``."""
    brackets = _STRING.sub(b'""', data).translate(None, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        if byte in b"[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.API_JSON_MAX_BYTES
        data = stream.read(limit + 1) if stream is not None else b""
        if len(data) > limit:
            raise RequestBodyTooLarge(f"The JSON body is larger than {limit} bytes.")
        if json_depth_exceeds(data, settings.API_JSON_MAX_DEPTH):
            raise exceptions.ParseError(
                f"JSON parse error - nested more than {settings.API_JSON_MAX_DEPTH} levels deep."
            )
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return json.loads(data.decode(encoding)) if data.strip() else {}
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(f"JSON parse error - {exc}") from None


def json_loads_bounded(text: str | bytes):
    """``json.loads`` of a JSON value that arrived inside a form field, held to the depth limit
    of a JSON body; raises ValueError for malformed or too deeply nested text."""
    data = text.encode() if isinstance(text, str) else text
    if json_depth_exceeds(data, settings.API_JSON_MAX_DEPTH):
        raise ValueError(f"nested more than {settings.API_JSON_MAX_DEPTH} levels deep")
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None


class BoundedJSONField(serializers.JSONField):
    """A JSON serializer field whose text from a form (multipart or urlencoded) is decoded with
    the JSON body's depth limit: the stock field's ``json.loads`` recursed into a 500."""

    def to_internal_value(self, data):
        if getattr(data, "is_json_string", False):
            try:
                return json_loads_bounded(data)
            except ValueError:
                self.fail("invalid")
        return super().to_internal_value(data)
