"""Accept, reject, duplicate and bulk acceptance, on both backends."""

from __future__ import annotations

import pytest

from desktop.staff import decisions, feedback, reservations
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.staff.model import Finding, ReviewState
from desktop.staff.session import StaffSession
from tests.staff.conftest import Clinic, Records, revised, table_counts


def _code(call: object) -> str:
    with pytest.raises(StaffError) as caught:
        call()  # type: ignore[operator]
    return caught.value.code


def test_accept_puts_the_record_in_the_register(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    record = records.one()
    importer.import_bytes(clinic.batch([record]))
    decided = decisions.decide(staff_session.register, record["record_id"], "accept")

    assert decided.state is ReviewState.ACCEPTED and decided.payload is None
    assert decided.decided_by == staff_session.staff_key_id
    current = staff_session.register.current(record["record_id"])
    assert current is not None and current.payload == record
    assert current.accepted_by == staff_session.staff_key_id
    assert current.origin.installation_key_id == clinic.key_id
    assert [r.record_id for r in staff_session.register.iter_current()] == [record["record_id"]]
    # Decided: deciding again is refused.
    assert (
        _code(lambda: decisions.decide(staff_session.register, record["record_id"], "accept"))
        == "already_decided"
    )
    nid, orpha = record["patient"]["national_id"], record["diagnoses"][0]["orpha_code"]
    assert staff_session.register.find_duplicate(nid, orpha) == record["record_id"]
    entries = staff_session.register.audit_entries(record["record_id"])
    assert [e.action for e in entries] == ["review:accepted"]
    assert staff_session.register.verify_audit_chain() is None


def test_accepting_a_revision_keeps_the_old_one_in_history(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    first = records.one()
    importer.import_bytes(clinic.batch([first]))
    decisions.decide(staff_session.register, first["record_id"], "accept")
    second = revised(first, given_names="Ny Fornavn")
    importer.import_bytes(clinic.batch([second]))
    assert staff_session.register.pending()[0].findings == [Finding.REVISION]
    decisions.decide(staff_session.register, first["record_id"], "accept")

    current = staff_session.register.current(first["record_id"])
    assert current is not None and current.revision == 2 and current.payload == second
    history = staff_session.register.history(first["record_id"])
    assert [(h.revision, h.payload) for h in history] == [(1, first)]
    # Still one record for the duplicate index (the revision replaced the index rows).
    assert table_counts(staff_session)["register_index"] == len(
        {d["orpha_code"] for d in second["diagnoses"]}
    )
    # An older revision can no longer be accepted.
    importer.import_bytes(clinic.batch([first]))
    assert (
        _code(lambda: decisions.decide(staff_session.register, first["record_id"], "accept"))
        == "stale_refused"
    )


def test_duplicate_cannot_be_accepted(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    original = records.one()
    twin = records.same_person(original)
    importer.import_bytes(clinic.batch([original, twin]))
    decisions.decide(staff_session.register, original["record_id"], "accept")
    assert (
        _code(lambda: decisions.decide(staff_session.register, twin["record_id"], "accept"))
        == "duplicate_refused"
    )
    done = decisions.decide(staff_session.register, twin["record_id"], "duplicate")
    assert done.state is ReviewState.DUPLICATE
    assert staff_session.register.current(twin["record_id"]) is None


def test_duplicate_of_a_rejected_original_can_be_accepted(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    original = records.one()
    twin = records.same_person(original)
    importer.import_bytes(clinic.batch([original, twin]))
    decisions.decide(
        staff_session.register, original["record_id"], "reject", reason_code="missing_consent"
    )
    # The finding stays for the reviewer, but the register holds no such person now.
    assert staff_session.register.pending()[0].findings == [Finding.DUPLICATE]
    decisions.decide(staff_session.register, twin["record_id"], "accept")
    assert staff_session.register.current(twin["record_id"]) is not None


def test_reasons_are_checked(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    record = records.one()
    importer.import_bytes(clinic.batch([record]))
    rid, register = record["record_id"], staff_session.register
    assert _code(lambda: decisions.decide(register, rid, "reject")) == "bad_reason_code"
    assert (
        _code(lambda: decisions.decide(register, rid, "reject", reason_code="Bad Code"))
        == "bad_reason_code"
    )
    assert (
        _code(lambda: decisions.decide(register, rid, "reject", reason_code="x" * 65))
        == "bad_reason_code"
    )
    for text in (
        f"Gjelder {record['patient']['national_id']}",
        "Ring 912 34 567",
        "Skriv til lege@example.no",
    ):
        assert (
            _code(
                lambda t=text: decisions.decide(
                    register, rid, "reject", reason_code="other", reason_text=t
                )
            )  # type: ignore[misc]
            == "personal_data_in_text"
        )
    assert (
        _code(
            lambda: decisions.decide(
                register, rid, "reject", reason_code="other", reason_text="x" * 501
            )
        )
        == "text_too_long"
    )
    assert (
        _code(lambda: decisions.decide(register, "3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c", "accept"))
        == "unknown_item"
    )
    assert register.pending()[0].state is ReviewState.PENDING  # nothing was decided
    done = decisions.decide(
        register, rid, "reject", reason_code="missing_consent", reason_text="Samtykke mangler."
    )
    assert (done.state, done.reason_code, done.reason_text) == (
        ReviewState.REJECTED,
        "missing_consent",
        "Samtykke mangler.",
    )


def test_two_pending_revisions_need_a_choice(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    first = records.one()
    importer.import_bytes(clinic.batch([first]))
    importer.import_bytes(clinic.batch([revised(first)]))
    register = staff_session.register
    assert (
        _code(lambda: decisions.decide(register, first["record_id"], "accept")) == "ambiguous_item"
    )
    decisions.decide(register, first["record_id"], "accept", revision=2)
    decided = decisions.decide(register, first["record_id"], "reject", reason_code="stale")
    assert decided.revision == 1


def test_accept_clean_takes_only_items_without_findings(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    batch = records.many(12)
    batch[3]["patient"]["national_id"] = "00000000000"
    twin = records.same_person(batch[0])
    importer.import_bytes(clinic.batch([*batch, twin]))
    assert decisions.accept_clean(staff_session.register) == decisions.CleanResult(11, 0)
    pending = staff_session.register.pending()
    assert sorted(p.record_id for p in pending) == sorted(
        [batch[3]["record_id"], twin["record_id"]]
    )
    assert staff_session.register.counts().records == 11
    assert decisions.accept_clean(staff_session.register) == decisions.CleanResult(0, 0)


def test_accept_clean_can_be_held_to_the_items_a_confirmation_listed(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    listed = records.many(3)
    importer.import_bytes(clinic.batch(listed))
    shown = register.pending()
    arrived_later = records.many(2)
    importer.import_bytes(clinic.batch(arrived_later))

    accepted = decisions.accept_clean(
        register, only=[(i.origin.batch_id, i.record_id) for i in shown]
    )

    assert accepted == decisions.CleanResult(3, 0)
    assert sorted(p.record_id for p in register.pending()) == sorted(
        r["record_id"] for r in arrived_later
    )
    assert decisions.accept_clean(register, only=[]) == decisions.CleanResult(0, 0)


def _raw_item(staff: StaffSession, record_id: str) -> tuple[object, object]:
    row = staff.register.call(
        lambda db: db.execute(
            "SELECT payload, person_key FROM review_items WHERE record_id = ?", (record_id,)
        ).fetchone()
    )
    return row[0], row[1]


def test_undo_puts_an_acceptance_back_in_the_queue(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    record = records.one()
    importer.import_bytes(clinic.batch([record]))
    before = table_counts(staff_session)
    decisions.decide(register, record["record_id"], "accept")

    restored = decisions.undo(register, record["record_id"])

    assert restored.state is ReviewState.PENDING and restored.decided_at is None
    assert register.current(record["record_id"]) is None
    assert [i.payload for i in register.pending(with_payload=True)] == [record]
    nid, orpha = record["patient"]["national_id"], record["diagnoses"][0]["orpha_code"]
    assert register.find_duplicate(nid, orpha) is None
    after = table_counts(staff_session)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }  # the queue's duplicate index is back as the import wrote it
    # It can be decided afresh, and the audit log tells the whole story.
    decisions.decide(register, record["record_id"], "accept")
    assert register.current(record["record_id"]) is not None
    assert [e.action for e in register.audit_entries(record["record_id"])] == [
        "review:accepted",
        "review:undo:accepted",
        "review:accepted",
    ]
    assert register.verify_audit_chain() is None


def test_undoing_a_revision_makes_the_replaced_one_current_again(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    first = records.one()
    importer.import_bytes(clinic.batch([first]))
    decisions.decide(register, first["record_id"], "accept")
    second = revised(first, family_name="Korrigertsen")
    importer.import_bytes(clinic.batch([second]))
    decisions.decide(register, first["record_id"], "accept")

    decisions.undo(register, first["record_id"], revision=2)

    current = register.current(first["record_id"])
    assert current is not None and (current.revision, current.payload) == (1, first)
    assert register.history(first["record_id"]) == []
    nid, orpha = first["patient"]["national_id"], first["diagnoses"][0]["orpha_code"]
    assert register.find_duplicate(nid, orpha) == first["record_id"]
    pending = register.pending(with_payload=True)
    assert [(i.revision, i.payload) for i in pending] == [(2, second)]
    assert pending[0].findings == [Finding.REVISION]


def test_undo_of_a_rejection_clears_its_reason(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    record = records.one()
    importer.import_bytes(clinic.batch([record]))
    decisions.decide(
        register, record["record_id"], "reject", reason_code="incomplete", reason_text="Mangler"
    )
    assert register.counts().decided_unsent == 1
    restored = decisions.undo(register, record["record_id"])
    assert (restored.state, restored.reason_code, restored.reason_text) == (
        ReviewState.PENDING,
        None,
        None,
    )
    assert register.counts().decided_unsent == 0
    assert _code(lambda: decisions.undo(register, record["record_id"])) == "undo_not_decided"
    assert _code(lambda: decisions.undo(register, "no-such-record")) == "unknown_item"


def test_undo_is_refused_once_the_feedback_is_prepared(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    accepted, rejected = records.many(2)
    importer.import_bytes(clinic.batch([accepted, rejected]))
    decisions.decide(register, accepted["record_id"], "accept")
    decisions.decide(register, rejected["record_id"], "reject", reason_code="incomplete")
    assert _raw_item(staff_session, rejected["record_id"]) != (None, None)  # kept for an undo

    feedback.prepare(register, staff_session.keys.signing_key, staff_session.pinned_installations())

    for record in (accepted, rejected):
        assert _code(lambda r=record: decisions.undo(register, r["record_id"])) == (
            "undo_feedback_sent"
        )
        assert _raw_item(staff_session, record["record_id"]) == (None, None)  # purged now
    assert register.current(accepted["record_id"]) is not None  # nothing changed
    assert register.pending() == []


def test_undo_is_refused_for_a_reserved_person_and_a_superseded_acceptance(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    person, other = records.many(2)
    importer.import_bytes(clinic.batch([person, other]))
    decisions.decide(register, person["record_id"], "reject", reason_code="incomplete")
    reservations.reserve(register, person["patient"]["national_id"])
    # The reservation purged the decided item too: nothing of the person can come back.
    assert _raw_item(staff_session, person["record_id"]) == (None, None)
    assert _code(lambda: decisions.undo(register, person["record_id"])) == "undo_reserved"

    decisions.decide(register, other["record_id"], "accept")
    importer.import_bytes(clinic.batch([revised(other)]))
    decisions.decide(register, other["record_id"], "accept")
    assert (
        _code(lambda: decisions.undo(register, other["record_id"], revision=1)) == "undo_superseded"
    )
    assert register.current(other["record_id"]).revision == 2  # type: ignore[union-attr]
