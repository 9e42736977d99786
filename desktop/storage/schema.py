"""The store's schema and its migrations, versioned with ``PRAGMA user_version``.

Migrations only ever move forward; they are applied by the runner all three databases share
(``sjelden_protocol.db.Migrations``), one transaction per step. Before the first migration
step runs on an existing file, the encrypted file is copied aside (it stays encrypted: we
copy ciphertext), so a failed upgrade on a clinician's PC can be rolled back by support.
``tests/storage/fixtures`` holds a frozen database of schema 1 that proves every upgrade
path still works.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from sjelden_protocol.db import SQLITE, Migrations, SchemaTooNew, UserVersion, run_script

from desktop.storage.connection import Connection, transaction
from desktop.storage.summary import summarize_json

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "SchemaTooNew", "current_version", "migrate"]


def _v1(conn: Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE records (
            record_id     TEXT PRIMARY KEY,
            revision      INTEGER NOT NULL CHECK (revision >= 1),
            form_id       TEXT NOT NULL,
            form_version  INTEGER NOT NULL,
            status        TEXT NOT NULL,
            payload       TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            author        TEXT NOT NULL
        );
        CREATE TABLE record_history (
            record_id     TEXT NOT NULL,
            revision      INTEGER NOT NULL,
            form_id       TEXT NOT NULL,
            form_version  INTEGER NOT NULL,
            status        TEXT NOT NULL,
            payload       TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            author        TEXT NOT NULL,
            PRIMARY KEY (record_id, revision)
        );
        CREATE TABLE audit_log (
            seq        INTEGER PRIMARY KEY,
            at         TEXT NOT NULL,
            actor      TEXT NOT NULL,
            action     TEXT NOT NULL,
            record_id  TEXT,
            revision   INTEGER,
            prev_hash  BLOB NOT NULL,
            hash       BLOB NOT NULL
        );
        CREATE TABLE settings (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        );
        """,
        SQLITE,
    )


def _v2(conn: Connection) -> None:
    """Denormalised list columns, so the record list never parses payloads.

    A list page of 100,000 records must come back in milliseconds; reading JSON for each row
    cannot. Each sortable column is indexed together with ``record_id``, the tie-breaker of
    every list order, so a page is an index range scan, never a sort. Sortable columns are
    NOT NULL ('' for "not filled in yet"), because a NULL never satisfies the keyset
    comparison and such rows would drop out of paged lists. The columns
    are derived from the payload on every write (``desktop.storage.summary``), and
    back-filled here for rows written under schema 1.
    """
    run_script(
        conn,
        """
        ALTER TABLE records ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN national_id TEXT;
        ALTER TABLE records ADD COLUMN diagnosis TEXT NOT NULL DEFAULT '';
        ALTER TABLE records ADD COLUMN registered_on TEXT NOT NULL DEFAULT '';
        CREATE INDEX records_by_updated ON records (updated_at, record_id);
        CREATE INDEX records_by_name ON records (display_name COLLATE NOCASE, record_id);
        CREATE INDEX records_by_registered ON records (registered_on, record_id);
        CREATE INDEX records_by_status ON records (status, record_id);
        CREATE INDEX records_by_diagnosis ON records (diagnosis, record_id);
        CREATE INDEX records_by_national_id ON records (national_id);
        """,
        SQLITE,
    )
    _backfill_summaries(conn)


