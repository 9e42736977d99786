"""Upgrading the frozen schema-1 database (a real file written by schema 1, never rebuilt)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.storage import audit, records
from desktop.storage.connection import open_encrypted
from desktop.storage.schema import SCHEMA_VERSION, SchemaTooNew, current_version, migrate

FIXTURE = Path(__file__).parent / "fixtures" / "store-schema1.db"
FIXTURE_KEY = bytes.fromhex("5a" * 16 + "a5" * 16)  # the fixture's fixed test key


@pytest.fixture
def schema1_copy(tmp_path):
    path = tmp_path / "store.db"
    shutil.copy(FIXTURE, path)
    return path


def test_fixture_is_schema_1(schema1_copy):
    conn = open_encrypted(schema1_copy, FIXTURE_KEY)
    try:
        assert current_version(conn) == 1
    finally:
        conn.close()


def test_upgrade_from_schema_1_backs_up_first(schema1_copy):
    conn = open_encrypted(schema1_copy, FIXTURE_KEY)
    try:
        backup = migrate(conn, schema1_copy)
        assert current_version(conn) == SCHEMA_VERSION
        rows = records.list_rows(conn, order_by="display_name")
        assert len(rows) == 3
        # the summary columns added by schema 2 were back-filled from the payloads
        assert all(r.display_name.startswith("Fiksturesen") for r in rows)
        assert all(r.national_id and len(r.national_id) == 11 for r in rows)
        assert all(r.diagnosis.startswith("ORPHA:") for r in rows)
        assert audit.verify_chain(conn) is None
        assert migrate(conn, schema1_copy) is None  # idempotent
    finally:
        conn.close()
    assert backup is not None and backup.exists()
    assert backup.read_bytes()[:16] != b"SQLite format 3\x00"  # the backup is ciphertext
    assert backup.stat().st_mode & 0o777 == 0o600
    old = open_encrypted(backup, FIXTURE_KEY)
    try:
        assert current_version(old) == 1
    finally:
        old.close()


def test_newer_schema_is_refused(schema1_copy):
    conn = open_encrypted(schema1_copy, FIXTURE_KEY)
    try:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        with pytest.raises(SchemaTooNew):
            migrate(conn, schema1_copy)
    finally:
        conn.close()


def test_schema_5_gives_records_set_aside_before_sending_their_own_state(schema1_copy):
    """A record the outbox quarantined was stored as ``rejected`` up to schema 4: schema 5
    moves exactly those to ``set_aside``, and leaves the register's own rejections alone."""
    conn = open_encrypted(schema1_copy, FIXTURE_KEY)
    try:
        migrate(conn, schema1_copy, target=4)
        ids = [r.record_id for r in records.list_rows(conn, order_by="display_name")]
        conn.execute("UPDATE records SET status = 'rejected' WHERE record_id IN (?, ?)", ids[:2])
        for record_id, state in ((ids[0], "quarantined"), (ids[1], "rejected")):
            conn.execute(
                "INSERT INTO outbox_items (record_id, revision, batch_id, state, reason_code, "
                "updated_at) SELECT record_id, revision, NULL, ?, 'local_validation', "
                "'2026-01-01T00:00:00Z' FROM records WHERE record_id = ?",
                (state, record_id),
            )
        migrate(conn, schema1_copy)
        assert current_version(conn) == SCHEMA_VERSION
        status = {r.record_id: r.status for r in records.list_rows(conn, order_by="display_name")}
        assert status[ids[0]] is records.RecordStatus.SET_ASIDE
        assert status[ids[1]] is records.RecordStatus.REJECTED
        assert status[ids[2]] is not records.RecordStatus.SET_ASIDE
    finally:
        conn.close()
