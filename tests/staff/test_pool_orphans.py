"""A killed ``staff pull`` or ``staff import`` leaves no validation worker behind (issue 14,
F4): the workers die with their parent, so nothing holds the killed command's output open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers.cli import ROOT


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead for our purpose; only /proc can tell
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_validation_workers_die_with_their_parent(how: signal.Signals) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.staff.pool_child"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    workers = [int(pid) for pid in child.stdout.readline().split()]
    child.stdout.close()
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    child.send_signal(how)
    child.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "validation workers outlived the parent"
