"""Running an untrusted converter: a fresh directory, rlimits, no network, a wall clock."""

import os
import resource
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cvplatform.exceptions import ApplicationError

from .. import conf


@dataclass
class Run:
    returncode: int
    stdout: str
    timed_out: bool  # stopped by the wall clock or the CPU limit


@contextmanager
def scratch_dir():
    """A fresh private directory, always removed, whatever happened inside."""
    path = Path(tempfile.mkdtemp(prefix="cvp-latex-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _limits() -> list[tuple[int, int]]:
    cpu = conf.latex_cpu_seconds()
    memory = conf.latex_memory_bytes()
    size = conf.latex_max_output_bytes()
    return [
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_AS, memory, memory),
        (resource.RLIMIT_FSIZE, size, size),
        (resource.RLIMIT_CORE, 0, 0),
    ]


def _prlimit_prefix() -> tuple[str, ...]:
    """``prlimit`` sets the limits right before it execs the engine.

    Setting an absolute address-space limit between fork and exec would apply it to a copy of
    *this* process, which in a long-lived worker may already map more than the limit: the next
    allocation there fails before the engine even starts. prlimit applies it to a small process
    that immediately becomes the engine.
    """
    prlimit = shutil.which("prlimit")
    if not prlimit:
        return ()
    names = {
        resource.RLIMIT_CPU: "cpu",
        resource.RLIMIT_AS: "as",
        resource.RLIMIT_FSIZE: "fsize",
        resource.RLIMIT_CORE: "core",
    }
    return (prlimit, *(f"--{names[res]}={soft}:{hard}" for res, soft, hard in _limits()), "--")


def _limit_resources() -> None:  # runs in the child between fork and exec
    # Only where prlimit is missing; the address-space limit must then leave room for the
    # forked copy of this process, so it is added on top of what the copy already maps.
    for res, soft, hard in _limits():
        if res == resource.RLIMIT_AS:
            with open("/proc/self/statm", encoding="ascii") as statm:
                in_use = int(statm.read().split()[0]) * resource.getpagesize()
            soft = hard = in_use + soft
        resource.setrlimit(res, (soft, hard))


@lru_cache(maxsize=1)
def _no_network_prefix() -> tuple[str, ...]:
    """``unshare --net`` where the kernel lets us: the child gets no network interface at all.

    Without it the engines still cannot reach the network (shell escape is off, pandoc runs
    with --sandbox), so this is defence in depth, not the only guard.
    """
    unshare = shutil.which("unshare")
    if not unshare:
        return ()
    for prefix in ((unshare, "--net", "--"), (unshare, "--user", "--map-root-user", "--net", "--")):
        try:
            probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=5, check=False)  # noqa: S603
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return prefix
    return ()


def sandbox_env(workdir: Path) -> dict:
    """A minimal environment: nothing of ours leaks in, kpathsea is paranoid about paths."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(workdir),
        "TMPDIR": str(workdir),
        "LANG": "C.UTF-8",
        "openin_any": "p",
        "openout_any": "p",
        "shell_escape": "f",
        "max_print_line": "1000",  # unwrapped log lines: the error a person sees stays whole
        "TEXMFOUTPUT": str(workdir),
        "TEXMFVAR": str(workdir / ".texmf-var"),
        "TEXMFCONFIG": str(workdir / ".texmf-config"),
    }


def run_limited(cmd: list[str], *, workdir: Path) -> Run:
    """Run ``cmd`` in ``workdir`` under the limits; the whole group dies at the wall clock."""
    limits = _prlimit_prefix()
    proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        [*limits, *_no_network_prefix(), *cmd],
        cwd=workdir,
        env=sandbox_env(workdir),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        # own process group: a timeout kills the engine and anything it started
        start_new_session=True,
        preexec_fn=None if limits else _limit_resources,
    )
    try:
        out, _ = proc.communicate(timeout=conf.latex_timeout())
        # Past the CPU limit the kernel sends SIGXCPU, then SIGKILL at the hard limit: the
        # engine was stopped like at the wall clock, and its log just breaks off.
        cpu_limited = proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL)
        return Run(proc.returncode, out.decode("utf-8", "replace"), timed_out=cpu_limited)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        out, _ = proc.communicate()
        return Run(-signal.SIGKILL, out.decode("utf-8", "replace"), timed_out=True)


def _kill_group(proc: subprocess.Popen) -> None:
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def timeout_error(what: str) -> ApplicationError:
    return ApplicationError(
        f"{what} ran past its limit ({conf.latex_cpu_seconds()} seconds of CPU time, "
        f"{conf.latex_timeout():g} seconds in all) and was stopped. Check the document for "
        "loops (a macro that expands to itself) or very large content.",
        code="latex_timeout",
    )
