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
"""

from __future__ import annotations

import socket
from concurrent import futures

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
