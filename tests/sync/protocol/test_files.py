"""The one atomic private write (``sjelden_protocol.files``), on real files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.files import atomic_private_file
from sjelden_protocol.keys import load_private_key, raw_public, save_private_key


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own (the suite keeps other things in ``tmp_path``)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_content_appears_whole_and_owner_only(folder: Path) -> None:
    target = folder / "out.bin"
    with atomic_private_file(target) as handle:
        handle.write(b"first part ")
        assert not target.exists()  # nothing under the name until the block ends
        handle.write(b"second part")
    assert target.read_bytes() == b"first part second part"
    assert _mode(target) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["out.bin"]


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary(folder: Path) -> None:
    target = folder / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_private_file(target) as handle:
        handle.write(b"new but unfinished")
        raise RuntimeError("disk gone")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["out.bin"]


def test_replace_false_never_overwrites(folder: Path) -> None:
    target = folder / "key.pem"
    with atomic_private_file(target, replace=False) as handle:
        handle.write(b"one")
    with pytest.raises(FileExistsError), atomic_private_file(target, replace=False) as handle:
        handle.write(b"two")
    assert target.read_bytes() == b"one"
    assert sorted(p.name for p in folder.iterdir()) == ["key.pem"]


def test_a_private_key_is_written_once_and_loads(folder: Path) -> None:
    path = folder / "server.pem"
    key = Ed25519PrivateKey.generate()
    save_private_key(key, path)
    assert _mode(path) == 0o600
    with pytest.raises(FileExistsError):
        save_private_key(Ed25519PrivateKey.generate(), path)
    loaded = load_private_key(path)
    assert isinstance(loaded, Ed25519PrivateKey)
    assert raw_public(loaded.public_key()) == raw_public(key.public_key())
