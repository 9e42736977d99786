"""Unlocking with the printed recovery key, which also sets a new passphrase.

This is the way back for a forgotten passphrase and for a key lost from the keyring (a new
Windows profile, a wiped keychain): the new passphrase seal is saved anew.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.storage.errors import StoreError
from desktop.storage.session import Session
from desktop.storage.store import Store
from desktop.ui.error_dialogs import show_error
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp
from desktop.ui.passphrase_fields import PassphrasePair
from desktop.ui.setup_page import heading, paragraph
from desktop.ui.unlock_page import ERROR_STYLE


class RecoveryPage(QWidget):
    unlocked = Signal()
    back_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key_field = QLineEdit(self)
        self.key_field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        self.passphrases = PassphrasePair(self)
        self.message = paragraph("", self, self.tr("Recovery problem"))
        self.message.setStyleSheet(ERROR_STYLE)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.back_button.setAccessibleName(self.tr("Back to unlocking with the passphrase"))
        self.back_button.clicked.connect(self.back_requested)
        self.unlock_button = QPushButton(self.tr("Unlock and set &new passphrase"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock and set new passphrase"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_recover)
        self.passphrases.second.returnPressed.connect(self.try_recover)

        form = QFormLayout()
        form.addRow(self.tr("Recovery &key:"), self.key_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Unlock with the recovery key"), self))
        layout.addWidget(
            paragraph(
                self.tr(
                    "Type the recovery key from the sheet you printed at set-up (dashes and "
                    "spaces do not matter), then choose a new passphrase."
                ),
                self,
                self.tr("How to recover"),
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.passphrases)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setTabOrder(self.key_field, self.passphrases.first)
        self.setTabOrder(self.passphrases.second, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.back_button)

    def prepare(self) -> None:
        self.key_field.clear()
        self.passphrases.clear()
        self.message.clear()
        self.key_field.setFocus()

    def try_recover(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        key = self.key_field.text().strip()
        if not key:
            self.message.setText(self.tr("Type the recovery key first."))
            self.key_field.setFocus()
            return
        passphrase = self.passphrases.passphrase()
        if passphrase is None:
            return
        session = self.session
        self.unlock_button.setEnabled(False)
        (
            BackgroundOp(self, lambda: session.unlock_with_recovery(key, passphrase))
            .success(self._unlocked)
            .failure(self._failed)
            .finally_(lambda: self.unlock_button.setEnabled(True))
            .run_in_background()
        )

    def _unlocked(self, _store: Store) -> None:
        self.prepare()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self.message.setText(exc.user_message(current_language(), gui=True))
            self.key_field.setFocus()
        else:
            show_error(self, exc)
