"""Unlocking with the passphrase, with the store's slow-down shown as a countdown.

The slow-down is enforced by the profile (it survives restarts); this page only mirrors it,
re-reading ``retry_delay`` every second so the button comes back exactly when an attempt
is allowed again.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.errors import (
    KeyMaterialMissing,
    OlderThanKnown,
    StoreError,
    TooManyAttempts,
)
from desktop.storage.session import Session
from desktop.storage.store import Store
from desktop.ui.error_dialogs import show_error
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp
from desktop.ui.passphrase_fields import password_field
from desktop.ui.setup_page import heading, paragraph

ERROR_STYLE = "color: #b00020;"


class UnlockPage(QWidget):
    unlocked = Signal()
    recovery_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.passphrase = password_field(self, self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.message = paragraph("", self, self.tr("Unlock problem"))
        self.message.setStyleSheet(ERROR_STYLE)
        self.countdown = paragraph("", self, self.tr("Time until the next attempt"))
        self.recovery_button = QPushButton(self.tr("Use &recovery key"), self)
        self.recovery_button.setFlat(True)
        self.recovery_button.setAccessibleName(self.tr("Use recovery key"))
        self.recovery_button.clicked.connect(self.recovery_requested)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sjeldenregisteret is locked"), self))
        layout.addWidget(
            paragraph(
                self.tr("Type your passphrase to open the registrations on this PC."),
                self,
                self.tr("How to unlock"),
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.recovery_button)

    def prepare(self) -> None:
        """Called whenever the page is shown: a clean field and the current slow-down."""
        self.passphrase.clear()
        self.message.clear()
        self._tick()
        self.passphrase.setFocus()

    def try_unlock(self, *, accept_loss: bool = False) -> None:
        if self._busy or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Type your passphrase first."))
            return
        session = self.session
        self._set_busy(True)
        (
            BackgroundOp(self, lambda: session.unlock(passphrase, accept_loss=accept_loss))
            .success(self._unlocked)
            .failure(self._failed)
            .finally_(lambda: self._set_busy(False))
            .run_in_background()
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self.unlock_button.setEnabled(False)
            self.countdown.setText(self.tr("Unlocking…"))
        else:
            self._tick()  # re-enables the button unless a slow-down now applies

    def _unlocked(self, _store: Store) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        if isinstance(exc, TooManyAttempts):
            self.message.setText(self.tr("Too many failed attempts."))
        elif isinstance(exc, OlderThanKnown):
            self.message.setText(self.tr("The database was not opened: changes are missing."))
            self._offer_to_accept_the_loss(exc)
        elif isinstance(exc, StoreError):
            self.message.setText(exc.user_message(current_language(), gui=True))
            if isinstance(exc, KeyMaterialMissing):
                self.recovery_button.setFocus()
        else:
            show_error(self, exc)

    def _tick(self) -> None:
        wait = self.session.profile.retry_delay() if self.session.profile.exists else 0.0
        if wait > 0:
            seconds = math.ceil(wait)
            self.countdown.setText(self.tr("You can try again in %n second(s).", "", seconds))
            self.unlock_button.setEnabled(False)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            if not self._busy:
                self.countdown.clear()
                self.unlock_button.setEnabled(True)

    def _offer_to_accept_the_loss(self, exc: OlderThanKnown) -> None:
        """Say what is missing and where the backup is; opening anyway is never the default.

        The CLI's way out (``unlock-check --accept-data-loss``) in the window's own words: a
        clinician who cannot restore the backup must still be able to reach the records
        that are there, but only by choosing it.
        """
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changes are missing"), "", parent=self)
        box.setText(
            self.tr(
                "The database is older than its last known state: %n change(s) are missing "
                "(the file was emptied, replaced or rolled back). It was not opened.",
                "",
                exc.missing,
            )
        )
        if exc.backup is not None:
            advice = self.tr(
                "Restore the backup %1 with the help of support, or open the database as it "
                "is and accept that the missing changes are gone."
            ).replace("%1", str(exc.backup))
        else:
            advice = self.tr(
                "There is no backup in the profile folder. Contact support, or open the "
                "database as it is and accept that the missing changes are gone."
            )
        box.setInformativeText(advice)
        self.accept_loss_button = box.addButton(
            self.tr("&Open anyway, accepting the loss"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep_closed = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep_closed)
        box.setEscapeButton(keep_closed)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        accept = self.accept_loss_button

        def chosen(_result: int) -> None:
            if box.clickedButton() is accept:
                self.try_unlock(accept_loss=True)

        box.finished.connect(chosen)
        box.open()
