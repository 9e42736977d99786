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

from desktop.storage import freed_memory
from tests.helpers.core_dump import (
    Child,
    dump_after_lock,
    file_profile_key,
    found,
    letters,
    require_core_dumps,
    secrets_of,
)

require_core_dumps()


def test_a_core_dump_after_lock_holds_no_key_passphrase_or_name(tmp_path, monkeypatch):
    monkeypatch.setenv("SJELDEN_HOME", str(tmp_path / "home"))
    passphrase = f"fiktiv hest {letters(10)} stift"
    name = f"Fiktivsen{letters(10)}"
    directory = tmp_path / "profile"
    data_key = file_profile_key(directory, passphrase)

    def while_open(dump: bytes) -> None:
        assert name.encode("ascii") in dump, "the search must see the name while open"

    locked = dump_after_lock(Child(directory, passphrase, name), tmp_path, while_open)
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
