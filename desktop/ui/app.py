"""Starting the desktop application (``sjelden`` with no arguments)."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from desktop.storage.errors import StoreError
from desktop.storage.profile import Profile
from desktop.ui import i18n
from desktop.ui.controller import AppController, EditorFactory

LANGUAGE_ENV = "SJELDEN_LANGUAGE"


def choose_language(profile: Profile, requested: str | None = None) -> i18n.Language:
    """Command line first, then the environment, then the profile's choice, else bokmål."""
    if requested:
        return i18n.normalize(requested)
    if os.environ.get(LANGUAGE_ENV):
        return i18n.normalize(os.environ[LANGUAGE_ENV])
    if profile.exists:
        try:
            return i18n.normalize(profile.info().get("language"))
        except (StoreError, OSError, ValueError):
            pass
    return i18n.DEFAULT_LANGUAGE


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Sjeldenregisteret")
    app.setApplicationDisplayName("Sjeldenregisteret")
    app.setOrganizationName("Oslo universitetssykehus")
    app.setOrganizationDomain("sjeldenregisteret.no")
    return app


def default_editor_factory() -> EditorFactory | None:
    """The registration form editor, if this build has it."""
    try:
        from desktop.ui.form import RegistrationEditor
    except ImportError:
        return None
    return lambda store_source: RegistrationEditor(store_source)


_DEFAULT = object()


def run(
    profile: str | None = None,
    *,
    language: str | None = None,
    editor_factory: EditorFactory | object | None = _DEFAULT,
) -> int:
    app = application()
    chosen = Profile.named(profile)
    i18n.install(choose_language(chosen, language))
    factory = default_editor_factory() if editor_factory is _DEFAULT else editor_factory
    controller = AppController(chosen, editor_factory=factory)  # type: ignore[arg-type]
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return int(app.exec())
