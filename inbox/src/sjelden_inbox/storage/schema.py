"""Schema migrations, applied in order at start-up inside one transaction each.

Migrations are append-only: a released step is never edited, a change is a new step. Each
step has a SQLite and a PostgreSQL spelling; the differences are the id column and BLOB.
"""

from __future__ import annotations

from .database import Database

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

MIGRATIONS: list[str] = [_V1]
_TYPES = {
    "sqlite": {"blob": "BLOB", "serial": "INTEGER PRIMARY KEY AUTOINCREMENT"},
    "postgres": {"blob": "BYTEA", "serial": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"},
}


def migrate(database: Database) -> int:
    """Bring the schema up to date; safe to run from several processes at once."""
    with database.transaction(write=True) as tx:
        if database.dialect == "postgres":
            tx.execute("SELECT pg_advisory_xact_lock(727001)")
        tx.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = tx.one("SELECT MAX(version) FROM schema_version")
        current = int(row[0]) if row and row[0] is not None else 0
        for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
            for statement in script.format(**_TYPES[database.dialect]).split(";"):
                if statement.strip():
                    tx.execute(statement)
            tx.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        if current > len(MIGRATIONS):
            raise RuntimeError(
                f"database schema version {current} is newer than this server "
                f"({len(MIGRATIONS)}); upgrade sjelden-inbox"
            )
        return len(MIGRATIONS)
