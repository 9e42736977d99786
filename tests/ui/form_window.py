"""The clinician's main window as the application builds it (``desktop.ui.app``): the
controller, the unlock page, a real SQLCipher store and the app's own form editor factory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from desktop.storage.profile import Profile
from desktop.storage.session import Session
from desktop.ui.controller import AppController
from desktop.ui.form import RegistrationEditor
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import PASSPHRASE
from tests.ui.test_unlock import unlock


@dataclass
class OpenApp:
    controller: AppController
    main: MainWindow

    @property
    def editor(self) -> RegistrationEditor:
        editor = self.main.form.editor
        assert isinstance(editor, RegistrationEditor)
        return editor


def open_app(qtbot, profile: Profile, clock) -> AppController:
    from desktop.ui.app import registration_editor

    profile.create(PASSPHRASE).store.close()
    session = Session(profile, clock=clock, idle_seconds=600.0)
    controller = AppController(
        profile, session, check_interval_ms=3_600_000, editor_factory=registration_editor
    )
    qtbot.addWidget(controller.gate)
    qtbot.addWidget(controller.main)
    controller.start()
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    return controller


def new_registration(qtbot, app: OpenApp) -> RegistrationEditor:
    app.main.new_action.trigger()
    qtbot.waitUntil(lambda: app.main.form.editor is not None, timeout=5000)
    editor = app.editor
    qtbot.waitUntil(lambda: editor.record_id is not None, timeout=5000)
    return editor


@pytest.fixture
def app(qtbot, profile, clock) -> Iterator[OpenApp]:
    controller = open_app(qtbot, profile, clock)
    main = controller.main
    assert isinstance(main, MainWindow)
    yield OpenApp(controller, main)
    controller.shutdown()
