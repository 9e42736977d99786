"""Memory after lock in the real window (issue 13 point 7): the offscreen app, unlocked by
typing the passphrase, a registration typed into the form and saved, then locked; ``gcore``
finds the patient's name while unlocked and no key, passphrase or name (UTF-8 or Qt's
UTF-16) after the lock. The storage-level test is ``tests/storage/test_memory_after_lock``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil

import pytest

from desktop.forms.national_id import generate
from desktop.storage import freed_memory
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile
from tests.helpers.core_dump import Child, found, letters, ptrace_scope, secrets_of

if shutil.which("gcore") is None and os.environ.get("CI"):
    raise RuntimeError("CI must provide gdb's gcore (scripts/test.sh installs gdb)")
if shutil.which("gcore") is None or not freed_memory.supported():
    pytest.skip("needs gcore (gdb) on Linux with glibc", allow_module_level=True)


def test_the_window_after_lock_leaves_nothing_in_a_core_dump(tmp_path, monkeypatch):
    if ptrace_scope() >= 3:
        pytest.skip("ptrace_scope 3: no process may be traced on this machine")
    monkeypatch.setenv("SJELDEN_HOME", str(tmp_path / "home"))
    passphrase = f"fiktiv hest {letters(10)} stift"
    name = f"Fiktivsen{letters(10)}"
    national_id = generate(dt.date(1980, 5, 17), "kvinne", rng=random.Random(3))
    directory = tmp_path / "profile"
    profile = Profile(directory, key_store=FileBlobStore(directory))
    profile.create(passphrase, key_storage="file").store.close()
    data_key = bytes(profile._unseal_with_passphrase(passphrase))

    child = Child(
        directory, passphrase, national_id, name, module="tests.ui.auto_lock_memory_child"
    )
    try:
        child.expect("unlocked")
        unlocked = child.dump(tmp_path / "unlocked")
        assert name.encode("utf-16-le") in unlocked, "the window shows the name while open"
        del unlocked
        child.send("lock\n")
        child.expect("locked")
        locked = child.dump(tmp_path / "locked")
    finally:
        child.close()
    assert child.process.returncode == 0
    assert found(locked, secrets_of(data_key, passphrase, name)) == {}
