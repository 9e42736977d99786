"""The window shown while no store is open: first-run set-up, unlock, or recovery.

It is a separate window from the main one so that while locked no widget that ever showed
patient data is even visible; the main window is hidden and its models emptied.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop.storage.session import Session
from desktop.ui.recovery_page import RecoveryPage
from desktop.ui.setup_page import SetupPage
from desktop.ui.unlock_page import UnlockPage


class GateWindow(QWidget):
    opened = Signal()  # the session now holds an open store

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sjeldenregisteret"))
        self.setWindowIcon(QIcon.fromTheme("dialog-password"))
        self.setAccessibleName(self.tr("Sjeldenregisteret: start"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.setup = SetupPage(session, self)
        self.unlock = UnlockPage(session, self)
        self.recovery = RecoveryPage(session, self)
        for page in (self.setup, self.unlock, self.recovery):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.setup.completed.connect(self.opened)
        self.unlock.unlocked.connect(self.opened)
        self.recovery.unlocked.connect(self.opened)
        self.unlock.recovery_requested.connect(self.show_recovery)
        self.recovery.back_requested.connect(self.show_unlock)

    def show_setup(self) -> None:
        self.pages.setCurrentWidget(self.setup)
        self.setWindowTitle(self.tr("Sjeldenregisteret: set-up"))
        self.setup.passphrases.first.setFocus()

    def show_unlock(self) -> None:
        self.pages.setCurrentWidget(self.unlock)
        self.setWindowTitle(self.tr("Sjeldenregisteret: locked"))
        self.unlock.prepare()

    def show_recovery(self) -> None:
        self.pages.setCurrentWidget(self.recovery)
        self.setWindowTitle(self.tr("Sjeldenregisteret: recovery"))
        self.recovery.prepare()
