"""File transport from the window: batches out to a folder, receipts and feedback back in.

Clinics without a connection to the inbox (or whose network is down for long) move the same
signed, encrypted batches by USB stick or secure e-mail. Before this the window had no way to
do it and such a clinic needed the CLI (``sjelden export-batch`` / ``import-receipt``). Both
actions call the same core functions as the CLI (``desktop.sync.transport_file``) on a worker
thread, so the file-system faults (a full or write-protected stick, a file that is a folder)
read the same coded message in both, and a failed export leaves every batch pending.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.net.errors import SyncError
from desktop.storage.store import Store
from desktop.sync import transport_file
from desktop.ui import i18n
from desktop.ui.ops import BackgroundOp


class FileTransport(QObject):
    """The two actions of the Sync menu; ``done`` runs after each (refresh counters, list)."""

    def __init__(self, parent: QWidget, store: Store, done: Callable[[], None]) -> None:
        super().__init__(parent)
        self._window = parent
        self._store = store
        self._done = done

    def _finish(self) -> None:
        self._done()
        self.deleteLater()  # one object per action: nothing accumulates on the window

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """Window-modal, not blocking: the list and the sync bar keep updating behind it."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _failed(self, title: str) -> Callable[[BaseException], None]:
        def show(exc: BaseException) -> None:
            if isinstance(exc, SyncError):
                text = f"{exc.user_message(i18n.current_language(), gui=True)} ({exc.code})"
                self._tell(QMessageBox.Icon.Warning, title, text)
            else:
                from desktop.ui.error_dialogs import show_error

                show_error(self._window, exc)

        return show

    def export_batches(self, folder: str | None = None) -> None:
        """Ask for a folder (unless given) and write every pending batch there."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self._window, self.tr("Folder for the batches (encrypted; for example a USB stick)")
            )
        if not folder:
            self.deleteLater()
            return
        chosen = folder
        title = self.tr("Export batches")
        store = self._store

        def exported(result: transport_file.ExportResult) -> None:
            count, not_sealed = len(result.files), result.not_sealed
            if count:
                text = self.tr(
                    "%n batch(es) written to %1. Send the files to the register as agreed; the "
                    "receipt comes back as a file to import.",
                    "",
                    count,
                ).replace("%1", chosen)
            else:
                text = self.tr("Nothing to send: no completed registrations are waiting.")
            if not_sealed:
                text += "\n\n" + self.tr(
                    "%n completed registration(s) could not be packed because the profile is "
                    "read-only; they go next time the profile can be written.",
                    "",
                    not_sealed,
                )
            self._tell(QMessageBox.Icon.Information, title, text)

        BackgroundOp(
            self._window, lambda: transport_file.export_batches(store, Path(chosen))
        ).success(exported).failure(self._failed(title)).finally_(self._finish).run_in_background()

    def import_files(self, names: list[str] | None = None) -> None:
        """Ask for receipt/feedback files (unless given) and take them in, one after another."""
        if names is None:
            names, _ = QFileDialog.getOpenFileNames(
                self._window,
                self.tr("Receipts or feedback from the register"),
                "",
                self.tr("Files from the register (*.json);;All files (*)"),
            )
        if not names:
            self.deleteLater()
            return
        title = self.tr("Import from the register")
        chosen = [Path(name) for name in names]
        store = self._store

        def run() -> transport_file.ImportResult:
            results = [transport_file.import_file(store, path) for path in chosen]
            return transport_file.ImportResult(
                sum(r.receipts for r in results),
                sum(r.feedback_documents for r in results),
                sum(r.accepted for r in results),
                sum(r.rejected for r in results),
                sum(r.purged for r in results),
                sum(r.purged_revisions for r in results),
            )

        def imported(result: transport_file.ImportResult) -> None:
            receipts, documents = result.receipts, result.feedback_documents
            accepted, rejected = result.accepted, result.rejected
            lines = [
                self.tr("Receipts: %n", "", receipts),
                self.tr("Feedback documents: %n", "", documents),
                self.tr("Accepted by the register: %n", "", accepted),
                self.tr("Rejected by the register: %n", "", rejected),
            ]
            purged = result.purged
            if purged:
                lines.append(
                    self.tr(
                        "Deleted from this PC because the person has reserved themselves "
                        "against the register: %n",
                        "",
                        purged,
                    )
                )
            if result.purged_revisions:
                lines.append(
                    self.tr(
                        "Earlier revisions deleted because the person in them has reserved "
                        "themselves against the register (the registrations are kept): %n",
                        "",
                        result.purged_revisions,
                    )
                )
            self._tell(QMessageBox.Icon.Information, title, "\n".join(lines))

        BackgroundOp(self._window, run).success(imported).failure(self._failed(title)).finally_(
            self._finish
        ).run_in_background()
