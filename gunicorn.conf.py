"""Gunicorn settings for production (`make gunicorn`, and the Docker image)."""

import os

# Loopback unless told otherwise: a container or a host behind a proxy sets GUNICORN_BIND.
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# Requests are mostly CPU (Python) with short database/Redis waits, and threads of one worker
# share one interpreter lock: more threads than that does not serve more, it makes every
# request slower. One worker per core plus one (to cover those waits), two threads each (a
# request waiting on an AI provider or a job does not idle its worker). The cores are the ones
# this process may run on, not the host's.
cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
workers = int(os.environ.get("WEB_CONCURRENCY", cores + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A request waiting for a job's result holds its thread: keep one thread of every process
# free for everything else (cvplatform.jobs.wait), unless the bound is set explicitly.
os.environ.setdefault("JOB_WAIT_MAX_CONCURRENT", str(max(1, threads - 1)))
# gthread, with one extra thread per worker for health probes (cvplatform.gunicorn_worker).
worker_class = "cvplatform.gunicorn_worker.ProbeLaneThreadWorker"
# Uploads and synchronous exports wait for jobs a bounded time; leave room above that.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "90"))
graceful_timeout = 30
keepalive = 5
# No recycling unless asked for: a worker recycled under load closes its kept-alive
# connections, and a request already on its way on one gets a reset instead of an answer.
# Set GUNICORN_MAX_REQUESTS if workers are seen to grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
preload_app = True
