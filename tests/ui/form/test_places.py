"""The municipality picker offers the list in force on the record's registration date and
finds a municipality by every official name form (issue 12 point 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.forms.record import new_record

MUNICIPALITY = "patient.municipality"


def _open(editor, registration_date: str, municipality: str | None = None) -> None:
    payload = new_record(form=editor.form)
    payload["reporter"]["registration_date"] = registration_date
    if municipality:
        payload["patient"] = {"municipality": municipality}
    editor.show_payload(payload, None)


def _codes(field) -> set[str]:
    return {field.input.itemData(row) for row in range(field.input.count())}


def test_a_2023_registration_offers_and_shows_lillestrom_3030(qtbot, editor) -> None:
    _open(editor, "2023-05-01", "3030")
    field = editor.ctx.widgets[MUNICIPALITY]
    assert field.input.currentText() == "Lillestrøm (3030)"
    assert "3030" in _codes(field) and "3205" not in _codes(field)
    _open(editor, "2025-05-01")
    assert "3205" in _codes(field) and "3030" not in _codes(field)


def test_a_municipality_is_found_by_its_sami_name(qtbot, editor) -> None:
    _open(editor, "2023-05-01")
    field = editor.ctx.widgets[MUNICIPALITY]
    field.input.setFocus()
    field.input.lineEdit().clear()
    qtbot.keyClicks(field.input.lineEdit(), "Guovdageaidnu")
    qtbot.keyClick(field.input.lineEdit(), Qt.Key.Key_Tab)
    assert editor.ctx.binder.get(("patient", "municipality")) == "5430"
