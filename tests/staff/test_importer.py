"""Importing batches into the review queue, on SQLCipher and PostgreSQL: every finding, one
transaction per batch, replays refused."""

from __future__ import annotations

import copy
import uuid

import pytest

from desktop.staff import decisions
from desktop.staff import importer as importer_module
from desktop.staff import register as reg
from desktop.staff.errors import BatchRefused
from desktop.staff.importer import Importer
from desktop.staff.model import Finding, ReviewState
from desktop.staff.session import StaffSession
from tests.staff.conftest import Clinic, Records, pin_clinic, revised, table_counts


def test_clean_batch_goes_to_the_queue_sealed(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    batch = records.many(5)
    report = importer.import_bytes(clinic.batch(batch))

    assert (report.records, report.clean, report.findings) == (5, 5, {})
    assert report.installation_key_id == clinic.key_id
    pending = staff_session.register.pending(with_payload=True)
    assert [p.record_id for p in pending] == [r["record_id"] for r in batch]
    assert all(p.state is ReviewState.PENDING and p.findings == [] for p in pending)
    assert pending[0].payload == batch[0]
    assert pending[0].origin.installation_key_id == clinic.key_id
    # Not in clear in the database: the payload column is AES-GCM ciphertext.
    raw = staff_session.register.call(
        lambda db: db.execute("SELECT payload, person_key FROM review_items").fetchall()
    )
    nid = batch[0]["patient"]["national_id"].encode()
    assert all(nid not in bytes(row[0]) and nid not in bytes(row[1]) for row in raw)
    assert staff_session.register.is_imported(report.batch_id)


def test_invalid_records_keep_issue_keys_only(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    bad = records.one()
    bad["patient"]["national_id"] = "12345678901"  # wrong check digits
    del bad["reporter"]["registration_date"]
    importer.import_bytes(clinic.batch([bad, records.one()]))

    item = staff_session.register.pending()[0]
    assert item.findings == [Finding.INVALID]
    assert "national_id.checksum@patient.national_id" in item.issue_keys
    assert any(k.endswith("@reporter.registration_date") for k in item.issue_keys)
    assert all("12345678901" not in k for k in item.issue_keys)
    with pytest.raises(Exception) as caught:
        decisions.decide(staff_session.register, bad["record_id"], "accept")
    assert getattr(caught.value, "code", "") == "invalid_refused"


def test_revision_has_a_diff_and_older_ones_are_stale(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    first = records.one()
    importer.import_bytes(clinic.batch([first]))
    decisions.decide(staff_session.register, first["record_id"], "accept")

    second = revised(first, family_name="Endretsen")
    importer.import_bytes(clinic.batch([second]))
    item = staff_session.register.pending()[0]
    assert item.findings == [Finding.REVISION]
    changes = staff_session.register.diff(item)
    assert [c.path for c in changes] == ["patient.family_name"]
    assert (changes[0].old, changes[0].new) == (first["patient"]["family_name"], "Endretsen")

    again = copy.deepcopy(first)  # revision 1 again, in a new batch
    importer.import_bytes(clinic.batch([again]))
    stale = [i for i in staff_session.register.pending() if i.revision == 1]
    assert stale[0].findings == [Finding.STALE]


def test_duplicates_against_register_queue_and_same_batch(
    staff_session: StaffSession, importer: Importer, records: Records
) -> None:
    clinic_a, clinic_b = pin_clinic(staff_session, "A"), pin_clinic(staff_session, "B")
    original = records.one()
    importer.import_bytes(clinic_a.batch([original]))
    # Pending in the queue already: B's registration of the same person is a duplicate.
    twin = records.same_person(original)
    importer.import_bytes(clinic_b.batch([twin]))
    item = staff_session.register.pending_for(twin["record_id"])[0]
    assert item.findings == [Finding.DUPLICATE] and item.duplicate_of == original["record_id"]

    # In the register: accepted original, a third registration is a duplicate of it.
    decisions.decide(staff_session.register, original["record_id"], "accept")
    third = records.same_person(original)
    within = records.same_person(original)
    other = records.one()
    importer.import_bytes(clinic_b.batch([third, within, other]))
    for rid in (third["record_id"], within["record_id"]):
        found = staff_session.register.pending_for(rid)[0]
        assert found.findings == [Finding.DUPLICATE]
        assert found.duplicate_of == original["record_id"]
    assert staff_session.register.pending_for(other["record_id"])[0].findings == []

    # Same person, another diagnosis: not a duplicate.
    different = records.same_person(original)
    different["diagnoses"] = [dict(original["diagnoses"][0], orpha_code="ORPHA:558")]
    if original["diagnoses"][0]["orpha_code"] == "ORPHA:558":
        different["diagnoses"][0]["orpha_code"] = "ORPHA:586"
    importer.import_bytes(clinic_b.batch([different]))
    assert (
        Finding.DUPLICATE
        not in staff_session.register.pending_for(different["record_id"])[0].findings
    )


def test_duplicates_inside_one_batch(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    original = records.one()
    twin = records.same_person(original)
    importer.import_bytes(clinic.batch([original, twin]))
    first, second = staff_session.register.pending()
    assert first.findings == []
    assert second.findings == [Finding.DUPLICATE] and second.duplicate_of == original["record_id"]


def test_replay_and_conflict_are_refused_without_change(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    batch_id = str(uuid.uuid4())
    data = clinic.batch(records.many(2), batch_id=batch_id)
    importer.import_bytes(data)
    before = table_counts(staff_session)
    with pytest.raises(BatchRefused) as replay:
        importer.import_bytes(data)
    assert replay.value.code == "already_imported"
    other = clinic.batch(records.many(2), batch_id=batch_id)
    with pytest.raises(BatchRefused) as conflict:
        importer.import_bytes(other)
    assert conflict.value.code == "batch_conflict"
    assert "never reuse" in conflict.value.user_message("en")
    assert table_counts(staff_session) == before


def test_import_is_one_transaction(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = table_counts(staff_session)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk pulled")

    monkeypatch.setattr(importer_module.reg, "log", broken)
    data = clinic.batch(records.many(3))
    with pytest.raises(BatchRefused) as failed:  # that batch's failure, not the register's
        importer.import_bytes(data)
    assert (failed.value.code, failed.value.detail) == ("import_failed", "RuntimeError")
    assert table_counts(staff_session) == before
    monkeypatch.undo()
    assert importer.import_bytes(data).records == 3  # the same batch imports afterwards


def test_unpinned_sender_and_foreign_recipient(
    staff_session: StaffSession, importer: Importer, records: Records
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    stranger = Clinic(Ed25519PrivateKey.generate(), pin_clinic(staff_session).recipient)
    with pytest.raises(BatchRefused) as unknown:
        importer.import_bytes(stranger.batch(records.many(1)))
    assert unknown.value.code == "unknown_key" and "approve" in unknown.value.user_message("en")

    clinic = pin_clinic(staff_session)
    clinic.recipient = X25519PrivateKey.generate().public_key()
    with pytest.raises(BatchRefused) as wrong:
        importer.import_bytes(clinic.batch(records.many(1)))
    assert wrong.value.code == "wrong_recipient"
    assert staff_session.register.counts().batches == 0


def test_big_batch_validates_in_a_process_pool(
    staff_session: StaffSession, clinic: Clinic, records: Records
) -> None:
    batch = records.many(300)
    batch[17]["patient"]["national_id"] = "00000000000"
    with Importer(staff_session, workers=2) as pooled:
        report = pooled.import_bytes(clinic.batch(batch))
    assert report.records == 300 and report.findings == {Finding.INVALID: 1}
    invalid = staff_session.register.pending_for(batch[17]["record_id"])[0]
    assert invalid.findings == [Finding.INVALID]


def test_register_functions_share_one_transaction(staff_session: StaffSession) -> None:
    """The Db layer's transaction rolls back on either backend."""

    def run(db: reg.Db) -> None:  # type: ignore[name-defined]
        with db.transaction("t"):
            db.execute("INSERT INTO register_meta (key, value) VALUES (?, ?)", ("probe", "1"))
            raise KeyError("rollback")

    with pytest.raises(KeyError):
        staff_session.register.call(run)
    found = staff_session.register.call(
        lambda db: db.execute("SELECT count(*) FROM register_meta WHERE key = 'probe'").fetchone()
    )
    assert int(found[0]) == 0
