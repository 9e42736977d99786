"""Two clinics, one register, the real inbox in a subprocess on 127.0.0.1.

Enrolled and approved clinics complete and sync registrations; the staff profile pulls,
verifies, validates and checks them (a duplicate across the two clinics, later a revision
with its diff), decides, sends signed feedback, and each decision arrives on the clinic's
record at its next sync. A pull interrupted between import and acknowledgement is safe.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sjelden_protocol.keys import load_public_key

from desktop.staff import decisions, feedback, installations, keys, session
from desktop.staff.importer import Importer
from desktop.staff.model import Finding
from desktop.staff.pull import pull
from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import enroll, outbox, service
from tests.staff.conftest import PASSPHRASE
from tests.sync.conftest import FAST, add_completed
from tests.sync.inbox_process import InboxProcess


def _clinic(
    name: str,
    make_profile: Callable[..., Profile],
    staff: session.StaffSession,
    transport: Any,
    letter: tuple[Path, Path],
    url: str,
) -> Store:
    store = make_profile(name).create(PASSPHRASE).store
    code, _ = installations.enrollment_code(staff, transport)
    result = enroll.enroll(
        store,
        server_url=url,
        code=code,
        label=f"Klinikk {name}",
        register_keys=[load_public_key(letter[0])],  # type: ignore[list-item]
        staff_keys=[load_public_key(letter[1])],  # type: ignore[list-item]
        policy=FAST,
    )
    prints = result.fingerprints
    # Staff compare the fingerprint read out by phone, approve at the inbox and pin here.
    installations.approve(staff, transport, prints.installation_key_id, prints.installation.lower())
    return store


def _unacknowledged(staff: session.StaffSession, transport: Any) -> list[str]:
    page = transport.request(
        "GET", "/v1/staff/batches?limit=1000", signer=staff.keys.signing_key, ok=(200,)
    ).json()
    return [item["batch_id"] for item in page["items"]]


def test_two_clinics_one_register(
    inbox_server: InboxProcess,
    make_profile: Callable[..., Profile],
    tmp_path: Path,
    register_db: str | None,
) -> None:
    staff, _ = session.create(
        make_profile("staff"), PASSPHRASE, inbox_url=inbox_server.url, register_db=register_db
    )
    letter = keys.write_public_files(staff.keys, tmp_path / "letter")
    inbox_server.admin("staff", "add", str(letter[1]), "--label", "register staff")
    stores: list[Store] = []
    try:
        with staff.transport(FAST) as transport, Importer(staff, workers=1) as importer:
            a = _clinic("klinikk-a", make_profile, staff, transport, letter, inbox_server.url)
            stores.append(a)
            b = _clinic("klinikk-b", make_profile, staff, transport, letter, inbox_server.url)
            stores.append(b)
            assert len(staff.pinned_installations()) == 2

            a_ids = add_completed(a, 4, seed=21)
            # Clinic B registers the same person with the same diagnosis as A's first record.
            twin = copy.deepcopy(a.call(lambda c: records.get(c, a_ids[0])).payload)  # type: ignore[union-attr]
            twin["record_id"] = str(uuid.uuid4())
            twin["reporter"]["name"] = "Lege Annensen"
            b.call(
                lambda c: records.import_many(
                    c,
                    [(twin["record_id"], twin, RecordStatus.COMPLETED)],
                    form_id="sjeldenregisteret",
                    form_version=1,
                    author=b.actor,
                )
            )
            b_other = add_completed(b, 1, seed=22)[0]
            assert service.run_sync(a, policy=FAST).uploaded.delivered_records == 4
            assert service.run_sync(b, policy=FAST).uploaded.delivered_records == 2

            report = pull(importer, transport)
            assert [r.records for r in report.imported] == [4, 2] and not report.refused
            assert _unacknowledged(staff, transport) == []
            queue = {item.record_id: item for item in staff.register.pending()}
            assert queue[twin["record_id"]].findings == [Finding.DUPLICATE]
            assert queue[twin["record_id"]].duplicate_of == a_ids[0]
            assert all(queue[i].findings == [] for i in [*a_ids, b_other])

            register = staff.register
            decisions.decide(
                register,
                a_ids[1],
                "reject",
                reason_code="missing_consent",
                reason_text="Samtykke er ikke registrert.",
            )
            assert decisions.accept_clean(register) == decisions.CleanResult(4, 0)
            decisions.decide(register, twin["record_id"], "duplicate")
            assert (
                feedback.prepare(register, staff.keys.signing_key, staff.pinned_installations())
                == 2
            )
            sent = feedback.send(register, transport, staff.keys.signing_key)
            assert (sent.sent, sent.failed) == (2, [])
            again = feedback.send(register, transport, staff.keys.signing_key)
            assert again.sent == 0  # resumable: nothing left to send

            got_a = service.run_sync(a, policy=FAST).feedback
            got_b = service.run_sync(b, policy=FAST).feedback
            assert (got_a.accepted, got_a.rejected) == (3, 1)
            assert (got_b.accepted, got_b.rejected) == (2, 0)
            for rid in (a_ids[0], a_ids[2], a_ids[3]):
                assert a.call(lambda c: records.get(c, rid)).status is RecordStatus.ACCEPTED  # type: ignore[union-attr]
            assert a.call(lambda c: records.get(c, a_ids[1])).status is RecordStatus.REJECTED  # type: ignore[union-attr]
            info = a.call(lambda c: outbox.item(c, a_ids[1]))
            assert info is not None and info.reason_code == "missing_consent"
            assert (
                b.call(lambda c: records.get(c, twin["record_id"])).status is RecordStatus.ACCEPTED
            )  # type: ignore[union-attr]
            twin_info = b.call(lambda c: outbox.item(c, twin["record_id"]))
            assert twin_info is not None and twin_info.reason_code == "duplicate"

            # Clinic A corrects an accepted registration: a new revision with one change.
            draft = a.call(lambda c: records.new_revision(c, record_id=a_ids[2], author=a.actor))
            payload = copy.deepcopy(draft.payload)
            payload["patient"]["family_name"] = "Korrigertsen"
            a.call(
                lambda c: records.complete(c, record_id=a_ids[2], payload=payload, author=a.actor)
            )
            service.run_sync(a, policy=FAST)
            # A crash after the import but before the acknowledgement: import by hand ...
            (listed,) = _unacknowledged(staff, transport)
            raw = transport.request(
                "GET", f"/v1/staff/batches/{listed}", signer=staff.keys.signing_key, ok=(200,)
            ).body
            importer.import_bytes(raw)
            # ... and the next pull acknowledges it without importing it twice.
            report = pull(importer, transport)
            assert report.imported == [] and report.acknowledged_again == [listed]
            (revision,) = register.pending()
            assert revision.findings == [Finding.REVISION] and revision.revision == 2
            assert [c.path for c in register.diff(revision)] == ["patient.family_name"]
            decisions.decide(register, a_ids[2], "accept")
            feedback.prepare(register, staff.keys.signing_key, staff.pinned_installations())
            feedback.send(register, transport, staff.keys.signing_key)
            assert service.run_sync(a, policy=FAST).feedback.accepted == 1
            current = a.call(lambda c: records.get(c, a_ids[2]))
            assert current is not None
            assert (current.revision, current.status) == (2, RecordStatus.ACCEPTED)

        held = {r.record_id: r for r in staff.register.iter_current()}
        assert set(held) == {a_ids[0], a_ids[2], a_ids[3], b_other}
        assert held[a_ids[2]].revision == 2
        assert held[a_ids[2]].payload["patient"]["family_name"] == "Korrigertsen"
        assert [h.revision for h in staff.register.history(a_ids[2])] == [1]
        assert staff.register.verify_audit_chain() is None
    finally:
        for store in stores:
            store.close()
        staff.close()
