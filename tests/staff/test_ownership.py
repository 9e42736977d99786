"""Record ownership and sender-scoped batch ids (issue 13 point 3), on a real staff profile
(SQLCipher, or the register in PostgreSQL) and the real inbox on 127.0.0.1.

A record id belongs to the installation that first sent it: another installation's batch
carrying it is refused whole with ``record_owned_elsewhere`` (nothing stored), quarantined
when pulled, and the sender gets signed feedback rejecting its records with that code. A
batch id is its sender's: another installation using the same id is a different batch."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import key_id, sign_request, verify_feedback
from sjelden_protocol.feedback import RECORD_OWNED_ELSEWHERE

from desktop.net.http import Transport
from desktop.staff import feedback
from desktop.staff.errors import BatchRefused
from desktop.staff.importer import Importer
from desktop.staff.pull import pull
from desktop.staff.session import StaffSession
from tests.staff.conftest import (
    Clinic,
    Records,
    enrolled_clinic_key,
    pin_clinic,
    revised,
    table_counts,
)
from tests.sync.conftest import FAST
from tests.sync.inbox_process import InboxProcess


def _documents(staff: StaffSession) -> list[dict[str, object]]:
    return [
        json.loads(str(row[0]))
        for row in staff.register.call(
            lambda db: db.execute("SELECT document FROM feedback_documents").fetchall()
        )
    ]


def test_another_installations_record_id_is_refused_and_the_sender_told(
    staff_session: StaffSession, importer: Importer, records: Records
) -> None:
    a, b = pin_clinic(staff_session, "Klinikk A"), pin_clinic(staff_session, "Klinikk B")
    first = records.one()
    importer.import_bytes(a.batch([first]))
    before = table_counts(staff_session)
    stolen = b.batch([revised(first, first_name="Overskrevet"), records.one()])
    with pytest.raises(BatchRefused) as refused:
        importer.import_bytes(stolen)
    assert refused.value.code == RECORD_OWNED_ELSEWHERE
    assert "tilhører en annen installasjon" in refused.value.user_message("nb")
    after = table_counts(staff_session)
    assert after["feedback_documents"] == before["feedback_documents"] + 1
    assert {k: v for k, v in after.items() if k not in ("feedback_documents", "audit_log")} == {
        k: v for k, v in before.items() if k not in ("feedback_documents", "audit_log")
    }  # nothing of the batch stored
    (document,) = _documents(staff_session)
    signer = staff_session.keys.signing_key.public_key()
    told = verify_feedback(document, {key_id(signer): signer})
    assert told.installation_key_id == b.key_id
    assert {d.reason_code for d in told.decisions} == {RECORD_OWNED_ELSEWHERE}
    assert {d.decision for d in told.decisions} == {"rejected"} and len(told.decisions) == 2

    # The same refused batch again (a retry, the file twice): no second document.
    with pytest.raises(BatchRefused):
        importer.import_bytes(stolen)
    assert len(_documents(staff_session)) == 1
    # The owner's own next revision is imported as usual.
    report = importer.import_bytes(a.batch([revised(first)]))
    assert (report.installation_key_id, report.records) == (a.key_id, 1)


def test_batch_ids_are_scoped_to_their_sender(
    staff_session: StaffSession, importer: Importer, records: Records
) -> None:
    a, b = pin_clinic(staff_session, "Klinikk A"), pin_clinic(staff_session, "Klinikk B")
    batch_id = str(uuid.uuid4())
    importer.import_bytes(a.batch([records.one()], batch_id=batch_id))
    squatted = importer.import_bytes(b.batch([records.one()], batch_id=batch_id))
    assert (squatted.installation_key_id, squatted.records) == (b.key_id, 1)
    with pytest.raises(BatchRefused) as again:
        importer.import_bytes(a.batch([records.one()], batch_id=batch_id))
    assert again.value.code == "batch_conflict"  # A's own id, other bytes
    assert table_counts(staff_session)["imported_batches"] == 2


# -- on the real inbox ------------------------------------------------------------------------


def _enrolled(staff: StaffSession, transport: Transport, url: str) -> Clinic:
    key = enrolled_clinic_key(staff, transport, url)
    return Clinic(key, staff.keys.register_keys[staff.keys.newest_register_key_id].public_key())


def _put(url: str, data: bytes, batch_id: str) -> requests.Response:
    return requests.put(
        f"{url}/v1/batches/{batch_id}",
        data=data,
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    )


def _signed_get(url: str, key: Ed25519PrivateKey, target: str) -> requests.Response:
    headers = sign_request(key, "GET", target, b"", now=datetime.now(UTC), audience=url)
    return requests.get(url + target, headers=headers, timeout=30)


def test_squatted_batch_id_and_stolen_record_on_the_inbox(
    inbox_server: InboxProcess, staff: StaffSession, records: Records
) -> None:
    url = inbox_server.url
    with staff.transport(FAST) as transport, Importer(staff, workers=1) as importer:
        a, b = _enrolled(staff, transport, url), _enrolled(staff, transport, url)
        batch_id = str(uuid.uuid4())
        first = records.one()
        assert _put(url, a.batch([first], batch_id=batch_id), batch_id).status_code == 201
        # B takes A's batch id for a batch of its own that also carries A's record id.
        stolen = b.batch([revised(first), records.one()], batch_id=batch_id)
        assert _put(url, stolen, batch_id).status_code == 201  # its own batch, not a conflict
        other = a.batch([records.one()], batch_id=batch_id)
        conflict = _put(url, other, batch_id)
        assert conflict.status_code == 409 and conflict.json()["code"] == "batch_conflict"
        # Each installation sees its own batch under the id; staff must name the sender.
        for clinic in (a, b):
            status = _signed_get(url, clinic.key, f"/v1/batches/{batch_id}")
            assert status.json()["receipt"]["receipt"]["sender_key_id"] == clinic.key_id
        ambiguous = transport.request(
            "GET", f"/v1/staff/batches/{batch_id}", signer=staff.keys.signing_key, ok=(200, 409)
        )
        assert ambiguous.status == 409 and ambiguous.json()["code"] == "ambiguous_batch"

        report = pull(importer, transport)
        assert [r.installation_key_id for r in report.imported] == [a.key_id]
        (held,) = report.quarantined
        assert (held.reason_code, held.installation_key_id) == (RECORD_OWNED_ELSEWHERE, b.key_id)
        assert "tilhører en annen installasjon" in held.refusal().user_message("nb")
        assert pull(importer, transport).imported == []  # both acknowledged
        # The sender is told, with the register's feedback.
        assert feedback.send(staff.register, transport, staff.keys.signing_key).sent == 1
        page = _signed_get(url, b.key, "/v1/feedback?after=0&limit=10").json()
        (item,) = page["items"]
        decisions = item["document"]["feedback"]["decisions"]
        assert {d["reason_code"] for d in decisions} == {RECORD_OWNED_ELSEWHERE}
