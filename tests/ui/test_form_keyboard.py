"""Field help by keyboard on the real main window (issue 16, point 6): the help line under
the form follows the focus, and F1 shows the focused field's help beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.form_window import OpenApp, app, new_registration

__all__ = ["app"]  # the fixture

MUNICIPALITY_HELP = "Kommunenummeret som gjaldt på registreringsdatoen."


def test_the_help_line_follows_the_focus_and_f1_shows_the_help(qtbot, app: OpenApp):
    editor = new_registration(qtbot, app)
    field = editor.ctx.widgets["patient.municipality"]
    assert field.help == MUNICIPALITY_HELP
    field.focus_target().setFocus()
    qtbot.waitUntil(lambda: MUNICIPALITY_HELP in editor.help_line.text(), timeout=2000)
    assert editor.help_line.text().startswith("Bostedskommune")
    assert editor.help_line.isVisibleTo(app.main)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert MUNICIPALITY_HELP in QToolTip.text()
    QToolTip.hideText()

    # Tab on: the next field's own words (a field without help names itself)
    editor.ctx.widgets["patient.family_name"].focus_target().setFocus()
    qtbot.waitUntil(
        lambda: editor.help_line.text() == "Etternavn: Som i Folkeregisteret.", timeout=2000
    )
    editor.ctx.widgets["patient.phone"].focus_target().setFocus()
    qtbot.waitUntil(lambda: editor.help_line.text() == "Telefon", timeout=2000)
    # a choice drawn as radio buttons is found from the button that has the focus
    sex = editor.ctx.widgets["patient.sex"]
    sex.focus_widgets()[0].setFocus()
    qtbot.waitUntil(lambda: editor.help_line.text().startswith("Kjønn"), timeout=2000)
