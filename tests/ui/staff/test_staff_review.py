"""The reviewer's pane and its confirmations, through the real staff window over a real staff
profile (SQLCipher) filled from real batch files: the whole record with the form's labels,
the clinic's label and the clinician's confirmed warnings; revisions and duplicates side by
side; undo until the feedback is prepared; bulk acceptance and reservations that ask first,
name who and what, and keep the safe button the default (issue 16 points 1 and 2)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.forms.definition import FieldType, load_form
from desktop.forms.payload import parse_iso_date, patient_name
from desktop.staff import decisions
from desktop.staff.diff import diff_payloads
from desktop.staff.model import Finding
from desktop.ui.staff.confirm_dialog import ConfirmDialog
from desktop.ui.staff.record_view import RecordDialog
from desktop.ui.staff.window import StaffWindow
from tests.staff.conftest import Clinic, Records, revised
from tests.staff.export.synthetic import golden_payload
from tests.ui.staff.conftest import (
    CLINIC_LABEL,
    close_message_boxes,
    confirm,
    confirmation,
    open_staff_window,
)


def _import(qtbot, window: StaffWindow, tmp_path: Path, data: bytes, rows: int) -> None:
    path = tmp_path / f"batch-{len(list(tmp_path.glob('*.sjbt')))}.sjbt"
    path.write_bytes(data)
    window.import_files([path])
    qtbot.waitUntil(lambda: window.review.model.rowCount() == rows, timeout=10_000)
    close_message_boxes(window)


def _select(qtbot, window: StaffWindow, record_id: str) -> None:
    review = window.review
    row = next(n for n, i in enumerate(review.model.shown()) if i.record_id == record_id)
    review.table.selectRow(row)
    qtbot.waitUntil(lambda: review.view.details is not None, timeout=10_000)


def _message_box(window: StaffWindow) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1] if boxes else None


def _expected(path: str, value: Any) -> tuple[str, list[str]]:
    """The form's label for a leaf of the record, and the texts its value must show as."""
    form = load_form()
    template = re.sub(r"\[\d+\]", "[]", path).removesuffix("[]")
    field = form.field(template)
    label = field.label.get("nb")
    if field.type in (FieldType.ENUM, FieldType.MULTI_ENUM):
        option = field.option(value)
        assert option is not None, path
        return label, [option.label.get("nb")]
    if field.type is FieldType.DATE:
        day = parse_iso_date(value)
        assert day is not None
        return label, [day.strftime("%d.%m.%Y")]
    if field.type in (FieldType.NUMBER, FieldType.INTEGER, FieldType.YEAR):
        return label, [str(value).replace(".", ",")]
    return label, str(value).splitlines()


def test_the_pane_shows_every_field_of_a_golden_record(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    record = golden_payload()
    # A phone number in the comment: the warning the clinician confirmed at completion.
    record["reporter"]["comment"] = "Kontroll; ring pasienten på 41234567\nny linje"
    window = open_staff_window(qtbot, make_controller, profile)
    _import(qtbot, window, tmp_path, clinic.batch([record]), 1)
    review = window.review
    _select(qtbot, window, record["record_id"])
    assert Finding.INVALID not in review.selected().findings
    text = review.details.toPlainText()

    for section in load_form().sections:
        assert section.label.get("nb") in text, section.key
    assert "Primær immunsvikt-registeret" in text  # the module the second diagnosis selects
    leaves = [c for c in diff_payloads({}, record) if not c.path.startswith("form.")]
    assert len(leaves) > 60
    for leaf in leaves:
        label, values = _expected(leaf.path, leaf.new)
        assert label in text, leaf.path
        for value in values:
            if leaf.path == "patient.national_id":
                assert value in text.replace(" ", ""), leaf.path
            else:
                assert value in text, leaf.path
    # The clinic by its label, not its key id; the confirmed warning, in the form's words.
    assert f"Fra klinikken: {CLINIC_LABEL}" in text
    assert clinic.key_id not in text
    assert "Advarsler klinikeren bekreftet ved ferdigstilling:" in text
    assert "Kommentar ser ut til å inneholde personopplysninger" in text

    # A double-click opens the same record in a window of its own; locking closes it.
    table = review.table
    rect = table.visualRect(review.model.index(0, 1))
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(RecordDialog)), timeout=10_000
    )
    dialog = next(d for d in window.findChildren(RecordDialog) if d.isVisible())
    assert patient_name(record).listed in dialog.view.record.toPlainText()
    assert "HGVS" in dialog.view.record.toPlainText()
    dialog.close()
    qtbot.waitUntil(lambda: not window.findChildren(RecordDialog), timeout=5000)
    # Enter on the selected row does the same, for the keyboard.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(RecordDialog)), timeout=10_000
    )
    window.lock_requested.emit()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not window.findChildren(RecordDialog), timeout=5000)
    assert review.details.toPlainText() == ""


