"""A session in a child process, dumped with ``gcore``: the memory-after-lock tests' tools.

The child is started with the allocator settings the app starts with
(``desktop.storage.freed_memory.environment``); secrets reach it only on standard input.
"""

from __future__ import annotations

import os
import secrets
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.storage import freed_memory

ROOT = Path(__file__).resolve().parents[2]


def ptrace_scope() -> int:
    try:
        return int(Path("/proc/sys/kernel/yama/ptrace_scope").read_text())
    except (OSError, ValueError):
        return 0  # no Yama: classic ptrace permissions (same user)


def letters(count: int) -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(count))


class Child:
    """A session in a child process, started the way the app starts (``freed_memory``)."""

    def __init__(self, profile_dir: Path, *lines: str, module: str = "tests.storage.memory_child"):
        env = freed_memory.environment({**os.environ, "PYTHONPATH": str(ROOT)})
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, str(profile_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        self.send("".join(f"{line}\n" for line in lines))

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
                    f"gcore may not attach here (ptrace_scope {ptrace_scope()}): "
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


def secrets_of(data_key: bytes, passphrase: str, name: str) -> dict[str, bytes]:
    """What must not be in a dump after lock, in every spelling a process may hold it."""
    return {
        "data key": data_key,
        "data key, hex": data_key.hex().encode("ascii"),
        "data key, HEX": data_key.hex().upper().encode("ascii"),
        "passphrase": passphrase.encode("utf-8"),
        "passphrase, UTF-16": passphrase.encode("utf-16-le"),
        "patient name": name.encode("ascii"),
        "patient name, UTF-16": name.encode("utf-16-le"),
        "patient name, tail": name[-10:].encode("ascii"),
    }


def found(dump: bytes, needles: dict[str, bytes]) -> dict[str, int]:
    return {label: dump.count(needle) for label, needle in needles.items() if needle in dump}


def file_profile_key(directory: Path, passphrase: str) -> bytes:
    """Set up a key-file profile in ``directory``; its data key, to search the dumps for."""
    from desktop.storage.keystore import FileBlobStore
    from desktop.storage.profile import Profile

    profile = Profile(directory, key_store=FileBlobStore(directory))
    profile.create(passphrase, key_storage="file").store.close()
    return bytes(profile._unseal_with_passphrase(passphrase))


def dump_after_lock(child: Child, folder: Path, while_open: Callable[[bytes], None]) -> bytes:
    """Dump the child while unlocked (``while_open`` checks that dump, which is then
    dropped), lock it, and return the dump taken after the lock."""
    try:
        child.expect("unlocked")
        while_open(child.dump(folder / "unlocked"))
        child.send("lock\n")
        child.expect("locked")
        locked = child.dump(folder / "locked")
    finally:
        child.close()
    assert child.process.returncode == 0
    return locked


def require_core_dumps() -> None:
    """At a test module's top: skip it where gcore or the wiping allocator is missing,
    but never in CI, which must provide them (scripts/test.sh installs gdb)."""
    import os
    import shutil

    import pytest

    from desktop.storage import freed_memory

    if shutil.which("gcore") is None and os.environ.get("CI"):
        raise RuntimeError("CI must provide gdb's gcore (scripts/test.sh installs gdb)")
    if shutil.which("gcore") is None or not freed_memory.supported():
        pytest.skip("needs gcore (gdb) on Linux with glibc", allow_module_level=True)
    if ptrace_scope() >= 3:
        pytest.skip("ptrace_scope 3: no process may be traced here", allow_module_level=True)
