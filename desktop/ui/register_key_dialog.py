"""Installing the register's new encryption key after a key rotation.

The register sends a new ``register.pub`` with a letter giving its fingerprint. The dialog
reads the file (off the GUI thread), refuses a wrong or swapped file and a fingerprint that
does not match what the user typed from the letter, pins the key through the same core call
as ``sjelden register-key add``, and says how many waiting batches the next sync re-packs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.net.errors import SyncError
from desktop.storage.store import Store
from desktop.sync import keyfiles
from desktop.ui import i18n
from desktop.ui.ops import BackgroundOp


@dataclass(frozen=True)
class Installed:
    fingerprint: str
    changed: bool
    stale_batches: int


def install(store: Store, path: Path, expected_fingerprint: str | None) -> Installed:
    """Load, compare and pin the key (on a worker thread); raises ``SyncError``."""
    key = keyfiles.load_register_key(path)
    shown = keyfiles.check_fingerprint(key, expected_fingerprint)
    installed = keyfiles.install_register_key(store, key)
    return Installed(shown, installed.change.changed, installed.stale_batches)


class RegisterKeyDialog(QDialog):
    def __init__(self, store_source: Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store_source = store_source
        self.setWindowTitle(self.tr("Install the register's new key"))
        self.setAccessibleName(self.tr("Install the register's new encryption key"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "The register has sent a new encryption key file (register.pub) with a letter. "
                "Choose the file and type the fingerprint from the letter; registrations "
                "waiting in the outbox are re-packed with the new key at the next sync."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.file = QLineEdit(self)
        self.file.setAccessibleName(self.tr("Key file"))
        browse = QPushButton(self.tr("&Choose…"), self)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.expected = QLineEdit(self)
        self.expected.setAccessibleName(self.tr("Fingerprint from the letter"))
        self.expected.setPlaceholderText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        form = QFormLayout()
        form.addRow(self.tr("&Key file:"), file_row)
        form.addRow(self.tr("&Fingerprint:"), self.expected)
        self.buttons = QDialogButtonBox(self)
        self.install_button = self.buttons.addButton(
            self.tr("&Install"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.install_button.clicked.connect(self.install)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The register's key file"), "", self.tr("Public key (*.pub)")
        )
        if name:
            self.file.setText(name)

    def install(self) -> None:
        path = self.file.text().strip()
        if not path:
            self.message.setText(self.tr("Choose the key file that came with the letter."))
            return
        expected = self.expected.text().strip() or None
        store = self._store_source()
        self.install_button.setEnabled(False)
        BackgroundOp(self, lambda: install(store, Path(path), expected)).success(
            self._installed
        ).failure(self._failed).finally_(
            lambda: self.install_button.setEnabled(True)
        ).run_in_background()

    def _installed(self, result: Installed) -> None:
        text = self.tr("Installed. Fingerprint: %1.").replace("%1", result.fingerprint)
        if not result.changed:
            text += " " + self.tr("This key was already the one in use.")
        elif result.stale_batches:
            text += " " + self.tr(
                "%n waiting batch(es) will be re-packed with the new key at the next sync.",
                "",
                result.stale_batches,
            )
        if not self.expected.text().strip():
            text += " " + self.tr("Compare the fingerprint with the register's letter.")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SyncError):
            text = f"{exc.user_message(i18n.current_language())} ({exc.code})"
            if exc.code == "register_key_mismatch":
                text += " " + self.tr("The file's fingerprint: %1").replace("%1", exc.detail)
            self.message.setText(text)
        else:
            from desktop.ui.error_dialogs import show_error

            show_error(self, exc)
