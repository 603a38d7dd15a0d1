"""What a chat WebSocket frame must look like, and the server's frames: read and checked here so
the consumer only dispatches. A bad frame is a ``FrameError`` the consumer answers with an
``error`` message; the socket stays open."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import conf
from ..models import ChatMessage

CLIENT_TYPES = ("chat", "resume_upload", "optimization_request")


class FrameError(Exception):
    def __init__(self, message: str, code: str = "invalid_message") -> None:
        super().__init__(message)
        self.message, self.code = message, code


@dataclass
class ClientFrame:
    type: str
    fields: dict = field(default_factory=dict)


def read_frame(text: str | None, data: bytes | None) -> ClientFrame:
    if text is None:
        raise FrameError("Send JSON text frames, not binary ones.", "binary_frame")
    if len(text) > conf.chat_max_frame_chars():
        raise FrameError(f"The message is larger than {conf.chat_max_frame_chars()} characters.", "too_large")
    try:
        body = json.loads(text)
    except ValueError:
        raise FrameError("The frame is not valid JSON.", "malformed") from None
    if not isinstance(body, dict):
        raise FrameError("The frame must be a JSON object with a “type”.", "malformed")
    kind = body.get("type")
    if kind not in CLIENT_TYPES:
        raise FrameError(f"Unknown message type; send one of: {', '.join(CLIENT_TYPES)}.", "unknown_type")
    return ClientFrame(kind, _READERS[kind](body))


def _text(body: dict, name: str, *, limit: int, required: bool = False) -> str:
    value = body.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise FrameError(f"“{name}” must be a string.")
    if required and not value.strip():
        raise FrameError(f"“{name}” is required.")
    if len(value) > limit:
        raise FrameError(f"“{name}” is longer than {limit} characters.", "too_large")
    return value.strip()


def _chat(body: dict) -> dict:
    return {"message": _text(body, "message", limit=conf.chat_max_message_chars(), required=True)}


def _resume_upload(body: dict) -> dict:
    data = body.get("resume_data")
    if not isinstance(data, dict):
        raise FrameError("“resume_data” must be an object with “content” and “title”.")
    return {
        "content": _text(data, "content", limit=conf.chat_max_frame_chars(), required=True),
        "title": _text(data, "title", limit=255),
    }


def _optimization_request(body: dict) -> dict:
    return {
        "optimization_type": _text(body, "optimization_type", limit=64),
        "job_title": _text(body, "job_title", limit=255),
        "job_description": _text(body, "job_description", limit=100_000),
    }


_READERS = {"chat": _chat, "resume_upload": _resume_upload, "optimization_request": _optimization_request}


def server_frame(message: ChatMessage) -> dict:
    """A stored server message as the socket sends it: ``type``, ``message``, ``timestamp`` (ms)
    and the rest of what was stored with it."""
    extra = {key: value for key, value in message.data.items() if key not in ("type", "message", "timestamp")}
    return {
        "type": message.type,
        "message": message.content,
        "timestamp": int(message.created_at.timestamp() * 1000),
        **extra,
    }
