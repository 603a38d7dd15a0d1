"""A lean HTTP load generator, run as its own process by the benches (bench/harness.py).

Reads one JSON object on stdin: host, port, method, path, headers, body (a string or null),
connections, seconds. Each connection is a thread with one keep-alive ``http.client``
connection that sends the request again as soon as the answer is read, until the time is
up. Prints one JSON object: requests, seconds, statuses (answers per status code), errors
(connections that failed or closed; each is reopened), and p50/p99/max milliseconds.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time


def _worker(spec: dict, deadline: float, out: dict) -> None:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    body = spec["body"].encode() if spec.get("body") is not None else None
    conn = None
    while True:
        started = time.monotonic()
        if started >= deadline:
            break
        try:
            if conn is None:
                conn = http.client.HTTPConnection(
                    spec["host"], spec["port"], timeout=spec.get("timeout", 120)
                )
            conn.request(spec["method"], spec["path"], body=body, headers=spec["headers"])
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            if conn is not None:
                conn.close()
            conn = None
            continue
        latencies.append((time.monotonic() - started) * 1000)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if response.will_close:
            conn.close()
            conn = None
    if conn is not None:
        conn.close()
    out["latencies"], out["statuses"], out["errors"] = latencies, statuses, errors


def _quantile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def run(spec: dict) -> dict:
    started = time.monotonic()
    deadline = started + spec["seconds"]
    results = [{} for _ in range(spec["connections"])]
    threads = [threading.Thread(target=_worker, args=(spec, deadline, out), daemon=True) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies = sorted(value for out in results for value in out["latencies"])
    statuses: dict[str, int] = {}
    for out in results:
        for code, count in out["statuses"].items():
            statuses[str(code)] = statuses.get(str(code), 0) + count
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "statuses": statuses,
        "errors": sum(out["errors"] for out in results),
        "p50_ms": _quantile(latencies, 0.50),
        "p99_ms": _quantile(latencies, 0.99),
        "max_ms": latencies[-1] if latencies else 0.0,
    }


if __name__ == "__main__":
    print(json.dumps(run(json.load(sys.stdin))))
