"""Schema 3 of the inbox keys batches by (sender, batch id) (issue 13 point 3): an inbox
holding batches under schema 2 keeps every one, its sequence numbers and receipts, and from
then on another installation's batch under a known id is stored beside it, on SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sjelden_inbox.storage import Store, open_database
from sjelden_inbox.storage.database import Database, Transaction
from sjelden_inbox.storage.schema import MIGRATIONS, _v1, _v2
from sjelden_inbox.storage.store import AmbiguousBatch
from sjelden_protocol.db import Migrations, VersionLog

from tests.inbox.conftest import database_url


def _begin(database: Database) -> object:
    @contextmanager
    def begin(operation: str) -> Iterator[Transaction]:
        with database.transaction(write=True) as tx:
            yield tx

    return begin


def _store(store: Store, batch_id: str, sender: str, data: bytes) -> bool:
    _, created = store.store_batch(
        batch_id=batch_id,
        sender_key_id=sender,
        envelope=data,
        envelope_sha256=data.hex(),
        record_count=1,
        received_at=1_700_000_000,
        receipt="{}",
    )
    return created


def test_batches_held_under_schema_2_survive_and_ids_become_per_sender(
    backend: str, tmp_path: Path
) -> None:
    a, b = "a" * 32, "b" * 32
    batch_id = "0b6e6d1c-3f7a-4c55-9d1e-2a9e8f0c4b11"
    with database_url(backend, tmp_path) as url:
        database = open_database(url)
        try:
            old = Migrations("inbox", [_v1, _v2], VersionLog("schema_version"))
            assert old.apply(_begin(database)) == 2  # type: ignore[arg-type]
            for held_id, data in (
                (batch_id, b"from A"),
                ("1b6e6d1c-3f7a-4c55-9d1e-2a9e8f0c4b11", b"2"),
            ):
                with database.transaction(write=True) as tx:  # as a schema-2 inbox stored them
                    tx.execute(
                        "INSERT INTO batches (batch_id, sender_key_id, envelope, envelope_sha256, "
                        "envelope_length, record_count, received_at, receipt) "
                        "VALUES (?, ?, ?, ?, ?, 1, 1700000000, '{}')",
                        (held_id, a, data, data.hex(), len(data)),
                    )
            store = Store(database)
            assert store.migrate() == MIGRATIONS.latest == 4
            held = store.batch(batch_id, a)
            assert held is not None and held.seq == 1 and held.sender_key_id == a
            assert store.envelope(batch_id) == b"from A"  # one sender yet: no need to name it
            assert _store(store, batch_id, b, b"from B")  # another installation's batch
            assert not _store(store, batch_id, a, b"from A")  # A's own id: held already
            assert store.envelope(batch_id, b) == b"from B"
            with pytest.raises(AmbiguousBatch):
                store.envelope(batch_id)
            seqs = [row.seq for row in store.batches(after=0, limit=10, unacknowledged_only=True)]
            assert seqs == [1, 2, 3]  # the numbering goes on after the copy
            acked = store.acknowledge(batch_id, now=5, sender_key_id=b)
            assert acked is not None and acked.sender_key_id == b
            still = store.batch(batch_id, a)
            assert still is not None and still.acknowledged_at is None
        finally:
            database.close()
