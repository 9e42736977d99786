"""Poststed from postnummer on the real main window (issue 16, point 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.storage import records
from tests.ui.form_window import OpenApp, app, new_registration

__all__ = ["app"]  # the fixture

CODE, PLACE = "patient.address.postal_code", "patient.address.postal_place"


def type_into(qtbot, editor, path: str, text: str) -> None:
    target = editor.ctx.widgets[path].focus_target()
    target.setFocus()
    target.selectAll()
    if text:
        qtbot.keyClicks(target, text)  # replaces the selection
    else:
        qtbot.keyClick(target, Qt.Key.Key_Backspace)


def test_the_town_follows_the_postal_code_until_the_clinician_types_one(qtbot, app: OpenApp):
    editor = new_registration(qtbot, app)
    place = editor.ctx.widgets[PLACE]
    type_into(qtbot, editor, CODE, "701")
    assert place.input.text() == ""
    type_into(qtbot, editor, CODE, "7010")
    assert place.input.text() == "TRONDHEIM"
    assert editor.ctx.binder.payload["patient"]["address"]["postal_place"] == "TRONDHEIM"
    # a new code moves the town it filled in; an unknown one takes it away again
    type_into(qtbot, editor, CODE, "0150")
    assert place.input.text() == "OSLO"
    type_into(qtbot, editor, CODE, "0000")
    assert place.input.text() == ""
    assert editor.ctx.binder.payload["patient"]["address"].get("postal_place") is None
    # a town the clinician typed stays
    type_into(qtbot, editor, PLACE, "Prøvestad")
    type_into(qtbot, editor, CODE, "5003")
    assert place.input.text() == "Prøvestad"

    # and the filled-in town is saved with the draft like a typed one
    type_into(qtbot, editor, PLACE, "")
    type_into(qtbot, editor, CODE, "9170")
    assert place.input.text() == "LONGYEARBYEN"
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_now()
    store = app.controller.session.store
    saved = store.call(lambda conn: records.get(conn, editor.record_id), "test read")
    assert saved.payload["patient"]["address"]["postal_place"] == "LONGYEARBYEN"
