"""Fixtures shared by the whole suite.

Every test gets its own ``SJELDEN_HOME`` and temp dir under ``tmp_path`` (so the no-plaintext
scans see only what that test wrote), and the process-wide keyring is replaced by an in-memory
one, so no test can touch the developer's real keyring by accident. The one test that needs a
real Secret Service starts gnome-keyring itself (``tests/storage/test_real_keyring.py``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest

from desktop.storage.keystore import KeyringBlobStore
from desktop.storage.profile import Profile
from tests.helpers.memory_keyring import MemoryKeyring

FAST_KDF_SECONDS = 0.02


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Path]]:
    home = tmp_path / "sjelden-home"
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("SJELDEN_HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield {"home": home, "tmp": temp}
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_key_store() -> KeyringBlobStore:
    return KeyringBlobStore(MemoryKeyring())


@pytest.fixture
def make_profile(memory_key_store: KeyringBlobStore) -> Callable[..., Profile]:
    """Profiles backed by the in-memory keyring and a fast KDF (the real one is calibrated)."""

    def factory(name: str = "default", **kwargs: object) -> Profile:
        kwargs.setdefault("key_store", memory_key_store)
        kwargs.setdefault("kdf_target_seconds", FAST_KDF_SECONDS)
        return Profile.named(name, **kwargs)  # type: ignore[arg-type]

    return factory


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("SJELDEN_TEST_PG_URL"):
        return
    skip = pytest.mark.skip(reason="PostgreSQL tests need SJELDEN_TEST_PG_URL (set by .ci/run)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
