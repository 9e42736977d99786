"""The window shown while no store is open: first-run set-up, unlock, or recovery.

It is a separate window from the main one so that while locked no widget that ever showed
patient data is even visible; the main window is hidden and its models emptied.

A language switch (Innstillinger → Språk, made while unlocked, so this window is hidden and
its fields are empty) rebuilds the pages in the new language, so the next lock speaks it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
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
        self.session = session
        self.setWindowTitle(self.tr("Sjeldenregisteret"))
        self.setWindowIcon(QIcon.fromTheme("dialog-password"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._build_pages()

    def _build_pages(self) -> None:
        session = self.session
        self.setAccessibleName(self.tr("Sjeldenregisteret: start"))
        self.setup = SetupPage(session, self)
        self.unlock = UnlockPage(session, self)
        self.recovery = RecoveryPage(session, self)
        for page in (self.setup, self.unlock, self.recovery):
            self.pages.addWidget(page)
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.isHidden():
            QTimer.singleShot(0, self, self._rebuild_pages)  # after the event reached them
        super().changeEvent(event)

    def _rebuild_pages(self) -> None:
        """The pages again in the current language; only while hidden (nothing typed)."""
        if not self.isHidden():
            return
        for page in (self.setup, self.unlock, self.recovery):
            self.pages.removeWidget(page)
            page.deleteLater()
        self._build_pages()
