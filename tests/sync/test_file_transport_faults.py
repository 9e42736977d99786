"""File transport against the file system a user really meets (issue 14, F6): a full USB
stick, a write-protected one, a file that is a folder, missing, unreadable, too deeply nested.
Every fault is a ``SyncError`` with its own code and a message naming the fix; an export that
fails leaves no partial file and every batch still pending, so a second try delivers it.
Real tmpfs mounts (root, as in CI), a real enrolled store and the real inbox.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.net.errors import SyncError
from desktop.sync import outbox, transport_file
from tests.helpers.disks import fill, remount, tmpfs
from tests.sync.conftest import Client, add_completed


def _pending(client: Client) -> int:
    return len(client.store.call(outbox.pending_batches))


def _partial(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".part"))]


def test_a_full_usb_stick_leaves_no_partial_file_and_the_batches_pending(
    client: Client, tmp_path: Path
) -> None:
    add_completed(client.store, 40, seed=3)
    with tmpfs(tmp_path / "stick", "64k") as stick:
        fill(stick)
        with pytest.raises(SyncError) as caught:
            transport_file.export_batches(client.store, stick / "out")
        assert caught.value.code == "export_disk_full"
        assert "Frigjør plass" in caught.value.user_message("nb")
        assert _partial(stick) == []
        pending = _pending(client)
        assert pending >= 1
        (stick / "filler").unlink()
        written = transport_file.export_batches(client.store, stick / "out").files
        assert len(written) == pending  # the same batches, once each, whole
        assert {oct(p.stat().st_mode & 0o777) for p in written} == {"0o600"}


def test_a_write_protected_stick_is_named_as_such(client: Client, tmp_path: Path) -> None:
    add_completed(client.store, 3, seed=4)
    with tmpfs(tmp_path / "stick", "8m") as stick:
        remount(stick, "ro")
        try:
            with pytest.raises(SyncError) as caught:
                transport_file.export_batches(client.store, stick / "out")
        finally:
            remount(stick, "rw")
    assert caught.value.code == "export_not_writable"
    assert _pending(client) >= 1


def test_exporting_onto_a_file_instead_of_a_folder(client: Client, tmp_path: Path) -> None:
    add_completed(client.store, 2, seed=5)
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    with pytest.raises(SyncError) as caught:
        transport_file.export_batches(client.store, target)
    assert caught.value.code == "export_not_writable"


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: None, "import_not_found"),
        (lambda p: p.mkdir(), "import_is_folder"),
        (lambda p: p.write_text("[" * 100_000 + "]" * 100_000), "bad_file"),
        (
            lambda p: p.write_text('{"receipt": {"batch_id": "\\ud800"}, "signature": "x"}'),
            "bad_file",
        ),
        (lambda p: p.write_bytes(b"\xff\xfe garbage"), "bad_file"),
    ],
    ids=["missing", "folder", "too-deep", "lone-surrogate", "binary"],
)
def test_import_names_what_is_wrong_with_the_file(
    client: Client, tmp_path: Path, make: object, code: str
) -> None:
    path = tmp_path / "receipt.json"
    make(path)  # type: ignore[operator]
    with pytest.raises(SyncError) as caught:
        transport_file.import_file(client.store, path)
    assert caught.value.code == code
    assert caught.value.user_message("nb") and caught.value.user_message("en")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(client: Client, tmp_path: Path) -> None:
    path = tmp_path / "receipt.json"
    path.write_text("{}")
    path.chmod(0)
    with pytest.raises(SyncError) as caught:
        transport_file.import_file(client.store, path)
    assert caught.value.code == "import_unreadable"


def test_a_read_only_profile_still_exports_what_was_sealed(
    memory_key_store, inbox_server, staff, tmp_path: Path
) -> None:
    from desktop.storage import records
    from desktop.storage.profile import Profile
    from tests.conftest import FAST_KDF_SECONDS
    from tests.sync.conftest import PASSPHRASE, enroll_store

    with tmpfs(tmp_path / "disk", "64m") as disk:
        profile = Profile(
            disk / "p", key_store=memory_key_store, kdf_target_seconds=FAST_KDF_SECONDS
        )
        store = profile.create(PASSPHRASE).store
        enroll_store(store, inbox_server.url, staff)
        add_completed(store, 4, seed=9)
        outbox.pack(store, transport_file._ident(store))
        sealed = len(store.call(outbox.pending_batches))
        add_completed(store, 2, seed=10)  # completed after the last packing
        store.close()
        remount(disk, "ro")
        try:
            with profile.unlock(PASSPHRASE) as ro_store:
                result = transport_file.export_batches(ro_store, tmp_path / "stick")
                assert ro_store.call(records.count) == 6  # and still reads them all
        finally:
            remount(disk, "rw")
    assert len(result.files) == sealed >= 1
    assert result.not_sealed == 2
    assert {oct(p.stat().st_mode & 0o777) for p in result.files} == {"0o600"}
