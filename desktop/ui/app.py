"""Starting the desktop application (``sjelden`` with no arguments)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from desktop.messages import Lang, choose
from desktop.storage.errors import StoreError
from desktop.storage.profile import Profile
from desktop.storage.store import Store
from desktop.ui import i18n
from desktop.ui.controller import AppController, EditorFactory


def choose_language(profile: Profile, requested: str | None = None) -> Lang:
    """Command line first, then the environment, then the profile's choice, else bokmål."""
    saved: object = None
    if profile.exists:
        with contextlib.suppress(StoreError, OSError, ValueError):
            saved = profile.info().get("language")
    return choose(requested, saved)


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Sjeldenregisteret")
    app.setApplicationDisplayName("Sjeldenregisteret")
    app.setOrganizationName("Oslo universitetssykehus")
    app.setOrganizationDomain("sjeldenregisteret.no")
    from desktop.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def registration_editor(store_source: Callable[[], Store]) -> QWidget:
    """The registration form editor (imported and built when the form is first opened)."""
    from desktop.ui.form import RegistrationEditor

    return RegistrationEditor(store_source)


def run(
    profile: str | None = None,
    *,
    language: str | None = None,
    editor_factory: EditorFactory | None = registration_editor,
) -> int:
    app = application()
    chosen = Profile.named(profile)
    i18n.install(choose_language(chosen, language))
    controller = AppController(chosen, editor_factory=editor_factory)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return int(app.exec())
