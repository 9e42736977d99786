"""The window half of ``sjelden selftest --gui``: the main window and the registration form
are built, shown and laid out by Qt, then closed, on whatever platform Qt runs (offscreen
when there is no display). No profile is opened: the form's store is never asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.messages import DEFAULT_LANG
from desktop.storage.store import Store
from desktop.ui import i18n
from desktop.ui.app import application
from desktop.ui.form import RegistrationEditor


def _no_store() -> Store:
    raise RuntimeError("the self-test opens no profile")


def open_form_window() -> int:
    """Show the form in a main window; the number of field widgets the form built."""
    app = application()
    i18n.install(DEFAULT_LANG)
    window = QMainWindow()
    editor = RegistrationEditor(_no_store)
    window.setCentralWidget(editor)
    window.resize(1280, 720)
    window.show()
    editor.show_payload({}, None)  # an empty registration, as "Ny registrering" shows it
    QApplication.processEvents()
    fields = sum(1 for _ in editor.form.iter_fields())
    if not window.isVisible() or not editor.body.isVisible():
        raise RuntimeError("the window or the form did not show")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    del app
    return fields
