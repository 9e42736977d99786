"""Importing the register's key manifest from a file (file-transport clinics, a missed
root rotation).

Register keys are never installed from key files any more: the dialog reads the manifest
(off the GUI thread) and takes it into use through the same core call as ``sjelden manifest
import``, which checks it against the pinned root key and refuses an older one.
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
from sjelden_protocol.keys import fingerprint, key_id

from desktop.net.errors import SyncError
from desktop.storage.store import Store
from desktop.sync import identity, manifest, outbox
from desktop.ui import i18n
from desktop.ui.ops import BackgroundOp


@dataclass(frozen=True)
class Installed:
    fingerprint: str
    changed: bool
    stale_batches: int


def install(store: Store, path: Path) -> Installed:
    """Check and take the manifest into use (on a worker thread); raises ``SyncError``."""
    change = manifest.import_file(store, path)
    ident = store.call(identity.load, "load identity")
    shown = "" if ident is None else fingerprint(ident.register_key)
    stale = (
        0
        if ident is None
        else len(
            store.call(
                lambda c: outbox.stale_batches(c, key_id(ident.register_key)), "stale batches"
            )
        )
    )
    return Installed(shown, change.changed, stale)


class RegisterKeyDialog(QDialog):
    def __init__(self, store_source: Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store_source = store_source
        self.setWindowTitle(self.tr("Import the register's key manifest"))
        self.setAccessibleName(self.tr("Install the register's new encryption key"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Choose the key manifest file the register sent. It is checked against the "
                "register's root key; registrations waiting in the outbox are re-packed "
                "with a new key it names at the next sync."
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
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        form = QFormLayout()
        form.addRow(self.tr("&Key file:"), file_row)
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
            self, self.tr("The register's key manifest"), "", self.tr("Key manifest (*.json)")
        )
        if name:
            self.file.setText(name)

    def install(self) -> None:
        path = self.file.text().strip()
        if not path:
            self.message.setText(self.tr("Choose the key manifest file the register sent."))
            return
        store = self._store_source()
        self.install_button.setEnabled(False)
        BackgroundOp(self, lambda: install(store, Path(path))).success(self._installed).failure(
            self._failed
        ).finally_(lambda: self.install_button.setEnabled(True)).run_in_background()

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
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SyncError):
            text = f"{exc.user_message(i18n.current_language(), gui=True)} ({exc.code})"
            self.message.setText(text)
        else:
            from desktop.ui.error_dialogs import show_error

            show_error(self, exc)
