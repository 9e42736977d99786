"""Accept, reject, duplicate and bulk acceptance, on both backends."""

from __future__ import annotations

import pytest

from desktop.staff import decisions
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
    # The queue no longer holds the payload; deciding again is refused.
    assert (
        _code(lambda: decisions.decide(staff_session.register, record["record_id"], "accept"))
        == "not_pending"
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
    accepted, left = decisions.accept_clean(staff_session.register)
    assert (accepted, left) == (11, 0)
    pending = staff_session.register.pending()
    assert sorted(p.record_id for p in pending) == sorted(
        [batch[3]["record_id"], twin["record_id"]]
    )
    assert staff_session.register.counts().records == 11
    assert decisions.accept_clean(staff_session.register) == (0, 0)