def test_revision_and_duplicate_side_by_side_with_changes_marked(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=21)
    first = records.one()
    window = open_staff_window(qtbot, make_controller, profile)
    _import(qtbot, window, tmp_path, clinic.batch([first]), 1)
    review = window.review
    review.accept_clean()
    confirm(qtbot, window)
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=10_000)
    close_message_boxes(window)

    corrected = revised(first, family_name="Korrigertsen")
    twin = records.same_person(first)  # another record id, same person and diagnosis
    _import(qtbot, window, tmp_path, clinic.batch([corrected, twin]), 2)

    _select(qtbot, window, corrected["record_id"])
    qtbot.waitUntil(review.diff_box.isVisible, timeout=10_000)
    diff = review.diff
    assert diff.changed_paths() == ["patient.family_name"]
    assert diff.rowCount() > 20  # every field of both, side by side
    assert diff.horizontalHeaderItem(1).text() == "Registeret, rev. 1"
    assert diff.horizontalHeaderItem(2).text() == "Innkommende, rev. 2"
    row = next(
        r for r in range(diff.rowCount()) if diff.item(r, 0).data(Qt.ItemDataRole.UserRole + 1)
    )
    assert diff.item(row, 0).text() == "≠ Pasient › Etternavn"
    assert diff.item(row, 0).font().bold()
    assert (diff.item(row, 1).text(), diff.item(row, 2).text()) == (
        first["patient"]["family_name"],
        "Korrigertsen",
    )
    sex = next(r for r in range(diff.rowCount()) if diff.item(r, 0).toolTip() == "patient.sex")
    assert diff.item(sex, 1).text() in ("Kvinne", "Mann")  # choices by their labels
    review.view.only_changes.setChecked(True)
    assert diff.rowCount() == 1
    review.view.only_changes.setChecked(False)

    _select(qtbot, window, twin["record_id"])
    qtbot.waitUntil(review.diff_box.isVisible, timeout=10_000)
    assert review.diff_box.title() == "Sammenlignet med det mulige duplikatet"
    text = review.details.toPlainText()
    assert f"Mulig duplikat: {patient_name(first).listed}" in text
    assert first["record_id"][:8] in text and "i registeret" in text
    assert "reporter.name" in review.diff.changed_paths()


def test_a_decision_can_be_undone_until_the_feedback_is_prepared(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=22)
    accepted, rejected = records.many(2)
    window = open_staff_window(qtbot, make_controller, profile)
    _import(qtbot, window, tmp_path, clinic.batch([accepted, rejected]), 2)
    review = window.review
    register = window.staff_session().register
    assert not review.undo_button.isEnabled()

    _select(qtbot, window, accepted["record_id"])
    review.decide("accept")
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10_000)
    assert register.current(accepted["record_id"]) is not None
    assert review.undo_button.isEnabled()
    review.undo_button.click()
    qtbot.waitUntil(lambda: review.model.rowCount() == 2, timeout=10_000)
    assert register.current(accepted["record_id"]) is None
    assert review.selected().record_id == accepted["record_id"]  # ready for a new decision
    assert "er angret" in review.decision_message.text()
    assert not review.undo_button.isEnabled()

    _select(qtbot, window, rejected["record_id"])
    review.reason_code.setCurrentText("incomplete")
    review.decide("reject")
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=10_000)
    window.save_feedback(tmp_path / "feedback")  # prepared and signed for the clinic
    qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000)
    close_message_boxes(window)

    review.undo_button.click()
    qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000)
    assert "kan ikke angres" in _message_box(window).text()
    assert "tilbakemeldingen til klinikken er allerede laget" in _message_box(window).text()
    close_message_boxes(window)
    assert review.model.rowCount() == 1  # nothing came back
    assert [i.record_id for i in register.pending()] == [accepted["record_id"]]
    assert not review.undo_button.isEnabled()


