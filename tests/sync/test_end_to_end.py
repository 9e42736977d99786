"""Complete -> sync -> receipt -> staff decision -> the decision on the clinician's record,
against the real inbox server in a subprocess."""

from __future__ import annotations

import json

from sjelden_protocol import RecordDecision, verify_receipt

from desktop.storage import records as stored
from desktop.storage.records import RecordStatus
from desktop.sync import identity, outbox, service, status
from tests.sync.conftest import FAST, Client, add_completed
from tests.sync.inbox_process import Staff


def test_complete_sync_decide_and_correct(client: Client, staff: Staff) -> None:
    store = client.store
    ids = add_completed(store, 5, seed=11)

    report = service.run_sync(store, policy=FAST)

    assert report.packed.records == 5
    assert report.uploaded.delivered_records == 5
    assert all(store.call(lambda c: stored.get(c, i)).status is RecordStatus.SENT for i in ids)  # type: ignore[union-attr]
    # The server holds exactly these records, once, readable only by the register.
    batches = staff.batches()
    assert len(batches) == 1
    records = staff.open(batches[0]["batch_id"])
    assert sorted(r["record_id"] for r in records) == sorted(ids)
    # The client kept the signed receipt for exactly the bytes the server holds.
    receipt = store.call(lambda c: c.execute("SELECT receipt FROM outbox_batches").fetchone()[0])
    ident = store.call(identity.load)
    assert ident is not None
    checked = verify_receipt(json.loads(receipt), ident.server_keys)
    assert checked.envelope_sha256 == batches[0]["envelope_sha256"]

    # The register decides: four accepted, one rejected with a reason.
    rejected_id = ids[0]
    staff.decide(
        client.key_id,
        [
            RecordDecision(i, 1, "accepted")
            if i != rejected_id
            else RecordDecision(i, 1, "rejected", "missing_consent", "Samtykke mangler.")
            for i in ids
        ],
        batch_id=batches[0]["batch_id"],
    )
    report = service.run_sync(store, policy=FAST)
    assert report.feedback.accepted == 4 and report.feedback.rejected == 1
    for i in ids[1:]:
        assert store.call(lambda c: stored.get(c, i)).status is RecordStatus.ACCEPTED  # type: ignore[union-attr]
    assert store.call(lambda c: stored.get(c, rejected_id)).status is RecordStatus.REJECTED  # type: ignore[union-attr]
    info = store.call(lambda c: outbox.item(c, rejected_id))
    assert info is not None
    assert (info.reason_code, info.reason_text) == ("missing_consent", "Samtykke mangler.")

    # The clinician corrects it as a new revision; it is sent again and accepted.
    draft = store.call(lambda c: stored.new_revision(c, record_id=rejected_id, author=store.actor))
    store.call(
        lambda c: stored.complete(
            c, record_id=rejected_id, payload=draft.payload, author=store.actor
        )
    )
    service.run_sync(store, policy=FAST)
    assert store.call(lambda c: stored.get(c, rejected_id)).status is RecordStatus.SENT  # type: ignore[union-attr]
    second = [b for b in staff.batches() if b["batch_id"] != batches[0]["batch_id"]]
    assert [r["revision"] for r in staff.open(second[0]["batch_id"])] == [2]
    staff.decide(client.key_id, [RecordDecision(rejected_id, 2, "accepted")])
    service.run_sync(store, policy=FAST)
    current = store.call(lambda c: stored.get(c, rejected_id))
    assert current is not None and (current.revision, current.status) == (2, RecordStatus.ACCEPTED)
    # History keeps revision 1 with its rejection.
    assert store.call(lambda c: stored.history(c, rejected_id))[0].status is RecordStatus.REJECTED

    # Nothing left to do: another run sends nothing and the status is clean.
    report = service.run_sync(store, policy=FAST)
    assert report.packed.batches == 0 and report.uploaded.delivered_batches == 0
    state = store.call(status.read)
    assert state.last_error_code is None and state.last_success_at is not None
    assert state.counts["accepted"] == 5 and state.waiting == 0


def test_pending_installation_sends_nothing_and_says_why(
    make_profile: object, inbox_server: object, staff: Staff
) -> None:
    import pytest

    from desktop.net.errors import SyncError
    from tests.sync.conftest import PASSPHRASE, enroll_store

    store = make_profile().create(PASSPHRASE).store  # type: ignore[operator]
    try:
        enroll_store(store, staff.server.url, staff, approve=False)
        add_completed(store, 2, seed=3)
        with pytest.raises(SyncError) as caught:
            service.run_sync(store, policy=FAST)
        assert caught.value.code == "installation_pending"
        assert "godkjent" in caught.value.user_message("nb")
        state = store.call(status.read)
        assert state.last_error_code == "installation_pending"
        assert state.counts["queued"] == 2  # packed, waiting in the outbox
        assert staff.batches() == []
    finally:
        store.close()
