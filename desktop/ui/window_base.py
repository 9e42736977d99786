"""What the clinician's main window and the staff window share: the lock and quit signals the
controller listens to, menu actions, the settings dialogs they close on lock, and a close
button that asks the controller to quit (so the store is closed properly)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop.ui.settings_dialogs import AutoLockDialog, ChangePassphraseDialog


class AppWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()

    def _action(self, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def close_settings_dialogs(self) -> None:
        """On lock: a half-typed passphrase change must not stay on screen."""
        for dialog in self.findChildren(ChangePassphraseDialog) + self.findChildren(AutoLockDialog):
            dialog.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.quit_requested.emit()
