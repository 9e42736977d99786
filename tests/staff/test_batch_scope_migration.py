"""Register schema 3 keys imported batches by (installation, batch id) (issue 13 point 3): a
register holding batches under schema 2 keeps every row, and afterwards another
installation's batch under a known id is recorded beside it, on SQLite (the profile's
SQLCipher file) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

from sjelden_protocol.db import Migrations, VersionTable

from desktop.staff import register as reg
from desktop.staff import schema
from desktop.staff.dialect import Backend, Db, PgBackend, SqliteBackend
from desktop.storage.profile import Profile

ROW = "INSERT INTO imported_batches (batch_id, installation_key_id, envelope_sha256, "
ROW += "record_count, imported_at, imported_by) VALUES (?, ?, ?, 1, '2025-01-01T00:00:00Z', 't')"
BATCH = "0b6e6d1c-3f7a-4c55-9d1e-2a9e8f0c4b11"


def _at_schema_2(db: Db) -> None:
    old = Migrations(
        "staff register",
        [schema._register_v1, schema._register_v2],
        VersionTable("staff_schema", "register"),
    )
    assert old.apply(db.transaction) == 2
    with db.transaction("schema-2 rows"):
        db.execute(ROW, (BATCH, "a" * 32, "11" * 32))


def _then_3(db: Db) -> None:
    assert schema.migrate(db, "register") == 3
    assert reg.imported_batch(db, BATCH) == "11" * 32
    assert reg.imported_batch(db, BATCH, "a" * 32) == "11" * 32
    assert reg.imported_batch(db, BATCH, "b" * 32) is None
    with db.transaction("another sender's batch under the id"):
        db.execute(ROW, (BATCH, "b" * 32, "22" * 32))
    assert reg.imported_batch(db, BATCH, "b" * 32) == "22" * 32


def test_imported_batches_survive_and_become_per_sender(
    make_profile: Callable[..., Profile], register_db: str | None
) -> None:
    store = make_profile("staff").create("registerets hemmelige stift 2025").store
    backend: Backend = PgBackend(register_db) if register_db else SqliteBackend(store)
    try:
        backend.submit(_at_schema_2).result()
        backend.submit(_then_3).result()
    finally:
        if register_db:
            backend.close()
        store.close()
