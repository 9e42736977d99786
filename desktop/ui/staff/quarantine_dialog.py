"""Innboks → Forsendelser i karantene: the batches a pull could not import, with the two
things staff can do about them, right here instead of on the command line.

*Prøv igjen* imports the selected batches (or all) again after the cause is fixed (the
installation approved, the program updated): the same ``quarantine.retry`` the CLI's
``staff quarantine retry`` runs, through one ``Importer``, off the GUI thread. A batch that
is refused again stays, with its new reason. *Forkast* drops the selected batches for good
(``quarantine.discard``, audited) after a confirmation that lists them, with "Avbryt" the
default: the clinic must then send those registrations again.

The list holds batch ids, sender key ids and reasons only (the batches stay sealed); it is a
dialog of the window, so locking closes it (``AppWindow.close_dialogs``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import Lang
from desktop.staff import quarantine
from desktop.staff.errors import BatchRefused
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp
from desktop.ui.record_model import local_time
from desktop.ui.staff.confirm_dialog import ConfirmDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the quarantine id of a row


@dataclass(frozen=True)
class RetryResult:
    imported: int  # imported now, or found imported already (released either way)
    refused: list[BatchRefused]  # refused again: still in quarantine, with the new reason


def retry_all(session: StaffSession, quarantine_ids: list[str]) -> RetryResult:
    """Off the GUI thread: each batch again through one importer, as the CLI does."""
    imported = 0
    refused: list[BatchRefused] = []
    with Importer(session) as importer:
        for quarantine_id in dict.fromkeys(quarantine_ids):
            outcome = quarantine.retry(importer, quarantine_id)
            if isinstance(outcome, BatchRefused) and outcome.code != "already_imported":
                refused.append(outcome)
            else:
                imported += 1
    return RetryResult(imported, refused)


def discard_all(session: StaffSession, quarantine_ids: list[str]) -> int:
    """Off the GUI thread: drop each batch for good (one audited transaction each)."""
    register = session.register
    for quarantine_id in dict.fromkeys(quarantine_ids):
        register.call(
            functools.partial(
                quarantine.discard, quarantine_id=quarantine_id, actor=register.actor
            ),
            "discard quarantined batch",
        )
    return len(set(quarantine_ids))


def _batch(item: quarantine.Quarantined) -> str:
    return item.batch_id or item.quarantine_id


def _reason(item: quarantine.Quarantined, lang: Lang) -> str:
    """Why it is held, in the window's words (what to click, not what to type)."""
    return item.refusal().user_message(lang, gui=True)


class QuarantineDialog(QDialog):
    def __init__(
        self,
        session_source: Callable[[], StaffSession],
        parent: QWidget,
        *,
        on_changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session_source
        self._on_changed = on_changed
        self.held: list[quarantine.Quarantined] = []
        self.confirm_dialog: ConfirmDialog | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 420)

        self.intro = QLabel("", self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)

        self.retry_button = QPushButton("", self)
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button = QPushButton("", self)
        self.retry_all_button.clicked.connect(self.retry_all)
        self.discard_button = QPushButton("", self)
        self.discard_button.clicked.connect(self.confirm_discard)
        self.close_button = QPushButton("", self)
        self.close_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox(self)
        for button in (self.retry_button, self.retry_all_button, self.discard_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._retranslate()
        self._enable()

    def _retranslate(self) -> None:
        """Its words in the current language (at start and on a switch); the reasons too."""
        self.setWindowTitle(self.tr("Quarantined batches"))
        self.setAccessibleName(self.tr("Quarantined batches"))
        self.intro.setText(
            self.tr(
                "Batches that could not be imported are kept aside, encrypted. Fix the cause "
                "(for example, have the installation approved) and choose Retry; or discard "
                "a batch, and the clinic must send those registrations again."
            )
        )
        self.table.setAccessibleName(self.tr("Quarantined batches"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("In quarantine since"), self.tr("Batch"), self.tr("Reason")]
        )
        self.status.setAccessibleName(self.tr("Quarantine result"))
        self.retry_button.setText(self.tr("&Retry"))
        self.retry_button.setAccessibleName(self.tr("Retry the selected batches"))
        self.retry_all_button.setText(self.tr("Retry &all"))
        self.retry_all_button.setAccessibleName(self.tr("Retry all quarantined batches"))
        self.discard_button.setText(self.tr("&Discard…"))
        self.discard_button.setAccessibleName(self.tr("Discard the selected batches"))
        self.close_button.setText(self.tr("&Close"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        session = self._session()
        BackgroundOp(
            self, lambda: session.register.call(quarantine.listed, "quarantined batches")
        ).success(self._show).run_in_background()

    def _show(self, held: list[quarantine.Quarantined]) -> None:
        self.held = held
        self._fill()

    def _fill(self) -> None:
        selected = set(self.selected_ids())
        lang = current_language()
        self.table.setRowCount(len(self.held))
        for row, item in enumerate(self.held):
            cells = (local_time(item.quarantined_at), _batch(item), _reason(item, lang))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, item.quarantine_id)
                if column == 2:
                    cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            if item.quarantine_id in selected:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        self._enable()

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.held[row].quarantine_id for row in rows if row < len(self.held)]

    def _enable(self) -> None:
        chosen = bool(self.selected_ids())
        self.retry_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)
        self.retry_all_button.setEnabled(bool(self.held))

    def _busy(self) -> None:
        for button in (self.retry_button, self.retry_all_button, self.discard_button):
            button.setEnabled(False)

    # -- retry ------------------------------------------------------------------------------

    def retry_selected(self) -> None:
        self._retry(self.selected_ids())

    def retry_all(self) -> None:
        self._retry([item.quarantine_id for item in self.held])

    def _retry(self, ids: list[str]) -> None:
        if not ids:
            return
        session = self._session()
        self._busy()
        BackgroundOp(self, lambda: retry_all(session, ids)).with_progress(
            self.tr("Importing the batches again…")
        ).success(self._retried).finally_(self._changed).run_in_background()

    def _retried(self, result: RetryResult) -> None:
        text = self.tr("%n batch(es) imported.", "", result.imported)
        if result.refused:
            text += " " + self.tr(
                "%n refused again and still in quarantine (the reason is in the list).",
                "",
                len(result.refused),
            )
        self.status.setText(text)

    # -- discard ----------------------------------------------------------------------------

    def confirm_discard(self) -> None:
        """Ask first, naming every batch; "Avbryt" is the default (``ConfirmDialog``)."""
        ids = self.selected_ids()
        if not ids:
            return
        chosen = [item for item in self.held if item.quarantine_id in ids]
        lang = current_language()
        dialog = ConfirmDialog(
            self,
            title=self.tr("Discard quarantined batches"),
            text=self.tr(
                "Discard %n batch(es) for good? Their registrations are not imported; the "
                "clinic must send them again. This cannot be undone.",
                "",
                len(chosen),
            ),
            lines=[f"{_batch(item)} \u2013 {_reason(item, lang)}" for item in chosen],
            action=self.tr("&Discard %n batch(es)", "", len(chosen)),
        )
        dialog.accepted.connect(lambda: self.discard(ids))
        self.confirm_dialog = dialog
        dialog.open()

    def discard(self, ids: list[str]) -> None:
        session = self._session()
        self._busy()
        BackgroundOp(self, lambda: discard_all(session, ids)).success(
            lambda n: self.status.setText(self.tr("%n batch(es) discarded.", "", n))
        ).finally_(self._changed).run_in_background()

    def _changed(self) -> None:
        """After a retry or a discard: the list again, and the window's queue and counts."""
        self.reload()
        if self._on_changed is not None:
            self._on_changed()
