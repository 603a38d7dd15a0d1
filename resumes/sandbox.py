"""Run untrusted-input work (parsing an uploaded CV) in a forked child with hard limits.

A decompression bomb, a cyclic PDF object graph or a regex-hostile text can make a parser
eat memory or spin for ever. Parsing therefore happens in a child process forked from the
current one (cheap: no new interpreter, the parser's modules are already imported) with
``RLIMIT_AS`` and ``RLIMIT_CPU`` set and a wall-clock deadline; the result comes back as JSON
through a pipe. Whatever the child does, the caller gets either the result or an
``ApplicationError`` (400) that says which limit was hit, within the deadline.
"""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import Any

from cvplatform.exceptions import ApplicationError

logger = logging.getLogger(__name__)


class SandboxLimitError(ApplicationError):
    """The work hit a time or memory limit, or crashed: the input is treated as hostile."""

    default_code = "parse_limit_exceeded"


def _current_address_space() -> int:
    """Bytes the process already maps: the memory limit is added on top of it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _apply_limits(*, cpu_seconds: int, memory_bytes: int) -> None:
    limit = _current_address_space() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # The soft limit sends SIGXCPU (which kills by default); the hard one SIGKILL a second later.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def _child_payload(func: Callable[..., Any], args: tuple, kwargs: dict) -> bytes:
    try:
        payload = {"ok": True, "value": func(*args, **kwargs)}
    except ApplicationError as exc:
        payload = {
            "ok": False,
            "kind": "application",
            "message": exc.message,
            "code": exc.code,
            "status": exc.status_code,
        }
    except MemoryError:
        payload = {"ok": False, "kind": "memory"}
    except RecursionError:
        payload = {"ok": False, "kind": "recursion"}
    except Exception as exc:  # any parser failure on bad input is the input's fault
        payload = {"ok": False, "kind": "error", "message": f"{exc.__class__.__name__}: {exc}"[:500]}
    return json.dumps(payload).encode()


def _run_child(write_fd: int, func, args, kwargs, cpu_seconds: int, memory_bytes: int) -> None:
    """Child side: never returns; ``os._exit`` skips the parent's atexit handlers and fixtures."""
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        faulthandler.disable()  # a crash on hostile input is reported, not dumped to stderr
        _apply_limits(cpu_seconds=cpu_seconds, memory_bytes=memory_bytes)
        body = _child_payload(func, args, kwargs)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(body)
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _read_until(read_fd: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes, and whether it finished before the deadline."""
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"".join(chunks), False
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)


def _failure(payload: dict | None, exit_status: int) -> ApplicationError:
    if payload is None:
        killed_by = os.WTERMSIG(exit_status) if os.WIFSIGNALED(exit_status) else None
        if killed_by in (signal.SIGXCPU, signal.SIGKILL):
            return SandboxLimitError("The file took too much processing time to read; it was rejected.")
        if killed_by == signal.SIGABRT:
            # C libraries (PDFium, libxml2) abort when an allocation fails under RLIMIT_AS.
            return SandboxLimitError("The file needs too much memory to read; it was rejected.")
        return SandboxLimitError("The file could not be read: the parser crashed on it.")
    kind = payload.get("kind")
    if kind == "application":
        return ApplicationError(payload["message"], code=payload["code"], status_code=payload["status"])
    if kind == "memory":
        return SandboxLimitError("The file needs too much memory to read; it was rejected.")
    if kind == "recursion":
        return SandboxLimitError("The file's structure is nested too deeply to read; it was rejected.")
    # The parser's own exception text names our internals (modules, paths): log it for us,
    # and tell the user what matters to them.
    logger.warning("parse failed on an uploaded file: %s", payload.get("message", "unknown error"))
    return ApplicationError(
        "The file could not be read: it looks damaged, or it is not a CV document we can read.",
        code="unreadable_file",
    )


def run_limited(
    func: Callable[..., Any],
    *args: Any,
    timeout: float,
    cpu_seconds: int,
    memory_bytes: int,
    **kwargs: Any,
) -> Any:
    """``func(*args, **kwargs)`` in a limited child; its return value must be JSON-serialisable."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
        os.close(read_fd)
        _run_child(write_fd, func, args, kwargs, cpu_seconds, memory_bytes)
    os.close(write_fd)
    try:
        body, finished = _read_until(read_fd, time.monotonic() + timeout)
    finally:
        os.close(read_fd)
    if not finished:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise SandboxLimitError(f"The file took longer than {timeout:g} seconds to read; it was rejected.")
    _, exit_status = os.waitpid(pid, 0)
    try:
        payload = json.loads(body) if body else None
    except ValueError:  # the child died half-way through writing
        payload = None
    if payload is not None and payload.get("ok"):
        return payload["value"]
    raise _failure(payload, exit_status)
