"""What the clinician's main window and the staff window share: the lock and quit signals the
controller listens to, menu actions, closing every dialog on lock, and a close button that
asks the controller to quit (so the store is closed properly)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox


class AppWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def close_dialogs(self) -> None:
        """On lock: no dialog of the window stays on screen (a half-typed passphrase, a
        message naming a patient, the sync status, an enrollment).

        Every ``QDialog`` child at any depth is closed; a dialog that can refuse to close
        (``EnrollDialog`` while an enrollment is in flight) offers ``force_close`` instead.
        Message boxes are deleted too: nobody keeps a reference to one.
        """
        for dialog in self.findChildren(QDialog):
            force_close = getattr(dialog, "force_close", None)
            if callable(force_close):
                force_close()
                continue
            dialog.done(QDialog.DialogCode.Rejected)
            if isinstance(dialog, QMessageBox):
                dialog.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.quit_requested.emit()
