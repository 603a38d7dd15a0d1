"""The engine's limits hold for the engine, whatever the size of the process that starts it.

A long-lived worker may map more memory than the engine is allowed; the limit must not be
applied to the worker's own forked copy (where the next allocation would fail), and it must
still stop an engine that asks for more.
"""

import mmap
import shutil

import pytest

from exports.latex import limits


@pytest.fixture
def big_parent():
    # Map (not touch) more address space than the engine's limit, as a busy worker does.
    region = mmap.mmap(-1, 1024 * 1024 * 1024)
    yield
    region.close()


def test_a_large_parent_can_still_start_the_engine(settings, tmp_path, big_parent):
    settings.LATEX_MEMORY_MB = 256
    run = limits.run_limited(["sh", "-c", "echo started"], workdir=tmp_path)
    assert run.returncode == 0 and "started" in run.stdout


@pytest.mark.skipif(shutil.which("python3") is None, reason="needs a python3 to play the greedy engine")
def test_the_memory_limit_still_stops_a_greedy_engine(settings, tmp_path, big_parent):
    settings.LATEX_MEMORY_MB = 256
    greedy = ["python3", "-c", "x = bytearray(600 * 1024 * 1024); print('allocated')"]
    run = limits.run_limited(greedy, workdir=tmp_path)
    assert run.returncode != 0
    assert "allocated" not in run.stdout
    assert "MemoryError" in run.stdout


def test_the_engine_runs_in_its_own_session(tmp_path):
    import os

    run = limits.run_limited(["sh", "-c", "ps -o sid= -p $$"], workdir=tmp_path)
    assert run.returncode == 0
    assert int(run.stdout.split()[0]) != os.getsid(0)


def test_the_engine_gets_exactly_the_configured_limit(settings, tmp_path, big_parent):
    settings.LATEX_MEMORY_MB = 256
    probe = ["python3", "-c", "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"]
    run = limits.run_limited(probe, workdir=tmp_path)
    assert run.returncode == 0
    assert int(run.stdout.split()[-1]) == 256 * 1024 * 1024
