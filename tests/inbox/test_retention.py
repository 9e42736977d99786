"""The inbox forgets what the register has: acknowledged envelopes after the retention, used
enrollment codes, expired nonces; and its SQLite files are private (issue 15 points 2, 4)."""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sjelden_inbox.settings import Settings
from sjelden_inbox.storage import Retention, Store, open_database

from tests.inbox.conftest import Inbox, database_url, make_inbox

DAY = 86400


@pytest.fixture
def short_inbox(backend: str, tmp_path: Path) -> Iterator[Inbox]:
    with database_url(backend, tmp_path) as url:
        yield from make_inbox(tmp_path, url, batch_retention_days=2, feedback_retention_days=5)


def _raw_envelope(inbox: Inbox, batch_id: str) -> bytes:
    with inbox.ctx.store.database.transaction() as tx:
        row = tx.one("SELECT envelope FROM batches WHERE batch_id = ?", (batch_id,))
    assert row is not None
    return bytes(row[0])


def test_acknowledged_batch_bytes_go_after_the_retention_and_the_receipt_stays(
    short_inbox: Inbox,
) -> None:
    inbox, store = short_inbox, short_inbox.ctx.store
    key = inbox.enroll_direct()
    kept_id, kept = inbox.batch(key)
    gone_id, gone = inbox.batch(key)
    for batch_id, data in ((kept_id, kept), (gone_id, gone)):
        assert inbox.upload(batch_id, data).status_code == 201
    receipt = inbox.upload(gone_id, gone).json()
    assert inbox.staff("POST", f"/v1/staff/batches/{gone_id}/ack").status_code == 200
    acknowledged = store.batch(gone_id)
    assert acknowledged is not None and acknowledged.acknowledged_at is not None

    # One day after: nothing is due yet.
    assert store.purge_expired(now=acknowledged.acknowledged_at + DAY).batches == 0
    assert _raw_envelope(inbox, gone_id) == gone

    report = store.purge_expired(now=acknowledged.acknowledged_at + 2 * DAY)
    assert report.batches == 1
    assert _raw_envelope(inbox, gone_id) == b""
    # Gone on purpose, and said so: not the "never heard of it" of an unknown id.
    expired = inbox.staff("GET", f"/v1/staff/batches/{gone_id}")
    assert (expired.status_code, expired.json()["code"]) == (410, "batch_expired")
    unknown = inbox.staff("GET", f"/v1/staff/batches/{uuid.uuid4()}")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "unknown_batch")
    # The unacknowledged batch is untouched, however old.
    assert store.purge_expired(now=acknowledged.acknowledged_at + 400 * DAY).batches == 0
    assert _raw_envelope(inbox, kept_id) == kept
    # The tombstone answers a re-upload with the same receipt and refuses other bytes.
    again = inbox.upload(gone_id, gone)
    assert again.status_code == 200 and again.json() == receipt
    _, other = inbox.batch(key, batch_id=gone_id)
    assert inbox.upload(gone_id, other).json()["code"] == "batch_conflict"
    assert _raw_envelope(inbox, gone_id) == b""


def test_used_codes_expired_nonces_and_old_feedback_go(short_inbox: Inbox) -> None:
    inbox, store = short_inbox, short_inbox.ctx.store
    inbox.enroll(label="Testklinikk PC 2")  # uses one code
    unused = inbox.staff("POST", "/v1/staff/enrollment-codes")
    assert unused.status_code == 201
    with store.database.transaction(write=True) as tx:
        tx.execute(
            "INSERT INTO feedback (feedback_id, installation_key_id, staff_key_id, document, "
            "posted_at) VALUES (?, ?, ?, ?, ?)",
            ("00000000-0000-4000-8000-000000000001", "k", "s", "{}", 1000),
        )
        codes = tx.one("SELECT COUNT(*) FROM enrollment_codes")
        nonces = tx.one("SELECT COUNT(*) FROM nonces")
    assert codes is not None and codes[0] == 2
    assert nonces is not None and nonces[0] > 0

    report = store.purge_expired(now=1000 + 5 * DAY)
    assert report.enrollment_codes == 1  # the used one; the fresh code still enrolls
    assert report.feedback == 1
    with store.database.transaction() as tx:
        left = tx.one("SELECT COUNT(*) FROM enrollment_codes WHERE used_at IS NULL")
    assert left is not None and left[0] == 1
    later = store.purge_expired(now=2**40)
    assert later.nonces == nonces[0] and later.enrollment_codes == 1


def test_a_running_server_sweeps_on_its_own(backend: str, tmp_path: Path) -> None:
    """No command needed: the first signed request after the sweep interval runs it."""
    with database_url(backend, tmp_path) as url:
        for inbox in make_inbox(tmp_path, url, batch_retention_days=0):
            key = inbox.enroll_direct()
            batch_id, data = inbox.batch(key)
            assert inbox.upload(batch_id, data).status_code == 201
            assert inbox.staff("POST", f"/v1/staff/batches/{batch_id}/ack").status_code == 200
            inbox.ctx.store._last_sweep = 0.0  # as if a minute had passed
            assert inbox.signed(key, "GET", "/v1/feedback").status_code == 200
            assert _raw_envelope(inbox, batch_id) == b""


def test_no_deleted_envelope_byte_is_left_in_the_sqlite_files(tmp_path: Path) -> None:
    """secure_delete and the truncating checkpoint: the bytes are gone from every file."""
    with database_url("sqlite", tmp_path) as url:
        for inbox in make_inbox(tmp_path, url, batch_retention_days=0):
            key = inbox.enroll_direct()
            batch_id, data = inbox.batch(key, records=20)
            assert inbox.upload(batch_id, data).status_code == 201
            assert inbox.staff("POST", f"/v1/staff/batches/{batch_id}/ack").status_code == 200
            assert inbox.ctx.store.purge_expired(now=2**35).batches == 1
            marker = data[200:232]  # 32 bytes of ciphertext
            for path in (tmp_path / "inbox.sqlite3").parent.iterdir():
                if path.name.startswith("inbox.sqlite3"):
                    assert marker not in path.read_bytes(), path.name


def test_database_file_and_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    for inbox in make_inbox(tmp_path, f"sqlite:///{folder / 'inbox.sqlite3'}"):
        key = inbox.enroll_direct()
        batch_id, data = inbox.batch(key)
        assert inbox.upload(batch_id, data).status_code == 201
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        names = sorted(p.name for p in folder.iterdir() if p.name.startswith("inbox.sqlite3"))
        assert "inbox.sqlite3-wal" in names
        for name in names:
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name


def test_an_older_world_readable_database_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    path = folder / "inbox.sqlite3"
    path.touch()
    os.chmod(path, 0o644)
    store = Store(open_database(f"sqlite:///{path}"), Retention())
    try:
        store.migrate()
    finally:
        store.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_retention_settings_are_checked() -> None:
    assert Settings(batch_retention_days=7).retention.batch_seconds == 7 * DAY
    with pytest.raises(ValueError, match="retention"):
        Settings(batch_retention_days=-1)