def _v3(conn: Connection) -> None:
    """Sync: the installation's keys and pinned peer keys, the outbox and feedback.

    ``sync_keys`` holds the installation's Ed25519 private key (only ever inside this
    encrypted file) and the public keys pinned at enrollment. ``outbox_batches`` keeps each
    sealed envelope byte-for-byte until its receipt is verified, so a re-send is always the
    same bytes under the same id; the batch keeps its receipt. ``outbox_items`` is the
    per-revision sync state (which batch, decision or quarantine reason: codes only, never
    field values); its ``state`` changes only together with the record's status
    (``desktop.sync.outbox.set_state``).
    """
    run_script(
        conn,
        """
        CREATE TABLE sync_keys (
            role         TEXT NOT NULL,
            key_id       TEXT NOT NULL,
            public_key   BLOB NOT NULL,
            private_key  BLOB,
            added_at     TEXT NOT NULL,
            PRIMARY KEY (role, key_id)
        );
        CREATE TABLE outbox_batches (
            batch_id      TEXT PRIMARY KEY,
            created_at    TEXT NOT NULL,
            record_count  INTEGER NOT NULL,
            envelope      BLOB,
            sha256        TEXT NOT NULL,
            length        INTEGER NOT NULL,
            state         TEXT NOT NULL,
            receipt       TEXT,
            delivered_at  TEXT,
            attempts      INTEGER NOT NULL DEFAULT 0,
            last_error    TEXT
        );
        CREATE TABLE outbox_items (
            record_id     TEXT NOT NULL,
            revision      INTEGER NOT NULL,
            batch_id      TEXT,
            state         TEXT NOT NULL,
            reason_code   TEXT,
            reason_text   TEXT,
            updated_at    TEXT NOT NULL,
            decided_at    TEXT,
            purged_at     TEXT,
            PRIMARY KEY (record_id, revision)
        );
        CREATE INDEX outbox_items_by_batch ON outbox_items (batch_id);
        CREATE TABLE sync_feedback (
            feedback_id   TEXT PRIMARY KEY,
            staff_key_id  TEXT NOT NULL,
            applied_at    TEXT NOT NULL
        );
        CREATE INDEX outbox_items_by_state ON outbox_items (state);
        """,
        SQLITE,
    )


def _v4(conn: Connection) -> None:
    """The commit counter ``commit_state`` compares with the one recorded outside the file.

    One row, raised by every counted write transaction (``connection.transaction``): the only
    way to tell, at unlock, that the file lost commits SQLite itself cannot see as missing.
    It starts at 1, the schema itself, so an emptied file (counter 0) is always short.
    """
    run_script(
        conn,
        """
        CREATE TABLE commit_counter (
            id     INTEGER PRIMARY KEY CHECK (id = 1),
            value  INTEGER NOT NULL CHECK (value >= 0)
        );
        INSERT INTO commit_counter (id, value) VALUES (1, 1);
        """,
        SQLITE,
    )


def _v5(conn: Connection) -> None:
    """Set aside before sending is its own state, ``set_aside``, not ``rejected``.

    A record the outbox quarantined (its form has errors, or the inbox refused its batch for
    good) never reached the register; calling it rejected told the clinician the register
    had decided, and counted it twice. Rows written before this version, current and in
    the history, are moved over.
    """
    for table in ("records", "record_history"):
        conn.execute(
            f"UPDATE {table} SET status = 'set_aside' WHERE status = 'rejected' AND EXISTS ("
            f"SELECT 1 FROM outbox_items i WHERE i.record_id = {table}.record_id "
            f"AND i.revision = {table}.revision AND i.state = 'quarantined')"
        )


def _backfill_summaries(conn: Connection) -> None:
    rows = conn.execute("SELECT record_id, payload FROM records").fetchall()
    for record_id, payload in rows:
        summary = summarize_json(payload)
        conn.execute(
            "UPDATE records SET display_name = ?, national_id = ?, diagnosis = ?, "
            "registered_on = ? WHERE record_id = ?",
            (
                summary.display_name,
                summary.national_id,
                summary.diagnosis,
                summary.registered_on or "",
                record_id,
            ),
        )


MIGRATIONS: Migrations[Connection] = Migrations("store", [_v1, _v2, _v3, _v4, _v5], UserVersion())
SCHEMA_VERSION = MIGRATIONS.latest


def current_version(conn: Connection) -> int:
    return MIGRATIONS.current(conn)


def migrate(
    conn: Connection,
    db_path: Path | None,
    *,
    now: Callable[[], dt.datetime] | None = None,
    target: int = SCHEMA_VERSION,
) -> Path | None:
    """Bring the schema to ``target``; returns the backup path if one was made.

    ``SchemaTooNew`` for a file of a newer app, before anything is written.
    """
    backups: list[Path] = []

    def back_up(version: int) -> None:
        if version > 0 and db_path is not None:
            backups.append(_backup_encrypted_file(conn, db_path, version, now or _utcnow))

    MIGRATIONS.apply(lambda op: transaction(conn, op), target=target, prepare=back_up)
    return backups[0] if backups else None


def _backup_encrypted_file(
    conn: Connection, db_path: Path, version: int, now: Callable[[], dt.datetime]
) -> Path:
    # Checkpoint first so the main file alone holds every committed page.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = now().strftime("%Y%m%dT%H%M%SZ")
    backup = db_path.with_name(f"{db_path.name}.schema{version}-{stamp}.bak")
    shutil.copy2(db_path, backup)
    backup.chmod(0o600)
    return backup


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
