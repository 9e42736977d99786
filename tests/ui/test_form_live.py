"""Live plausibility on the real main window: the cross-field rules fire while typing.

The window is the application's own (controller, unlock page, SQLCipher store); the values
are typed into the form's inputs. Before Ferdigstill a slip is a warning in the validation
panel; at Ferdigstill the same slip is an error that blocks completion.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QRadioButton

from desktop.forms import national_id
from desktop.forms.validate import validate
from desktop.ui.form.validation_panel import KEY_ROLE
from tests.helpers import synthetic
from tests.ui.form_window import OpenApp, app, new_registration

__all__ = ["app"]  # the fixture

TODAY = dt.date.today()
# 41 years old today, born a woman by the number.
BIRTH = dt.date(TODAY.year - 41, 1, 2)


@pytest.fixture
def form(qtbot, app: OpenApp):
    """The main window unlocked, a new registration open in the form."""
    return app.main, new_registration(qtbot, app)


def type_into(qtbot, editor, path: str, text: str) -> None:
    widget = editor.ctx.widgets[path]
    target = widget.focus_target()
    target.setFocus()
    if hasattr(target, "clear"):
        target.clear()
    qtbot.keyClicks(target, text)


def choose(editor, path: str, value: str) -> None:
    widget = editor.ctx.widgets[path]
    if isinstance(widget.input, QComboBox):
        widget.input.setCurrentIndex(widget.input.findData(value))
        return
    button = next(
        b for b in widget.input.findChildren(QRadioButton) if b.property("option") == value
    )
    button.click()


def panel_codes(editor) -> dict[str, str]:
    """code@field -> the item's text, as the panel shows them."""
    panel = editor.panel
    return {
        str(panel.list.item(r).data(KEY_ROLE)): panel.list.item(r).text()
        for r in range(panel.list.count())
    }


def wait_for_code(qtbot, editor, key: str) -> str:
    qtbot.waitUntil(lambda: key in panel_codes(editor), timeout=3000)
    return panel_codes(editor)[key]


def test_plausibility_slips_show_while_typing_and_block_at_completion(qtbot, form):
    _main, editor = form
    panel = editor.panel
    qtbot.waitUntil(lambda: panel.summary.text() != "", timeout=3000)
    assert panel.summary.text() == "Ingen problemer så langt."

    woman = national_id.generate(BIRTH, "kvinne", "fnr", random.Random(11))
    type_into(qtbot, editor, "patient.national_id", woman)
    choose(editor, "patient.sex", "mann")
    text = wait_for_code(qtbot, editor, "sex.differs_from_national_id@patient.sex")
    assert text.startswith("Advarsel:")
    assert "Ingen problemer" not in panel.summary.text()

    type_into(qtbot, editor, "diagnoses[0].diagnosis_year", str(TODAY.year + 5))
    text = wait_for_code(
        qtbot, editor, "diagnosis_year.after_registration@diagnoses[0].diagnosis_year"
    )
    assert text.startswith("Advarsel:")
    # a slip that completion refuses cannot be ticked away
    row = next(
        r
        for r in range(panel.list.count())
        if "diagnosis_year" in str(panel.list.item(r).data(KEY_ROLE))
    )
    assert not panel.list.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert "å rette før ferdigstilling" in panel.summary.text()

    choose(editor, "diagnoses[0].onset", "alder")
    type_into(qtbot, editor, "diagnoses[0].onset_age", "60")
    wait_for_code(qtbot, editor, "onset_age.above_age@diagnoses[0].onset_age")
    assert "41" in panel_codes(editor)["onset_age.above_age@diagnoses[0].onset_age"]

    future = TODAY + dt.timedelta(days=30)
    type_into(qtbot, editor, "information.letter_given_date", future.strftime("%d.%m.%Y"))
    wait_for_code(qtbot, editor, "date.future@information.letter_given_date")

    type_into(qtbot, editor, "reporter.comment", "Ring mor på 912 34 567")
    wait_for_code(qtbot, editor, "comment.personal_data@reporter.comment")

    # the field's own message line says it too, beside the input
    year_widget = editor.ctx.widgets["diagnoses[0].diagnosis_year"]
    assert year_widget.message.isVisibleTo(editor)
    assert str(TODAY.year) in year_widget.message.text()

    # Ferdigstill: the same slips, now errors that block completion
    qtbot.keyClick(
        editor.ctx.widgets["reporter.comment"].focus_target(),
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    qtbot.waitUntil(lambda: editor.mode == "complete", timeout=5000)
    errors = {i.key for i in editor.result.errors}
    assert "diagnosis_year.after_registration@diagnoses[0].diagnosis_year" in errors
    assert "onset_age.above_age@diagnoses[0].onset_age" in errors
    assert "date.future@information.letter_given_date" in errors
    assert panel_codes(editor)[
        "diagnosis_year.after_registration@diagnoses[0].diagnosis_year"
    ].startswith("Feil:")
    assert editor.state_label.text().startswith("Kan ikke ferdigstille")


def test_a_confirmed_live_warning_stays_confirmed_at_completion(qtbot, form):
    _main, editor = form
    type_into(qtbot, editor, "reporter.comment", "Ring mor på 912 34 567")
    key = "comment.personal_data@reporter.comment"
    wait_for_code(qtbot, editor, key)
    panel = editor.panel
    row = next(r for r in range(panel.list.count()) if panel.list.item(r).data(KEY_ROLE) == key)
    panel.list.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: key in panel.confirmed, timeout=2000)
    # typing elsewhere re-validates; the tick stays
    type_into(qtbot, editor, "patient.family_name", "Prøvesen")
    qtbot.wait(400)
    row = next(r for r in range(panel.list.count()) if panel.list.item(r).data(KEY_ROLE) == key)
    assert panel.list.item(row).checkState() == Qt.CheckState.Checked


def test_a_bad_date_is_explained_in_the_format_the_field_takes(qtbot, form):
    _main, editor = form
    type_into(qtbot, editor, "information.letter_given_date", "31.02.2024")
    text = wait_for_code(qtbot, editor, "field.type_date@information.letter_given_date")
    assert "DD.MM.ÅÅÅÅ" in text and "15.03.2024" in text
    assert "ÅÅÅÅ-MM-DD" not in text
    QApplication.processEvents()


def test_live_validation_is_fast_enough_for_the_gui_thread():
    """The measurement behind running live validation on the GUI thread (debounced): a
    full synthetic record with every plausibility rule, well below a frame (16 ms)."""
    payload = synthetic.record(random.Random(4))
    validate(payload, mode="live", typed_dates=True)  # code lists loaded once
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        validate(payload, mode="live", typed_dates=True)
    per_run = (time.perf_counter() - start) / runs
    assert per_run < 0.005, f"{per_run * 1000:.2f} ms per live validation"
