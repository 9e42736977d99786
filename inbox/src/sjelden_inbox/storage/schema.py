"""Schema migrations, applied in order at start-up inside one transaction each.

Migrations are append-only: a released step is never edited, a change is a new step. The
runner and the ``{blob}`` / ``{serial}`` spellings are the dialect layer's
(``sjelden_protocol.db``); the version is kept in ``schema_version``, a row per version.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sjelden_protocol.db import Migrations, SchemaTooNew, VersionLog, run_script

from .database import Database, Transaction

_MIGRATION_LOCK = 727001

_V1 = """
CREATE TABLE installations (
    key_id TEXT PRIMARY KEY,
    public_key {blob} NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
    enrolled_at BIGINT NOT NULL,
    approved_at BIGINT,
    revoked_at BIGINT
);
CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    used_by TEXT
);
CREATE TABLE staff_keys (
    key_id TEXT PRIMARY KEY,
    public_key {blob} NOT NULL,
    label TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE TABLE nonces (
    key_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);
CREATE TABLE batches (
    seq {serial},
    batch_id TEXT NOT NULL UNIQUE,
    sender_key_id TEXT NOT NULL,
    envelope {blob} NOT NULL,
    envelope_sha256 TEXT NOT NULL,
    envelope_length BIGINT NOT NULL,
    record_count INTEGER NOT NULL,
    received_at BIGINT NOT NULL,
    receipt TEXT NOT NULL,
    acknowledged_at BIGINT
);
CREATE INDEX batches_sender ON batches (sender_key_id);
CREATE INDEX batches_unacknowledged ON batches (acknowledged_at, seq);
CREATE TABLE feedback (
    seq {serial},
    feedback_id TEXT NOT NULL UNIQUE,
    installation_key_id TEXT NOT NULL,
    staff_key_id TEXT NOT NULL,
    document TEXT NOT NULL,
    posted_at BIGINT NOT NULL
);
CREATE INDEX feedback_installation ON feedback (installation_key_id, seq);
"""


def _v1(tx: Transaction) -> None:
    run_script(tx, _V1, tx.dialect)


def _v2(tx: Transaction) -> None:
    """The register's key manifests as staff uploaded them (canonical JSON): the inbox serves
    the one with the highest sequence; it cannot forge one, clients check the root's
    signature."""
    run_script(
        tx,
        """
        CREATE TABLE manifests (
            sequence BIGINT PRIMARY KEY,
            document TEXT NOT NULL,
            staff_key_id TEXT NOT NULL,
            stored_at BIGINT NOT NULL
        );
        """,
        tx.dialect,
    )


def _v3(tx: Transaction) -> None:
    """Batch ids are scoped to their sender: unique per (sender, batch id), so a batch id one
    installation used (ids are no secret: staff and proxies see them) cannot be squatted by
    another to block or stand in for that installation's batch."""
    if tx.dialect.name == "postgresql":
        run_script(
            tx,
            """
            ALTER TABLE batches DROP CONSTRAINT batches_batch_id_key;
            ALTER TABLE batches ADD CONSTRAINT batches_sender_batch_key
                UNIQUE (sender_key_id, batch_id);
            CREATE INDEX batches_id ON batches (batch_id)
            """,
            tx.dialect,
        )
        return
    run_script(
        tx,
        """
        CREATE TABLE batches_v3 (
            seq {serial},
            batch_id TEXT NOT NULL,
            sender_key_id TEXT NOT NULL,
            envelope {blob} NOT NULL,
            envelope_sha256 TEXT NOT NULL,
            envelope_length BIGINT NOT NULL,
            record_count INTEGER NOT NULL,
            received_at BIGINT NOT NULL,
            receipt TEXT NOT NULL,
            acknowledged_at BIGINT,
            UNIQUE (sender_key_id, batch_id)
        );
        INSERT INTO batches_v3 (seq, batch_id, sender_key_id, envelope, envelope_sha256,
            envelope_length, record_count, received_at, receipt, acknowledged_at)
            SELECT seq, batch_id, sender_key_id, envelope, envelope_sha256, envelope_length,
            record_count, received_at, receipt, acknowledged_at FROM batches;
        DROP TABLE batches;
        ALTER TABLE batches_v3 RENAME TO batches;
        CREATE INDEX batches_sender ON batches (sender_key_id);
        CREATE INDEX batches_unacknowledged ON batches (acknowledged_at, seq);
        CREATE INDEX batches_id ON batches (batch_id)
        """,
        tx.dialect,
    )


def _v4(tx: Transaction) -> None:
    """Copies of the register's signed audit checkpoints, as staff sent them: a witness
    outside the register's database, so a tail cut from its audit chain (checkpoints and
    all) is still found. The first document per sequence number is kept; the inbox checks
    form only, the register checks the members' signatures."""
    run_script(
        tx,
        """
        CREATE TABLE audit_checkpoints (
            seq BIGINT PRIMARY KEY,
            document TEXT NOT NULL,
            staff_key_id TEXT NOT NULL,
            stored_at BIGINT NOT NULL
        );
        """,
        tx.dialect,
    )


MIGRATIONS: Migrations[Transaction] = Migrations(
    "inbox", [_v1, _v2, _v3, _v4], VersionLog("schema_version")
)


def migrate(database: Database) -> int:
    """Bring the schema up to date; safe to run from several processes at once."""

    @contextmanager
    def begin(operation: str) -> Iterator[Transaction]:
        with database.transaction(write=True) as tx:
            if database.dialect.name == "postgresql":
                tx.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            yield tx

    try:
        return MIGRATIONS.apply(begin)
    except SchemaTooNew as exc:
        raise RuntimeError(
            f"database schema version {exc.found} is newer than this server "
            f"({exc.supported}); upgrade sjelden-inbox"
        ) from exc
