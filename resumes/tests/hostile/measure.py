"""What handling one hostile file costs the process that serves it: wall time and peak memory.

The peak is this process's resident-set high-water mark (``VmHWM``), reset before the work by
writing ``5`` to ``/proc/self/clear_refs`` (Linux ≥ 4.0), minus the resident set before it: the
memory the work itself needed at its worst moment. A sandboxed child's memory is its own and
is not counted, which is the point: the web process must stay small whatever a file holds.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_STATUS = re.compile(r"^(VmHWM|VmRSS):\s+(\d+) kB", re.M)


def _status_kb() -> dict[str, int]:
    with open("/proc/self/status", encoding="ascii") as status:
        return {name: int(kb) for name, kb in _STATUS.findall(status.read())}


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


@dataclass
class Cost:
    seconds: float = 0.0
    peak_growth_mb: float = 0.0


@contextmanager
def cost() -> Iterator[Cost]:
    """``with cost() as spent: ...`` then ``spent.seconds`` and ``spent.peak_growth_mb``."""
    spent = Cost()
    _reset_peak()
    before = _status_kb()["VmRSS"]
    started = time.monotonic()
    try:
        yield spent
    finally:
        spent.seconds = time.monotonic() - started
        spent.peak_growth_mb = max(0, _status_kb()["VmHWM"] - before) / 1024
