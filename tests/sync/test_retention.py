"""Retention: accepted records lose their personal data after the period; id, status and
receipt stay. Local re-validation quarantines a bad record without blocking the others."""

from __future__ import annotations

import datetime as dt
import json

from sjelden_protocol import RecordDecision

from desktop.storage import records
from desktop.storage.records import RecordStatus
from desktop.sync import outbox, retention, service, status
from tests.sync.conftest import FAST, Client, add_completed
from tests.sync.inbox_process import Staff


def test_accepted_records_are_purged_after_the_period(client: Client, staff: Staff) -> None:
    store = client.store
    ids = add_completed(store, 3, seed=31)
    service.run_sync(store, policy=FAST)
    staff.decide(client.key_id, [RecordDecision(i, 1, "accepted") for i in ids[:2]])
    service.run_sync(store, policy=FAST)
    # Not yet due: nothing purged.
    assert store.call(retention.purge_due) == 0
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    assert store.call(lambda c: retention.purge_due(c, now=later)) == 2
    for record_id in ids[:2]:
        record = store.call(lambda c: records.get(c, record_id))
        assert record is not None and record.status is RecordStatus.ACCEPTED
        assert set(record.payload) == {"form", "purged", "record_id", "revision"}
        assert store.call(lambda c: records.history(c, record_id)) == []
    row = store.call(lambda c: records.list_rows(c, search=None, limit=None))
    purged_rows = [r for r in row if r.record_id in ids[:2]]
    assert all(r.display_name == "" and r.national_id is None for r in purged_rows)
    # The sent-but-undecided record keeps its data; receipts stay.
    assert "patient" in store.call(lambda c: records.get(c, ids[2])).payload  # type: ignore[union-attr]
    receipts = store.call(lambda c: c.execute("SELECT receipt FROM outbox_batches").fetchall())
    assert all(json.loads(r[0])["receipt"]["record_count"] == 3 for r in receipts)
    # A configurable period.
    store.put_setting(retention.RETENTION_DAYS, 90)
    assert store.call(retention.retention_days) == 90


def test_a_record_failing_revalidation_is_quarantined_and_others_go(
    client: Client, staff: Staff
) -> None:
    store = client.store
    good = add_completed(store, 2, seed=32)
    bad = add_completed(store, 1, seed=33)[0]

    def validator(payload: dict[str, object]) -> list[str]:
        return ["national_id.checksum@patient.national_id"] if payload["record_id"] == bad else []

    service.run_sync(store, policy=FAST, validator=validator)
    assert all(store.call(lambda c: records.get(c, i)).status is RecordStatus.SENT for i in good)  # type: ignore[union-attr]
    # Its own state, not the register's "rejected", and counted once.
    assert store.call(lambda c: records.get(c, bad)).status is RecordStatus.SET_ASIDE  # type: ignore[union-attr]
    info = store.call(lambda c: outbox.item(c, bad))
    assert info is not None and info.state is outbox.ItemState.QUARANTINED
    assert info.reason_code == "local_validation"
    counts = store.call(status.read).counts
    assert counts["set_aside"] == 1 and counts["rejected"] == 0
    assert sum(counts.values()) == 3
    # Corrected as a new revision, it goes out like any other.
    draft = store.call(lambda c: records.new_revision(c, record_id=bad, author=store.actor))
    store.call(
        lambda c: records.complete(c, record_id=bad, payload=draft.payload, author=store.actor)
    )
    service.run_sync(store, policy=FAST, validator=lambda p: [])
    assert store.call(lambda c: records.get(c, bad)).status is RecordStatus.SENT  # type: ignore[union-attr]
    assert sum(len(staff.open(b["batch_id"])) for b in staff.batches()) == 3
