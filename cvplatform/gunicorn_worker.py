"""gunicorn's threaded worker with a lane of its own for health probes.

In the ``gthread`` worker every request that arrives waits, first come first served, for one
of the worker's few threads. Under saturation (dozens of connections queued behind CPU-bound
requests such as a score) a load balancer's ``GET /healthz`` waits behind all of them, takes
seconds, and gets a healthy but busy server taken out of rotation, which moves its load onto
the others. Here a request whose first bytes are ``GET /healthz`` is handed to one extra
thread per worker instead: it still runs the real checks (database, cache, broker) in the
same process, it only does not queue behind the traffic. Everything else is unchanged.

Which lane a request takes is decided by peeking at the socket (``MSG_PEEK``: nothing is
consumed); if nothing can be read yet, it takes the ordinary lane.

A worker that stops (recycled after ``max_requests``, or told to by SIGTERM) drains instead of
dropping its kept-alive connections: it stops accepting new ones (the other workers take
them), answers the next request on each open one with ``Connection: close``, and exits once
none is left, or after the keep-alive timeout. The stock worker closes them at once, and a
client whose request was already on its way on one gets a reset instead of an answer.
"""

from __future__ import annotations

import selectors
import socket
import time
from concurrent import futures
from functools import partial

from gunicorn.workers.gthread import ThreadWorker

PROBE_PREFIXES = (b"GET /healthz ", b"GET /healthz?", b"HEAD /healthz ", b"HEAD /healthz?")
_PEEK = max(len(prefix) for prefix in PROBE_PREFIXES)


def is_probe(sock: socket.socket) -> bool:
    """Whether the bytes waiting on ``sock`` start a health probe, without consuming them."""
    try:
        head = sock.recv(_PEEK, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except (BlockingIOError, InterruptedError, OSError):
        return False
    return head.startswith(PROBE_PREFIXES)


def _buffered(conn) -> bool:
    """Whether a kept-alive connection's parser already holds bytes of its next request."""
    if conn.parser is None:
        return False
    try:
        with conn.parser.unreader.buf.getbuffer() as pending:
            return pending.nbytes > 0
    except AttributeError:  # another gunicorn's internals: be safe, use the ordinary lane
        return True


class ProbeLaneThreadWorker(ThreadWorker):
    def init_process(self):
        self.probe_pool = futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthz")
        super().init_process()

    def enqueue_req(self, conn):
        # A TLS socket's bytes are ciphertext, and a pipelined request's may already sit in
        # the parser's buffer: both take the ordinary lane.
        if self.cfg.is_ssl or _buffered(conn) or not is_probe(conn.sock):
            return super().enqueue_req(conn)
        conn.init()
        self._wrap_future(self.probe_pool.submit(self.handle, conn), conn)

    def handle_quit(self, sig, frame):
        self.probe_pool.shutdown(False)
        super().handle_quit(sig, frame)

    def run(self):
        # gthread's own loop, except that it goes on after ``alive`` turns false, for as
        # long as kept-alive connections or requests remain (bounded by the keep-alive time).
        listeners = []
        for sock in self.sockets:
            sock.setblocking(False)
            server = sock.getsockname()
            self.poller.register(sock, selectors.EVENT_READ, partial(self.accept, server))
            listeners.append(sock)
        drain_until = None
        while self.alive or drain_until is None or self._draining(drain_until):
            self.notify()
            if not self.alive and drain_until is None:
                with self._lock:
                    for sock in listeners:
                        self.poller.unregister(sock)
                drain_until = time.monotonic() + min(self.cfg.keepalive + 1, self.cfg.graceful_timeout)
            if self.nr_conns < self.worker_connections:
                for key, _ in self.poller.select(1.0 if self.alive else 0.05):
                    key.data(key.fileobj)
                result = futures.wait(self.futures, timeout=0, return_when=futures.FIRST_COMPLETED)
            else:
                result = futures.wait(self.futures, timeout=1.0, return_when=futures.FIRST_COMPLETED)
            for fut in result.done:
                self.futures.remove(fut)
            if not self.is_parent_alive():
                break
            self.murder_keepalived()

        self.tpool.shutdown(False)
        self.probe_pool.shutdown(False)
        self.poller.close()
        for sock in self.sockets:
            sock.close()
        futures.wait(self.futures, timeout=self.cfg.graceful_timeout)

    def _draining(self, until: float) -> bool:
        # Every connection accepted and not yet closed, idle, waiting for its first request or
        # being answered, and every request still running.
        return time.monotonic() < until and (self.nr_conns > 0 or bool(self.futures))

    def finish_request(self, fs):
        # gthread closes a kept-alive connection whose answer was sent while the worker was
        # still alive but ended after it turned to stopping: the client was told "keep-alive"
        # and its next request meets a closed socket. Such a connection is kept for one more
        # request, which is answered with "Connection: close".
        if fs.cancelled():
            return super().finish_request(fs)
        try:
            keepalive, conn = fs.result()
        except Exception:
            return super().finish_request(fs)
        if not keepalive or self.alive:
            return super().finish_request(fs)
        try:
            conn.sock.setblocking(False)
            conn.set_timeout()
            with self._lock:
                self._keep.append(conn)
                self.poller.register(
                    conn.sock, selectors.EVENT_READ, partial(self.on_client_socket_readable, conn)
                )
        except Exception:
            self.nr_conns -= 1
            conn.close()
