"""F7: one running instance per profile; the OS frees the lock when the holder dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.storage.errors import ProfileInUse
from desktop.storage.profile import Profile

PASS = "riktig hest batteri stift"
ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, time
from pathlib import Path
from desktop.storage.profile import Profile
store = Profile(Path(sys.argv[1]), kdf_target_seconds=0.02).unlock(sys.argv[2])
print("open", flush=True)
time.sleep(600)
"""


def test_a_second_process_is_refused_until_the_first_is_killed(tmp_path):
    directory = tmp_path / "profile"
    Profile(directory, kdf_target_seconds=0.02).create(PASS, key_storage="file").store.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(directory), PASS],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        second = Profile(directory, kdf_target_seconds=0.02)
        with pytest.raises(ProfileInUse) as caught:
            second.unlock(PASS)
        assert caught.value.code == "store.profile_in_use"
        assert "close it first" in caught.value.user_message("en")
        assert "Lukk den først" in caught.value.user_message("nb")
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        with second.unlock(PASS) as store:
            assert not store.closed
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


def test_the_cli_is_refused_while_the_profile_is_open(isolated_environment):
    from tests.helpers.cli import run_cli as run

    assert run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS}).returncode == 0
    profile = Profile(isolated_environment["home"] / "profiles" / "default")
    with profile.unlock(PASS):
        refused = run("unlock-check", stdin=PASS + "\n")
        assert refused.returncode == 1
        assert "åpen i et annet vindu" in refused.stderr and "Traceback" not in refused.stderr
    assert run("unlock-check", stdin=PASS + "\n").returncode == 0


def test_closing_the_store_frees_the_lock_in_the_same_process(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    first = profile.unlock(PASS)
    with pytest.raises(ProfileInUse):
        profile.unlock(PASS)
    first.close()
    profile.unlock(PASS).close()
