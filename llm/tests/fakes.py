"""Small HTTP servers on 127.0.0.1 that speak the OpenAI and Gemini REST APIs.

Each test scripts the answers (OK, 429, 500, slow, malformed JSON, schema-invalid output) so
the real ``openai`` and ``google-genai`` SDKs are exercised end to end without leaving the
machine. Unscripted requests get a valid default answer built from ``default_content``.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    content: Any = None  # the model's answer (dict → JSON text) for a 200
    raw: str | None = None  # a literal body, e.g. malformed JSON
    delay: float = 0.0
    input_tokens: int = 120
    output_tokens: int = 80


def ok(content: Any, **kw) -> Reply:
    return Reply(content=content, **kw)


def error(status: int) -> Reply:
    return Reply(status=status)


def slow(seconds: float, content: Any = None) -> Reply:
    return Reply(content=content, delay=seconds)


def malformed() -> Reply:
    return Reply(raw='{"choices": [ {"message": ')


@dataclass
class Seen:
    path: str
    body: dict
    headers: dict


@dataclass
class FakeAPI:
    """Base: subclasses turn a ``Reply`` into that API's wire format."""

    default_content: Any = None
    replies: list[Reply] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *replies: Reply) -> None:
        with self.lock:
            self.replies.extend(replies)

    def next_reply(self) -> Reply:
        with self.lock:
            if self.replies:
                return self.replies.pop(0)
        return Reply(content=self.default_content)

    def start(self) -> FakeAPI:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b"{}"
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                with api.lock:
                    api.seen.append(Seen(self.path, body, dict(self.headers)))
                reply = api.next_reply()
                if reply.delay:
                    time.sleep(reply.delay)
                status, payload = api.render(self.path, body, reply)
                data = payload.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and hung up: expected in timeout tests

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def root(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def chat_requests(self) -> list[Seen]:
        return [s for s in self.seen if "embed" not in s.path]

    def render(self, path: str, body: dict, reply: Reply) -> tuple[int, str]:
        raise NotImplementedError

    @staticmethod
    def content_text(reply: Reply) -> str:
        if isinstance(reply.content, str):
            return reply.content
        return json.dumps(reply.content)


def fake_vector(text: str, dims: int = 8) -> list[float]:
    """A deterministic toy embedding, so similarity tests can reason about results."""
    vec = [0.0] * dims
    for word in re.findall(r"\w+", text.lower()):
        vec[sum(map(ord, word)) % dims] += 1.0
    return vec


class FakeOpenAI(FakeAPI):
    """``POST /v1/chat/completions`` and ``POST /v1/embeddings``."""

    @property
    def base_url(self) -> str:
        return self.root + "/v1"

    def render(self, path, body, reply):
        if reply.raw is not None:
            return reply.status, reply.raw
        if reply.status != 200:
            kind = {429: "rate_limit_exceeded", 401: "invalid_api_key"}.get(reply.status, "server_error")
            return reply.status, json.dumps({"error": {"message": f"fake {reply.status}", "type": kind}})
        if path.endswith("/embeddings"):
            inputs = body.get("input") or []
            inputs = [inputs] if isinstance(inputs, str) else inputs
            data = [
                {"object": "embedding", "index": i, "embedding": fake_vector(text)}
                for i, text in enumerate(inputs)
            ]
            usage = {"prompt_tokens": reply.input_tokens, "total_tokens": reply.input_tokens}
            return 200, json.dumps(
                {"object": "list", "data": data, "model": body.get("model"), "usage": usage}
            )
        message = {"role": "assistant", "content": self.content_text(reply)}
        return 200, json.dumps(
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "fake"),
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {
                    "prompt_tokens": reply.input_tokens,
                    "completion_tokens": reply.output_tokens,
                    "total_tokens": reply.input_tokens + reply.output_tokens,
                },
            }
        )


class FakeGemini(FakeAPI):
    """``POST /v1beta/models/{m}:generateContent`` and ``:batchEmbedContents``."""

    @property
    def base_url(self) -> str:
        return self.root

    def render(self, path, body, reply):
        if reply.raw is not None:
            return reply.status, reply.raw
        if reply.status != 200:
            status_name = {429: "RESOURCE_EXHAUSTED", 401: "UNAUTHENTICATED"}.get(reply.status, "INTERNAL")
            err = {"error": {"code": reply.status, "message": f"fake {reply.status}", "status": status_name}}
            return reply.status, json.dumps(err)
        if "embed" in path.lower():
            requests = body.get("requests") or [body]
            embeddings = []
            for item in requests:
                parts = (item.get("content") or {}).get("parts") or []
                text = " ".join(p.get("text", "") for p in parts)
                embeddings.append({"values": fake_vector(text)})
            return 200, json.dumps({"embeddings": embeddings})
        return 200, json.dumps(
            {
                "candidates": [
                    {
                        "content": {"role": "model", "parts": [{"text": self.content_text(reply)}]},
                        "finishReason": "STOP",
                        "index": 0,
                    }
                ],
                "usageMetadata": {
                    "promptTokenCount": reply.input_tokens,
                    "candidatesTokenCount": reply.output_tokens,
                    "totalTokenCount": reply.input_tokens + reply.output_tokens,
                },
                "modelVersion": "fake",
            }
        )
