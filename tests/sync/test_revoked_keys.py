"""Clients stop trusting staff and receipt keys the newest key manifest revoked (issue 13
point 2), on the real inbox on 127.0.0.1 with a real enrolled SQLCipher profile."""

from __future__ import annotations

import datetime as dt

import pytest
from sjelden_protocol import RecordDecision
from sjelden_protocol.manifest import ManifestKey

from desktop.net.errors import SyncError
from desktop.storage import records
from desktop.storage.records import RecordStatus
from desktop.sync import feedback, identity, service
from tests.sync.conftest import FAST, Client, add_completed
from tests.sync.inbox_process import Staff


def _revoked(keys: list[ManifestKey], role: str) -> list[ManifestKey]:
    """``keys`` with every key of ``role`` revoked a second ago."""
    moment = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(seconds=1)
    return [
        ManifestKey(k.role, k.public_key, k.valid_from, k.valid_until, moment)
        if k.role == role
        else k
        for k in keys
    ]


def test_feedback_signed_by_a_revoked_staff_key_is_refused(client: Client, staff: Staff) -> None:
    ids = add_completed(client.store, 1, seed=11)
    service.run_sync(client.store, policy=FAST)
    document = staff.decide(client.key_id, [RecordDecision(ids[0], 1, "accepted")])
    staff.publish_manifest(_revoked(staff.manifest_keys(), "staff"))

    with pytest.raises(SyncError) as caught:
        service.run_sync(client.store, policy=FAST)  # takes the new manifest, then the feedback
    assert caught.value.code == "feedback_signer_revoked"
    assert "trukket tilbake" in caught.value.user_message("nb")
    assert "revoked" in caught.value.user_message("en")
    ident = client.store.call(identity.load)
    assert ident is not None and not ident.staff_keys
    with pytest.raises(SyncError) as from_file:
        feedback.import_document(client.store, ident, document)
    assert from_file.value.code == "feedback_signer_revoked"
    record = client.store.call(lambda c: records.get(c, ids[0]))
    assert record is not None and record.status is RecordStatus.SENT  # no decision applied


def test_receipts_signed_by_a_revoked_receipt_key_are_refused(client: Client, staff: Staff) -> None:
    staff.publish_manifest(_revoked(staff.manifest_keys(), "receipt"))
    ids = add_completed(client.store, 2, seed=12)
    with pytest.raises(SyncError) as caught:
        service.run_sync(client.store, policy=FAST)
    assert caught.value.code == "receipt_invalid"
    for record_id in ids:
        record = client.store.call(lambda c, i=record_id: records.get(c, i))  # type: ignore[misc]
        assert record is not None and record.status is RecordStatus.QUEUED  # still to send
