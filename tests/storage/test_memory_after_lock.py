"""Issue 13 point 7: after lock, a core dump of the process holds no secret of the session.

A real session in a child process (``memory_child``: a real SQLCipher profile, the sealed key
in the profile's key file, the allocator settings the app starts with from
``freed_memory.environment``) unlocks, saves and completes a synthetic record and reads it
back. ``gcore`` (gdb) dumps it twice: while unlocked, where the patient's name must be found
(so the search is known to work), and after lock, where neither the data key (raw, hex in
either case), the passphrase (UTF-8 and UTF-16) nor the name may be. The passphrase and the
name are random per run and reach the child only on standard input.
"""

from __future__ import annotations

import os
import shutil

import pytest

from desktop.storage import freed_memory
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile
from tests.helpers.core_dump import Child, found, letters, ptrace_scope, secrets_of

if shutil.which("gcore") is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must provide gdb's gcore (scripts/test.sh installs gdb)")
    pytest.skip("needs gcore (gdb)", allow_module_level=True)
if not freed_memory.supported():
    pytest.skip("the wiping allocator settings are for Linux with glibc", allow_module_level=True)


def test_a_core_dump_after_lock_holds_no_key_passphrase_or_name(tmp_path, monkeypatch):
    if ptrace_scope() >= 3:
        pytest.skip("ptrace_scope 3: no process may be traced on this machine")
    monkeypatch.setenv("SJELDEN_HOME", str(tmp_path / "home"))
    passphrase = f"fiktiv hest {letters(10)} stift"
    name = f"Fiktivsen{letters(10)}"
    directory = tmp_path / "profile"
    profile = Profile(directory, key_store=FileBlobStore(directory))
    profile.create(passphrase, key_storage="file").store.close()
    data_key = bytes(profile._unseal_with_passphrase(passphrase))

    child = Child(directory, passphrase, name)
    try:
        child.expect("unlocked")
        unlocked = child.dump(tmp_path / "unlocked")
        assert name.encode("ascii") in unlocked, "the search must see the name while open"
        del unlocked
        child.send("lock\n")
        child.expect("locked")
        locked = child.dump(tmp_path / "locked")
    finally:
        child.close()
    assert child.process.returncode == 0
    assert len(locked) > 10_000_000  # a whole process, not an empty file
    assert found(locked, secrets_of(data_key, passphrase, name)) == {}


def test_the_environment_keeps_other_tunables_and_is_recognised():
    env = freed_memory.environment({"GLIBC_TUNABLES": "glibc.malloc.perturb=7:glibc.x=1"})
    assert env["GLIBC_TUNABLES"].split(":") == [
        "glibc.malloc.perturb=165",
        "glibc.malloc.tcache_count=0",
        "glibc.x=1",
    ]
    assert freed_memory.active(env) and not freed_memory.active({})
