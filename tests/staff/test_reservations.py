"""A reservation removes the person everywhere, blocks re-registration, and leaves no national
id in clear: not in the audit log, not in the SQLCipher files, not in the PostgreSQL tables."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from desktop.forms import national_id
from desktop.staff import decisions, feedback, reservations
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.staff.model import Finding, ReviewState
from desktop.staff.session import StaffSession
from tests.staff.conftest import Clinic, Records, revised, table_counts

MARKER_NAME = "Reservasjonsmarkørsen"


def _dump(staff: StaffSession) -> str:
    """Every value of every register table, decrypted at the database level, as text."""
    tables = [
        "register_records",
        "register_history",
        "register_index",
        "review_items",
        "review_index",
        "reservations",
        "feedback_documents",
        "audit_log",
        "register_meta",
    ]
    parts: list[str] = []
    for table in tables:
        for row in staff.register.call(
            lambda db, t=table: db.execute(f"SELECT * FROM {t}").fetchall()
        ):  # type: ignore[misc]
            for value in row:
                parts.append(
                    bytes(value).decode("latin-1")
                    if isinstance(value, bytes | memoryview)
                    else str(value)
                )
    return "\n".join(parts)


def _decrypted_everything(staff: StaffSession) -> str:
    """What the register API can read back: current, history, queue payloads."""
    register = staff.register
    texts = [repr(r.payload) for r in register.iter_current()]
    for record in register.iter_current():
        texts += [repr(h.payload) for h in register.history(record.record_id)]
    texts += [repr(i.payload) for i in register.pending(with_payload=True)]
    return "\n".join(texts)


def _files_hold(root: Path, needle: bytes) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            found.append(path)
    return found


def test_reservation_removes_person_everywhere(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
    backend: str,
) -> None:
    register = staff_session.register
    person = records.one(family_name=MARKER_NAME)
    nid = person["patient"]["national_id"]  # synthetic, valid check digits
    other = records.one()
    importer.import_bytes(clinic.batch([person, other]))
    decisions.accept_clean(register)
    importer.import_bytes(clinic.batch([revised(person, given_names="Kari Ny")]))
    decisions.decide(register, person["record_id"], "accept")
    # A third revision and a second registration (another diagnosis) still wait in the queue.
    second = records.same_person(person)
    second["diagnoses"][0]["orpha_code"] = (
        "ORPHA:70" if person["diagnoses"][0]["orpha_code"] != "ORPHA:70" else "ORPHA:586"
    )
    no_diagnosis = records.same_person(person)  # invalid, but the person's all the same
    no_diagnosis["diagnoses"] = []
    importer.import_bytes(clinic.batch([revised(revised(person)), second, no_diagnosis]))

    # Positive control: the person is readable through the register before.
    assert nid in _decrypted_everything(staff_session)
    assert MARKER_NAME in _decrypted_everything(staff_session)

    # What the confirmation lists before anything is deleted: every registration held of
    # the person, with their birth date; reading it changes nothing.
    before = table_counts(staff_session)
    shown = reservations.preview(register, nid)
    assert table_counts(staff_session) == before
    assert not shown.reserved_already and shown.history == 1
    assert shown.birth_date.strftime("%d%m%y") == nid[:6]  # a fødselsnummer, not a D-number
    assert [(h.where, h.record_id, h.revision) for h in shown.records] == [
        ("register", person["record_id"], 2),
        ("queue", person["record_id"], 3),
        ("queue", second["record_id"], 1),
        ("queue", no_diagnosis["record_id"], 1),
    ]
    assert all(h.payload["patient"]["national_id"] == nid for h in shown.records)
    with pytest.raises(StaffError) as refused:
        reservations.preview(register, "12345678901")
    assert refused.value.code == "bad_national_id"

    result = reservations.reserve(register, f" {nid[:6]} {nid[6:]} ")
    assert result.new and result.records_removed == 1 and result.history_removed == 1
    assert result.queue_items_closed == 3
    assert nid not in _decrypted_everything(staff_session)
    assert MARKER_NAME not in _decrypted_everything(staff_session)
    assert register.current(person["record_id"]) is None
    assert register.history(person["record_id"]) == []
    assert register.current(other["record_id"]) is not None  # nobody else is touched
    closed = [i for i in register.batch_items(importer_batch_of(register, second["record_id"]))]
    assert {(i.state, i.reason_code) for i in closed} == {(ReviewState.REJECTED, "reservert")}
    assert all(Finding.RESERVED in i.findings for i in closed)

    # A later registration of the person is rejected at import, and never stored.
    again = records.same_person(person)
    report = importer.import_bytes(clinic.batch([again]))
    assert report.auto_rejected == 1 and report.findings == {Finding.RESERVED: 1}
    item = register.batch_items(report.batch_id)[0]
    assert (item.state, item.reason_code, item.payload) == (ReviewState.REJECTED, "reservert", None)
    raw = register.call(
        lambda db: db.execute(
            "SELECT payload, person_key FROM review_items WHERE record_id = ?",
            (again["record_id"],),
        ).fetchone()
    )
    assert tuple(raw) == (None, None)
    # Its decision goes back to the clinic like any other.
    feedback.prepare(register, staff_session.keys.signing_key, staff_session.pinned_installations())
    assert register.counts().decided_unsent == 0

    # Reserving again is harmless and gives the same reservation.
    assert reservations.reserve(register, nid).reservation_id == result.reservation_id

    # The audit log names the reservation, never the national id.
    actions = [e.action for e in register.audit_entries()]
    assert f"reservation:{result.reservation_id}" in actions
    assert register.verify_audit_chain() is None
    dump = _dump(staff_session)
    assert nid not in dump and MARKER_NAME not in dump
    # Nor any file of the profile (SQLCipher file, WAL, backups) or the temp dir.
    staff_session.store.call(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    for root in (staff_session.profile.directory, Path(os.environ["TMPDIR"]), tmp_path):
        assert _files_hold(root, nid.encode()) == []
        assert _files_hold(root, MARKER_NAME.encode()) == []
    if backend == "postgres":
        # The PostgreSQL tables as the server stores them, read as text by the server itself.
        text = register.call(
            lambda db: "\n".join(
                str(r[0])
                for t in (
                    "register_records",
                    "register_history",
                    "review_items",
                    "reservations",
                    "audit_log",
                )
                for r in db.execute(f"SELECT t::text FROM {t} t").fetchall()
            )
        )
        assert nid not in text and MARKER_NAME not in text


def importer_batch_of(register: object, record_id: str) -> str:
    rows = register.call(  # type: ignore[attr-defined]
        lambda db: db.execute(
            "SELECT batch_id FROM review_items WHERE record_id = ? AND state = 'rejected'",
            (record_id,),
        ).fetchone()
    )
    return str(rows[0])


def test_a_bad_national_id_changes_nothing(staff_session: StaffSession) -> None:
    before = table_counts(staff_session)
    with pytest.raises(StaffError) as caught:
        reservations.reserve(staff_session.register, "12345678901")
    assert caught.value.code == "bad_national_id"
    assert (
        "12345678901" not in str(caught.value) and "12345678901" not in caught.value.user_message()
    )
    assert table_counts(staff_session) == before


def _documents(staff: StaffSession) -> dict[str, Any]:
    return dict(
        staff.register.call(
            lambda db: [
                (str(r[0]), json.loads(str(r[1])))
                for r in db.execute("SELECT feedback_id, document FROM feedback_documents")
            ]
        )
    )


def test_a_reservation_sends_each_clinic_a_purge_notice(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    """Accepted and already reported records of the person go back out as ``purge``; the
    person's later registration (auto-rejected at import) too; nobody else's."""
    register = staff_session.register
    person, other = records.one(family_name=MARKER_NAME), records.one()
    importer.import_bytes(clinic.batch([person, other]))
    decisions.accept_clean(register)
    pinned = staff_session.pinned_installations()
    assert feedback.prepare(register, staff_session.keys.signing_key, pinned) == 1
    reported = _documents(staff_session)

    result = reservations.reserve(register, person["patient"]["national_id"])
    assert result.purge_notices == 1
    again = records.same_person(person)
    importer.import_bytes(clinic.batch([again]))
    assert feedback.prepare(register, staff_session.keys.signing_key, pinned) == 2
    documents = _documents(staff_session)
    decided = [
        (d["record_id"], d["decision"], d["reason_code"])
        for feedback_id, document in documents.items()
        if feedback_id not in reported
        for d in document["feedback"]["decisions"]
    ]
    assert sorted(decided) == sorted(
        [
            (person["record_id"], "purge", "reservert"),
            (again["record_id"], "purge", "reservert"),
        ]
    )
    assert all(doc["feedback"]["version"] == 2 for doc in documents.values())
    assert register.current(other["record_id"]) is not None


def test_a_reservation_of_a_person_only_in_an_earlier_revision_purges_that_revision(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    """Revision 1 was the reserved person, revision 2 corrected the national id to someone
    else: the register keeps the record and tells the clinic to delete revision 1 only, in a
    version 3 document."""
    register = staff_session.register
    first = records.one(family_name=MARKER_NAME)
    importer.import_bytes(clinic.batch([first]))
    decisions.decide(register, first["record_id"], "accept")
    # Another person of the same birth date and sex (the wrong one of twins was picked).
    was = national_id.parse(first["patient"]["national_id"])
    other = national_id.generate(was.birth_date, was.sex or "kvinne", was.kind.value, records.rng)
    corrected = revised(first, national_id=other, given_names="Tvillingsen")
    importer.import_bytes(clinic.batch([corrected]))
    decisions.decide(register, first["record_id"], "accept")
    pinned = staff_session.pinned_installations()
    assert feedback.prepare(register, staff_session.keys.signing_key, pinned) == 2
    reported = _documents(staff_session)

    result = reservations.reserve(register, first["patient"]["national_id"])
    assert (result.records_removed, result.history_removed, result.purge_notices) == (0, 1, 1)
    assert feedback.prepare(register, staff_session.keys.signing_key, pinned) == 1
    (document,) = [d for i, d in _documents(staff_session).items() if i not in reported]
    assert document["feedback"]["version"] == 3
    assert [
        (d["record_id"], d["revision"], d["decision"], d["reason_code"])
        for d in document["feedback"]["decisions"]
    ] == [(first["record_id"], 1, "purge_revision", "reservert")]
    current = register.current(first["record_id"])
    assert current is not None and current.payload == corrected
    assert register.history(first["record_id"]) == []


def test_feedback_for_an_installation_not_pinned_is_not_signed(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    importer.import_bytes(clinic.batch([records.one()]))
    decisions.accept_clean(register)
    with pytest.raises(StaffError) as caught:
        feedback.prepare(register, staff_session.keys.signing_key, {})
    assert caught.value.code == "installation_not_pinned"
    assert register.counts().decided_unsent == 1  # nothing marked, nothing signed
