"""SIGKILL at random moments never loses a committed record or damages the database."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from desktop.storage import records
from desktop.storage.profile import Profile

PASS = "riktig hest batteri stift"
KILLS = 100


@pytest.mark.slow
def test_sigkill_loses_nothing_committed(tmp_path, isolated_environment):
    profile = Profile.named("crash", kdf_target_seconds=0.02)
    profile.create(PASS, key_storage="file").store.close()  # a file key: the child needs it
    env = dict(os.environ, CRASH_PASSPHRASE=PASS, PYTHONPATH=os.getcwd())
    rng = random.Random(4242)
    reported: list[str] = []
    for round_no in range(KILLS):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.storage.crash_child",
                str(profile.directory),
                str(round_no),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        first = child.stdout.readline()  # the child is inside its save loop
        if not first:
            child.wait()
            pytest.fail(f"child died before saving: {child.stderr.read()[-2000:]}")
        time.sleep(rng.uniform(0, 0.08))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        reported.append(first.strip())
        reported.extend(line for line in rest.splitlines() if len(line) == 36)
        assert child.returncode == -signal.SIGKILL
    assert len(reported) > KILLS
    with profile.unlock(PASS) as store:
        stored = {row.record_id for row in store.call(lambda c: records.list_rows(c, limit=None))}
        missing = [rid for rid in reported if rid not in stored]
        assert missing == []
        assert store.integrity_problems() == []
        assert store.verify_audit_chain() is None
