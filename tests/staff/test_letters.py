"""The register's information letters (issue 17 point 4), on SQLCipher and PostgreSQL.

Real parts throughout: a staff profile's SQLCipher file or a fresh PostgreSQL schema, real
batches through the importer, acceptance through ``decisions``, the PDF from Qt's own writer
into the atomic 0600 file, the reservation through ``reservations.reserve``."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path
from typing import Any

import pytest

from desktop.forms import national_id
from desktop.staff import decisions, letter_queue, letter_render, letters, reservations
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from tests.helpers.letters import accept_all, letter_ready, pdf_pages
from tests.staff.conftest import Clinic, Records

GUARDIAN = {"name": "Foresatt Fiktivsen", "relation": "mor", "address": "Prøvegata 2\n0150 OSLO"}


def _born(record: dict[str, Any]) -> dt.date:
    return national_id.parse(record["patient"]["national_id"]).birth_date


def _entries(staff: StaffSession) -> dict[str, str]:
    rows = staff.register.call(
        lambda db: db.execute("SELECT record_id, state FROM letter_queue").fetchall()
    )
    return {str(r): str(s) for r, s in rows}


@pytest.fixture
def paint(request: pytest.FixtureRequest) -> letters.Painter:
    """Qt's PDF writer, as the CLI and the window hand it in (skipped where Qt is not
    installed: the core tests also run without PySide6)."""
    pytest.importorskip("PySide6")
    request.getfixturevalue("qapp")  # QTextDocument needs a QGuiApplication
    from desktop.ui import printing

    return printing.write_documents


def _never_paints(docs: Any, handle: Any) -> int:
    raise AssertionError("nothing to paint")


def test_acceptance_queues_the_people_the_clinic_did_not_inform(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    owed = letter_ready(records.one())
    informed = letter_ready(records.one(), given=True)
    deceased = letter_ready(records.one())
    deceased["patient"].update(
        vital_status="dod", date_of_death=deceased["reporter"]["registration_date"]
    )
    importer.import_bytes(clinic.batch([owed, informed, deceased]))
    assert _entries(staff_session) == {}  # pending review: nobody is owed a letter yet
    accept_all(staff_session)
    assert _entries(staff_session) == {
        owed["record_id"]: letter_queue.PENDING,
        informed["record_id"]: letter_queue.CLINIC,
    }
    # The same person registered again (another record id): still one entry.
    twin = records.same_person(owed)
    twin["diagnoses"][0]["orpha_code"] = "ORPHA:558"
    importer.import_bytes(clinic.batch([twin]))
    accept_all(staff_session)
    assert len(_entries(staff_session)) == 2
    counts = letters.counts(staff_session.register)
    assert (counts.pending, counts.clinic, counts.sent) == (1, 1, 0)
    # Nothing in clear: the clinic's letter date is sealed, bound to its entry.
    sealed = staff_session.register.call(
        lambda db: db.execute(
            "SELECT entry_id, detail FROM letter_queue WHERE state = 'clinic'"
        ).fetchone()
    )
    assert informed["reporter"]["registration_date"].encode() not in bytes(sealed[1])
    opened = letter_queue.open_detail(staff_session.register.cipher, str(sealed[0]), sealed[1])
    assert opened == {"letter_date": informed["information"]["letter_given_date"]}


def test_the_variant_follows_the_age_on_the_day_of_printing(records: Records) -> None:
    child = letter_ready(records.one(guardian=dict(GUARDIAN)))
    born = _born(child)
    sixteen = dt.date(born.year + 16, born.month, 28 if born.day > 28 else born.day)
    before = letter_render.plan(child, sixteen - dt.timedelta(days=40))
    assert before is not None
    assert before.variants == ("foresatte", "barn_12_16")
    assert before.recipient == "guardian" and before.name == GUARDIAN["name"]
    assert before.address == ("Prøvegata 2", "0150 OSLO")
    eight = letter_render.plan(child, dt.date(born.year + 9, 1, 1))  # 8 years old
    assert eight is not None and eight.variants == ("foresatte", "barn_7_11")
    adult = letter_render.plan(child, sixteen + dt.timedelta(days=1))
    assert adult is not None
    assert adult.variants == ("voksne",) and adult.recipient == "patient"
    assert adult.address == ("Fiktivveien 1", "0150 OSLO")
    # Under 7 without a guardian in the record: to the parents at the child's address.
    del child["patient"]["guardian"]
    small = letter_render.plan(child, dt.date(born.year + 3, born.month, 1))
    assert small is not None and small.variants == ("foresatte",)
    assert small.name.startswith("Foresatte til ")
    assert small.address == ("Fiktivveien 1", "0150 OSLO")
    # No postal address: no letter (the register looks it up).
    del child["patient"]["address"]
    assert letter_render.plan(child, sixteen + dt.timedelta(days=1)) is None


def test_a_run_prints_one_letter_per_person_and_mark_sent_moves_them(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
    paint: letters.Painter,
) -> None:
    people = [letter_ready(records.one()) for _ in range(3)]
    homeless = letter_ready(records.one())
    del homeless["patient"]["address"]
    importer.import_bytes(clinic.batch([*people, homeless]))
    accept_all(staff_session)
    # The child who turned 16 on the print day gets the adults' letter.
    born = _born(people[0])
    day = dt.date(born.year + 16, born.month, born.day if born.day <= 28 else 28)
    out = tmp_path / "run.pdf"
    result = letters.print_run(staff_session.register, out, paint, today=day)
    assert result.run_id is not None and result.letters == 3
    assert [n.record_id for n in result.needs_address] == [homeless["record_id"]]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF")
    assert pdf_pages(out) == result.pages
    # One letter per person: the run's pages are exactly each person's letters on their own.
    plan = letters.plan_reprint(staff_session.register, result.run_id)
    assert len(plan.letters) == 3 and {p.record_id for p in plan.letters} == {
        p["record_id"] for p in people
    }
    assert plan.letters[0].letter.variants in {("voksne",), ("foresatte", "barn_12_16")}
    by_record = {p.record_id: p for p in plan.letters}
    assert by_record[people[0]["record_id"]].letter.variants == ("voksne",)
    single_pages = 0
    for planned in plan.letters:
        one = tmp_path / f"{planned.record_id}.pdf"
        with one.open("wb") as handle:
            docs = letter_render.documents(planned.payload, planned.letter, "X", day)
            single_pages += paint(docs, handle)
    assert single_pages == result.pages
    counts = letters.counts(staff_session.register)
    assert (counts.pending, counts.printed, counts.sent, counts.runs_unsent) == (1, 3, 0, 1)
    # A second run has nothing new to print (the homeless person still waits).
    again = letters.print_run(staff_session.register, tmp_path / "empty.pdf", paint, today=day)
    assert again.run_id is None and not (tmp_path / "empty.pdf").exists()

    sent = letters.mark_sent(staff_session.register, result.run_id, today=day)
    assert (sent.letters, sent.already) == (3, False)
    assert letters.mark_sent(staff_session.register, result.run_id).already
    counts = letters.counts(staff_session.register)
    assert (counts.printed, counts.sent, counts.runs_unsent) == (0, 3, 0)
    cipher = staff_session.register.cipher
    details = staff_session.register.call(
        lambda db: db.execute(
            "SELECT entry_id, detail FROM letter_queue WHERE state = 'sent'"
        ).fetchall()
    )
    for entry_id, sealed in details:
        assert letter_queue.open_detail(cipher, str(entry_id), sealed)["letter_date"] == (
            day.isoformat()
        )
    actions = [e.action for e in staff_session.register.audit_entries()]
    assert f"letter_run:print:{result.run_id}" in actions
    assert f"letter_run:sent:{result.run_id}" in actions
    with pytest.raises(StaffError) as caught:
        letters.mark_sent(staff_session.register, "no-such-run")
    assert caught.value.code == "unknown_letter_run"


def test_a_failed_write_records_nothing_and_leaves_no_file(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
    paint: letters.Painter,
) -> None:
    importer.import_bytes(clinic.batch([letter_ready(records.one())]))
    accept_all(staff_session)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(StaffError) as caught:
        letters.print_run(staff_session.register, out / "missing" / "run.pdf", paint)
    assert caught.value.code == "letter_pdf_not_written"

    def broken(docs: Any, handle: Any) -> int:
        handle.write(b"%PDF-half")
        raise RuntimeError("painter failed")

    with pytest.raises(RuntimeError):
        letters.print_run(staff_session.register, out / "run.pdf", broken)
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file
    assert letters.counts(staff_session.register).pending == 1
    assert letters.runs(staff_session.register) == []


def test_a_run_that_changed_meanwhile_is_refused(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
    paint: letters.Painter,
) -> None:
    importer.import_bytes(clinic.batch([letter_ready(records.one())]))
    accept_all(staff_session)
    first = letters.plan_run(staff_session.register)
    second = letters.plan_run(staff_session.register)  # another registrar, at the same time
    letters.commit_run(staff_session.register, first)
    with pytest.raises(StaffError) as caught:
        letters.write_run(
            second,
            tmp_path / "second.pdf",
            paint,
            lambda: letters.commit_run(staff_session.register, second),
        )
    assert caught.value.code == "letter_run_changed"
    assert not (tmp_path / "second.pdf").exists()
    assert len(letters.runs(staff_session.register)) == 1


def test_a_returned_slip_reserves_the_person_and_leaves_the_queue(
    staff_session: StaffSession,
    importer: Importer,
    clinic: Clinic,
    records: Records,
    tmp_path: Path,
    paint: letters.Painter,
) -> None:
    person, other = letter_ready(records.one()), letter_ready(records.one())
    importer.import_bytes(clinic.batch([person, other]))
    accept_all(staff_session)
    result = letters.print_run(staff_session.register, tmp_path / "run.pdf", paint)
    assert result.run_id is not None
    plan = letters.plan_reprint(staff_session.register, result.run_id)
    reference = next(p.reference for p in plan.letters if p.record_id == person["record_id"])
    typed = reference.lower()[:4] + "-" + reference.lower()[4:]  # as typed off the slip
    slip = letters.returned_slip(staff_session.register, typed)
    assert slip.record_id == person["record_id"] and slip.run_id == result.run_id
    assert person["patient"]["national_id"] not in reference
    reserved = letters.record_returned(
        staff_session.register, slip, register_keys=staff_session.keys.register_keys
    )
    assert reserved.new and reserved.records_removed == 1
    register = staff_session.register
    assert register.current(person["record_id"]) is None
    assert register.current(other["record_id"]) is not None
    assert _entries(staff_session)[person["record_id"]] == letter_queue.RETURNED
    leftover = register.call(
        lambda db: db.execute(
            "SELECT person_key, detail FROM letter_queue WHERE state = 'returned'"
        ).fetchone()
    )
    assert leftover == (None, None)
    counts = letters.counts(register)
    assert (counts.printed, counts.returned, counts.reservations) == (1, 1, 1)
    assert f"letter_run:returned:{result.run_id}" in [e.action for e in register.audit_entries()]
    with pytest.raises(StaffError) as caught:
        letters.returned_slip(register, reference)
    assert caught.value.code == "letter_slip_recorded"
    for bad, code in (
        ("ABC", "bad_letter_reference"),
        ("ZZZZ-ZZZZ-ZZ", "unknown_letter_reference"),
    ):
        with pytest.raises(StaffError) as caught:
            letters.returned_slip(register, bad)
        assert caught.value.code == code


def test_a_reservation_by_national_id_clears_the_queue_too(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    person = letter_ready(records.one())
    importer.import_bytes(clinic.batch([person]))
    accept_all(staff_session)
    assert _entries(staff_session) == {person["record_id"]: letter_queue.PENDING}
    reservations.reserve(staff_session.register, person["patient"]["national_id"])
    assert _entries(staff_session) == {}
    assert letters.counts(staff_session.register).pending == 0


def test_an_undone_acceptance_is_dropped_from_the_queue_at_the_next_run(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    person = letter_ready(records.one())
    importer.import_bytes(clinic.batch([person]))
    accept_all(staff_session)
    decisions.undo(staff_session.register, person["record_id"])
    plan = letters.plan_run(staff_session.register)
    assert plan.letters == [] and plan.stale == 1
    nothing = letters.print_run(staff_session.register, Path("unused.pdf"), _never_paints)
    assert nothing.run_id is None and _entries(staff_session) == {}
    with pytest.raises(StaffError) as caught:
        letters.plan_run(staff_session.register, limit=0)
    assert caught.value.code == "bad_letter_limit"