def test_bulk_accept_names_the_count_lists_the_records_and_does_nothing_on_cancel(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=23)
    clean = records.many(3)
    invalid = records.one(national_id="00000000000")
    window = open_staff_window(qtbot, make_controller, profile)
    _import(qtbot, window, tmp_path, clinic.batch([*clean, invalid]), 4)
    review = window.review
    register = window.staff_session().register

    review.accept_clean_button.click()
    dialog = confirmation(qtbot, window)
    assert "Godta 3 registreringer uten funn?" in dialog.text.text()
    assert dialog.action_button.text() == "&Godta 3 registreringer"
    lines = dialog.lines()
    assert len(lines) == 3
    for record, line in zip(clean, lines, strict=True):
        assert line.startswith(patient_name(record).listed + " – ")
        assert record["diagnoses"][0]["orpha_code"] in line
    assert patient_name(invalid).listed not in "\n".join(lines)
    # The safe button is the default: Enter cancels, and so does Escape.
    assert dialog.cancel_button.isDefault() and not dialog.action_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    review.accept_clean_button.click()
    dialog = confirmation(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.wait(100)
    assert register.counts().records == 0 and review.model.rowCount() == 4
    # The one left out says why, in the validator's words, inside the record.
    _select(qtbot, window, invalid["record_id"])
    text = review.details.toPlainText()
    assert "Valideringsfeil:" in text and "Fødselsnummer / D-nummer" in text
    assert not review.accept_button.isEnabled()

    # What arrives while the list is shown (another officer's import) is not accepted unseen.
    review.accept_clean_button.click()
    dialog = confirmation(qtbot, window)
    later = records.one()
    _import_direct(window, clinic, later)
    dialog.action_button.click()
    qtbot.waitUntil(lambda: register.counts().records == 3, timeout=10_000)
    qtbot.waitUntil(lambda: _message_box(window) is not None, timeout=10_000)
    assert _message_box(window).text().startswith("3 ")
    close_message_boxes(window)
    assert {i.record_id for i in register.pending()} == {invalid["record_id"], later["record_id"]}


def _import_direct(window: StaffWindow, clinic: Clinic, record: dict[str, Any]) -> None:
    from desktop.staff.importer import Importer

    with Importer(window.staff_session(), workers=1) as importer:
        importer.import_bytes(clinic.batch([copy.deepcopy(record)]))


def test_reservation_confirmation_names_the_person_and_keeps_cancel_the_default(
    qtbot, staff_profile, make_controller, tmp_path: Path
) -> None:
    profile, clinic = staff_profile
    records = Records(seed=24)
    person = records.one()
    waiting = records.same_person(person)
    waiting["diagnoses"][0]["orpha_code"] = (
        "ORPHA:70" if person["diagnoses"][0]["orpha_code"] != "ORPHA:70" else "ORPHA:586"
    )
    other = records.one()
    window = open_staff_window(qtbot, make_controller, profile)
    _import(qtbot, window, tmp_path, clinic.batch([person, other]), 2)
    register = window.staff_session().register
    decisions.accept_clean(register)
    _import(qtbot, window, tmp_path, clinic.batch([waiting]), 1)

    panel = window.reservations
    window.tabs.setCurrentWidget(panel)
    nid = person["patient"]["national_id"]
    qtbot.keyClicks(panel.national_id, nid)
    panel.reserve_button.click()
    dialog = confirmation(qtbot, window)
    born = f"{nid[:2]}.{nid[2:4]}."
    text = dialog.text.text()
    assert f"Registrere reservasjon for {patient_name(person).listed}, født {born}" in text
    assert "de 2 registreringene under" in text
    lines = dialog.lines()
    assert len(lines) == 2
    assert person["record_id"][:8] in lines[0] and "i registeret" in lines[0]
    assert waiting["record_id"][:8] in lines[1] and "venter i køen" in lines[1]
    assert patient_name(other).listed not in "\n".join(lines)
    assert dialog.action_button.text() == "&Slett og registrer reservasjon"
    assert dialog.cancel_button.isDefault() and not dialog.action_button.isDefault()
    assert dialog.cancel_button.hasFocus()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.wait(100)
    assert register.current(person["record_id"]) is not None  # nothing deleted
    assert register.counts().reservations == 0
    assert panel.national_id.text() == nid

    panel.reserve_button.click()
    confirm(qtbot, window)
    qtbot.waitUntil(lambda: "Reservasjonen er registrert" in panel.result.text(), timeout=10_000)
    close_message_boxes(window)
    assert panel.national_id.text() == ""
    assert register.current(person["record_id"]) is None
    assert register.current(other["record_id"]) is not None
    assert register.counts().reservations == 1
    assert not [d for d in window.findChildren(ConfirmDialog) if d.isVisible()]


def test_reasons_are_offered_by_their_words_and_decided_by_their_codes(qtbot):
    from desktop.reasons import OFFERED
    from desktop.ui.staff.review_panel import ReviewPanel

    panel = ReviewPanel(lambda: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(panel)
    words = [panel.reason_code.itemText(i) for i in range(panel.reason_code.count())]
    assert words[0] == "Diagnosen er ikke bekreftet (bare mistenkt eller under utredning)"
    assert not any("_" in w for w in words) and "missing_consent" not in OFFERED
    panel.reason_code.setCurrentIndex(1)
    assert panel.chosen_reason() == "not_rare_diagnosis"
    panel.reason_code.setEditText("own_code_1")  # a code of the protocol's form may be typed
    assert panel.chosen_reason() == "own_code_1"
