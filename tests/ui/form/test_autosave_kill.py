"""A draft survives a killed app: the autosave has reached the encrypted store by then."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.paths import profile_dir
from desktop.storage import records
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from tests.ui.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[3]


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "the editor process said nothing in time"
    return process.stdout.readline().strip()


def test_typed_draft_survives_sigkill(adult_id):
    directory = profile_dir("killed")
    profile = Profile(directory, key_store=FileBlobStore(directory), kdf_target_seconds=0.02)
    profile.create(PASSPHRASE, key_storage="file").store.close()

    process = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("autosave_child.py")),
            str(directory),
            PASSPHRASE,
            adult_id,
            "Avbruttsen",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        record_line = _read_line(process, 60)
        assert record_line.startswith("record ")
        record_id = record_line.split()[1]
        deadline = time.monotonic() + 30
        while _read_line(process, max(deadline - time.monotonic(), 0.1)) != "saved":
            pass
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert process.stdout is not None
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL

    with Profile(directory, key_store=FileBlobStore(directory)).unlock(PASSPHRASE) as store:
        record = store.call(lambda c: records.get(c, record_id))
    assert record is not None and record.status is RecordStatus.DRAFT
    assert record.payload["patient"] == {"national_id": adult_id, "family_name": "Avbruttsen"}
