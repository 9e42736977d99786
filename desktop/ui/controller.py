"""Who is on screen when: set-up, unlock, the main window, and locking in between.

The controller takes its ``Profile`` and ``Session`` from outside, so tests drive the real
application flow with an in-memory keyring, a fast key derivation and a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from desktop.storage.profile import Profile
from desktop.storage.session import Session
from desktop.storage.store import Store
from desktop.ui import ops
from desktop.ui.auto_lock import CHECK_INTERVAL_MS, AutoLock
from desktop.ui.gate_window import GateWindow
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.ui.staff.window import StaffWindow

# Builds the form editor given where to find the open store (see ``form_host.FormEditor``).
EditorFactory = Callable[[Callable[[], Store]], QWidget]


class AppController(QObject):
    def __init__(
        self,
        profile: Profile,
        session: Session | None = None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        editor_factory: EditorFactory | None = None,
    ) -> None:
        super().__init__()
        self.profile = profile
        self._shut_down = False
        self.session = session if session is not None else Session(profile)
        self.gate = GateWindow(self.session)
        self.main: MainWindow | StaffWindow
        if profile.exists and profile.kind == "staff":
            # Registry staff get their own window; a staff store never shows the clinic form.
            # Imported here so a clinician's start-up never loads the staff import.
            from desktop.ui.staff.window import StaffWindow

            self.main = StaffWindow(self.session)
        else:
            self.main = MainWindow(self.session)
            if editor_factory is not None:
                self.main.form.set_editor_factory(
                    lambda: editor_factory(lambda: self.session.store)
                )
        self.auto_lock = AutoLock(
            self.session,
            self,
            interval_ms=check_interval_ms,
            before_lock=self.main.about_to_lock,
        )
        self.session.on_lock.append(self._on_locked)
        ops.set_store_source(lambda: self.session.store)
        self.gate.opened.connect(self._on_opened)
        self.main.lock_requested.connect(self.lock)
        self.main.quit_requested.connect(self.quit)

    def start(self) -> None:
        if self.profile.exists:
            self.gate.show_unlock()
        else:
            self.gate.show_setup()
        self.gate.show()

    def _on_opened(self) -> None:
        self.gate.hide()
        self.main.show()
        self.main.activate()
        self.auto_lock.start()

    def lock(self) -> None:
        if self.session.locked:
            return
        self.main.about_to_lock()
        self.session.lock()  # runs _on_locked through the session's callbacks

    def _on_locked(self) -> None:
        self.auto_lock.stop()
        self.main.deactivate()
        self.gate.show_unlock()
        self.gate.show()
        self.gate.raise_()

    def quit(self) -> None:
        self.shutdown()
        QApplication.quit()

    def shutdown(self) -> None:
        """Close the store (finishing queued work) and every window; safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        self.auto_lock.stop()
        if self._on_locked in self.session.on_lock:
            self.session.on_lock.remove(self._on_locked)
        if not self.session.locked:
            self.main.about_to_lock()
            self.session.lock()
        self.main.deactivate()
        ops.wait_for_background_work()
        ops.set_store_source(None)
        self.main.hide()
        self.gate.hide()
        self.main.deleteLater()
        self.gate.deleteLater()
