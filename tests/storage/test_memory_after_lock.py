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
import secrets
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.storage import freed_memory
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile

ROOT = Path(__file__).resolve().parents[2]

if shutil.which("gcore") is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must provide gdb's gcore (scripts/test.sh installs gdb)")
    pytest.skip("needs gcore (gdb)", allow_module_level=True)
if not freed_memory.supported():
    pytest.skip("the wiping allocator settings are for Linux with glibc", allow_module_level=True)


def _ptrace_scope() -> int:
    try:
        return int(Path("/proc/sys/kernel/yama/ptrace_scope").read_text())
    except (OSError, ValueError):
        return 0  # no Yama: classic ptrace permissions (same user)


def _letters(count: int) -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(count))


class Child:
    def __init__(self, profile_dir: Path, passphrase: str, name: str) -> None:
        env = freed_memory.environment({**os.environ, "PYTHONPATH": str(ROOT)})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.memory_child", str(profile_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        self.send(f"{passphrase}\n{name}\n")

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text.encode("ascii"))
        self.process.stdin.flush()

    def expect(self, word: str) -> None:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode("ascii", "replace").strip()
        assert line == word, f"child said {line!r}, exit {self.process.poll()}"

    def dump(self, target: Path) -> bytes:
        result = subprocess.run(
            ["gcore", "-o", str(target), str(self.process.pid)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        core = Path(f"{target}.{self.process.pid}")
        if result.returncode != 0 or not core.exists():
            if "ptrace" in result.stderr.lower() or "not permitted" in result.stderr.lower():
                pytest.skip(
                    f"gcore may not attach here (ptrace_scope {_ptrace_scope()}): "
                    + result.stderr.strip().splitlines()[-1]
                )
            raise AssertionError(f"gcore failed ({result.returncode}): {result.stderr}")
        data = core.read_bytes()
        core.unlink()
        return data

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()


def _found(dump: bytes, needles: dict[str, bytes]) -> dict[str, int]:
    return {label: dump.count(needle) for label, needle in needles.items() if needle in dump}


def test_a_core_dump_after_lock_holds_no_key_passphrase_or_name(tmp_path, monkeypatch):
    if _ptrace_scope() >= 3:
        pytest.skip("ptrace_scope 3: no process may be traced on this machine")
    monkeypatch.setenv("SJELDEN_HOME", str(tmp_path / "home"))
    passphrase = f"fiktiv hest {_letters(10)} stift"
    name = f"Fiktivsen{_letters(10)}"
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
    needles = {
        "data key": data_key,
        "data key, hex": data_key.hex().encode("ascii"),
        "data key, HEX": data_key.hex().upper().encode("ascii"),
        "passphrase": passphrase.encode("utf-8"),
        "passphrase, UTF-16": passphrase.encode("utf-16-le"),
        "patient name": name.encode("ascii"),
        "patient name, UTF-16": name.encode("utf-16-le"),
        "patient name, tail": name[-10:].encode("ascii"),
    }
    assert len(locked) > 10_000_000  # a whole process, not an empty file
    assert _found(locked, needles) == {}


def test_the_environment_keeps_other_tunables_and_is_recognised():
    env = freed_memory.environment({"GLIBC_TUNABLES": "glibc.malloc.perturb=7:glibc.x=1"})
    assert env["GLIBC_TUNABLES"].split(":") == [
        "glibc.malloc.perturb=165",
        "glibc.malloc.tcache_count=0",
        "glibc.x=1",
    ]
    assert freed_memory.active(env) and not freed_memory.active({})
