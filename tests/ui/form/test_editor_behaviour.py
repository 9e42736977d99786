"""Conditional fields, live validation, completion rules, revisions and deletion."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from desktop.forms.demo import DemoGenerator
from desktop.storage import record_ops, records
from desktop.storage.records import RecordStatus
from tests.helpers.synthetic import FORM
from tests.ui.form.conftest import child_id, open_new


def valid_payload(seed: int = 11) -> dict:
    generator = DemoGenerator(seed)
    while True:
        payload = generator.record()
        payload["revision"] = 1
        if not payload["modules"] and payload["patient"].get("vital_status") == "levende":
            return payload


def open_payload(qtbot, editor, store, payload) -> None:
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.open_record(payload["record_id"])


def test_date_of_death_appears_and_is_required_only_when_deceased(qtbot, editor):
    open_new(qtbot, editor)
    death = editor.ctx.widgets["patient.date_of_death"]
    vital = editor.ctx.widgets["patient.vital_status"]
    assert death.isHidden()
    vital.buttons[1].click()  # Død
    assert not death.isHidden() and death.label.text().endswith("*")
    qtbot.keyClicks(death.input, "01.02.2020")
    assert editor.ctx.binder.get(("patient", "date_of_death")) == "2020-02-01"
    vital.buttons[0].click()  # back to alive: hidden and out of the payload, kept aside
    assert death.isHidden()
    assert editor.ctx.binder.get(("patient", "date_of_death")) is None
    vital.buttons[1].click()
    assert editor.ctx.binder.get(("patient", "date_of_death")) == "2020-02-01"


def test_other_basis_text_and_sub_registry_module_follow_the_choices(qtbot, editor):
    open_new(qtbot, editor)
    basis = editor.ctx.widgets["diagnoses[0].basis"]
    other = editor.ctx.widgets["diagnoses[0].basis_other"]
    assert other.isHidden()
    basis.input.item(6).setCheckState(Qt.CheckState.Checked)  # annet
    assert not other.isHidden()
    module = next(v for v in editor.modules if v.module.id == "primaer-immunsvikt")
    assert module.isHidden()
    sub = editor.ctx.widgets["diagnoses[0].sub_registry"]
    sub.input.setCurrentIndex(1)
    assert not module.isHidden()
    assert "modules.primaer-immunsvikt.iuis_category" in editor.ctx.widgets
    sub.input.setCurrentIndex(0)
    assert module.isHidden()


def test_live_message_beside_the_field_and_in_the_summary(qtbot, editor):
    open_new(qtbot, editor)
    field = editor.ctx.widgets["patient.national_id"]
    qtbot.keyClicks(field.input, "12345678901")
    qtbot.waitUntil(lambda: field.message.isVisible())
    assert "Fødselsnummer" in field.message.text()
    assert field.message.text() in field.input.accessibleDescription()
    panel = editor.panel.list
    assert panel.count() >= 1 and panel.item(0).text().startswith("Feil:")
    # Activating the issue in the summary puts the focus on the field.
    editor.focus_problems()
    panel.setCurrentRow(0)
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is field.input


def test_completion_is_blocked_by_errors(qtbot, editor, store):
    open_new(qtbot, editor)
    qtbot.keyClicks(editor.ctx.widgets["patient.family_name"].input, "Nordmann")
    editor.complete()
    qtbot.waitUntil(lambda: editor.mode == "complete" and not editor._busy, timeout=5000)
    assert editor.result.errors
    assert "feil" in editor.state_label.text()
    assert editor.ctx.widgets["patient.national_id"].message.isVisible()
    record = store.call(lambda c: records.get(c, editor.record_id))
    assert record is None or record.status is RecordStatus.DRAFT


def test_warnings_must_be_confirmed_before_completion(qtbot, editor, store):
    payload = valid_payload()
    payload["patient"]["national_id"] = child_id(9)
    payload["patient"].pop("guardian", None)  # guardian suggested for a minor: a warning
    payload["information"]["letter"] = "barn_7_11"
    payload["information"].pop("letter_recipient", None)
    for diagnosis in payload["diagnoses"]:
        diagnosis["diagnosis_year"] = int(payload["reporter"]["registration_date"][:4])
        diagnosis["onset"] = "ukjent"
        diagnosis.pop("onset_age", None)
    open_payload(qtbot, editor, store, payload)
    editor.complete()
    qtbot.waitUntil(lambda: editor.mode == "complete" and not editor._busy, timeout=5000)
    assert not editor.result.errors, [i.as_dict() for i in editor.result.errors]
    assert editor.result.needs_confirmation
    assert store.call(lambda c: records.get(c, payload["record_id"])).status is RecordStatus.DRAFT
    panel = editor.panel.list
    assert panel.hasFocus()
    for _ in editor.result.needs_confirmation:
        qtbot.keyClick(panel, Qt.Key.Key_Space)  # confirm the current warning
        qtbot.keyClick(panel, Qt.Key.Key_Down)
    assert not editor.result.needs_confirmation
    with qtbot.waitSignal(editor.completed, timeout=5000):
        editor.complete()
    assert (
        store.call(lambda c: records.get(c, payload["record_id"])).status is RecordStatus.COMPLETED
    )


def test_likely_duplicate_is_a_warning_at_completion(qtbot, editor, store):
    first = valid_payload(21)
    store.call(lambda c: record_ops.save_draft(c, first, FORM, store.actor))
    second = copy.deepcopy(first)
    second["record_id"] = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"
    open_payload(qtbot, editor, store, second)
    editor.complete()
    qtbot.waitUntil(lambda: editor.mode == "complete" and not editor._busy, timeout=5000)
    codes = {i.code for i in editor.result.needs_confirmation}
    assert "diagnosis.likely_duplicate" in codes
    assert store.call(lambda c: records.get(c, second["record_id"])).status is RecordStatus.DRAFT


def test_completed_record_opens_read_only_and_gets_a_new_revision(qtbot, editor, store):
    payload = valid_payload(31)
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    store.call(
        lambda c: records.complete(
            c, record_id=payload["record_id"], payload=payload, author=store.actor
        )
    )
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.open_record(payload["record_id"])
    assert editor.ctx.read_only
    assert editor.ctx.widgets["patient.family_name"].input.isReadOnly()
    assert editor.revision_button.isVisible() and not editor.complete_button.isVisible()
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        qtbot.keyClick(editor.revision_button, Qt.Key.Key_Space)
    assert not editor.ctx.read_only
    record = store.call(lambda c: records.get(c, payload["record_id"]))
    assert record.status is RecordStatus.DRAFT and record.revision == 2
    assert editor.ctx.binder.get(("revision",)) == 2
    assert len(store.call(lambda c: records.history(c, payload["record_id"]))) == 1


def test_delete_draft_after_confirmation(qtbot, editor, store):
    payload = valid_payload(41)
    open_payload(qtbot, editor, store, payload)
    editor.delete_draft()
    box = editor.delete_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    keep = next(b for b in box.buttons() if b.accessibleName() == "Behold utkastet")
    keep.click()
    qtbot.wait(50)
    assert store.call(lambda c: records.get(c, payload["record_id"])) is not None
    editor.delete_draft()
    with qtbot.waitSignal(editor.deleted, timeout=5000):
        box = editor.delete_box
        next(b for b in box.buttons() if b.accessibleName() == "Slett utkastet").click()
    assert store.call(lambda c: records.get(c, payload["record_id"])) is None
    assert editor.ctx.binder.payload == {}


def test_information_letter_suggested_from_age(qtbot, editor):
    open_new(qtbot, editor)
    qtbot.keyClicks(editor.ctx.widgets["patient.national_id"].input, child_id(9))
    assert editor.ctx.binder.get(("information", "letter")) == "barn_7_11"
    hint = editor.letters.hint
    assert hint is not None and hint.isVisible() and "9" in hint.text()
    letter = editor.ctx.widgets["information.letter"]
    letter.input.setCurrentIndex(letter.input.findData("voksne"))
    assert "passer ikke" in hint.text()


def test_every_interactive_widget_has_an_accessible_name(qtbot, editor, store):
    payload = valid_payload(51)
    open_payload(qtbot, editor, store, payload)
    editor.ctx.widgets["diagnoses[0].sub_registry"].input.setCurrentIndex(1)
    editor.add_diagnosis()
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)
    widgets = [w for kind in kinds for w in editor.findChildren(kind)]
    assert len(widgets) > 80
    missing = [
        f"{type(w).__name__} {w.objectName()}"
        for w in widgets
        if w.window() is editor.window()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName().strip()
    ]
    assert not missing


def test_ctrl_and_a_number_moves_to_that_section_of_the_form(qtbot, editor):
    open_new(qtbot, editor)
    for number in (3, 1, 2):
        section = editor.sections[number - 1]  # the list names sections first, in order
        key = Qt.Key(Qt.Key.Key_0.value + number)
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        assert section.isAncestorOf(QApplication.focusWidget()), section.key
