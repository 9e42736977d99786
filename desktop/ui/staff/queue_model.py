"""The review queue as a Qt table model, with the filters a registry officer works by.

The queue is what has arrived and is not yet decided; it is thousands of rows at most, so
the model holds the ``ReviewItem``s it is given and filters them in memory. The items come
from the staff store's database thread; ``clear`` forgets them all (locking relies on it).

The diagnoses column names each code ("ORPHA:558 Marfans syndrom",
``desktop.ui.diagnosis_labels``); the review panel's loader reads the ORPHA list off the GUI
thread before the items arrive, so the cells are answered from memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.forms import payload
from desktop.staff.model import Finding, ReviewItem, ReviewState
from desktop.ui.diagnosis_labels import diagnoses_text as named_diagnoses
from desktop.ui.i18n import current_language
from desktop.ui.record_model import local_time

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


def finding_label(finding: Finding) -> str:
    labels = {
        Finding.INVALID: QCoreApplication.translate("Finding", "Validation errors"),
        Finding.REVISION: QCoreApplication.translate("Finding", "New revision"),
        Finding.DUPLICATE: QCoreApplication.translate("Finding", "Possible duplicate"),
        Finding.RESERVED: QCoreApplication.translate("Finding", "Reserved person"),
        Finding.STALE: QCoreApplication.translate("Finding", "Older revision"),
    }
    return labels[finding]


def findings_text(item: ReviewItem) -> str:
    if not item.findings:
        return QCoreApplication.translate("Finding", "Clean")
    return ", ".join(finding_label(finding) for finding in item.findings)


def patient_name(item: ReviewItem) -> str:
    return payload.patient_name(item.payload).listed


def diagnoses_text(item: ReviewItem) -> str:
    """The record's ORPHA codes, each with its name in the UI language."""
    return named_diagnoses(payload.orpha_codes(item.payload), current_language())


@dataclass(frozen=True)
class QueueFilter:
    """``None`` means any."""

    state: ReviewState | None = ReviewState.PENDING
    finding: Finding | None = None
    clean_only: bool = False

    def matches(self, item: ReviewItem) -> bool:
        if self.state is not None and item.state is not self.state:
            return False
        if self.clean_only and not item.clean:
            return False
        return self.finding is None or self.finding in item.findings


# The queue shows pending items only (decided ones leave it), so there is no state column.
COLUMNS = ("findings", "name", "diagnoses", "record", "received")


def column_header(column: int) -> str:
    headers = (
        QCoreApplication.translate("ReviewQueueModel", "Checks"),
        QCoreApplication.translate("ReviewQueueModel", "Patient"),
        QCoreApplication.translate("ReviewQueueModel", "Diagnoses"),
        QCoreApplication.translate("ReviewQueueModel", "Registration"),
        QCoreApplication.translate("ReviewQueueModel", "Received"),
    )
    return headers[column]


class ReviewQueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ReviewItem] = []
        self._shown: list[ReviewItem] = []
        self.filter = QueueFilter()

    # -- data in ----------------------------------------------------------------------------

    def set_items(self, items: Sequence[ReviewItem]) -> None:
        self.beginResetModel()
        self._all = list(items)
        self._shown = [item for item in self._all if self.filter.matches(item)]
        self.endResetModel()

    def set_filter(self, query: QueueFilter) -> None:
        self.filter = query
        self.set_items(self._all)

    def clear(self) -> None:
        self.set_items([])

    def remove(self, item: ReviewItem) -> int:
        """Take a decided ``item`` out of the queue; the row it was shown at, or -1."""
        self._all = [other for other in self._all if other is not item]
        row = next((n for n, other in enumerate(self._shown) if other is item), -1)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()
        return row

    def retranslate(self) -> None:
        """After a language switch: the header and the cells (checks, diagnosis names) are
        asked for again; a model gets no ``LanguageChange`` of its own, its panel calls this."""
        columns = self.columnCount()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))

    def total(self) -> int:
        """Every item held, whatever the filter shows."""
        return len(self._all)

    def item(self, row: int) -> ReviewItem | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def shown(self) -> list[ReviewItem]:
        return list(self._shown)

    def clean_pending(self) -> list[ReviewItem]:
        return [item for item in self._all if item.clean]

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_header(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        item = self._shown[index.row()]
        if role == ITEM_ROLE:
            return item
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "diagnoses":
            return diagnoses_text(item) or None  # the whole names, where the cell elides them
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == "findings":
            return findings_text(item)
        if column == "name":
            return patient_name(item)
        if column == "diagnoses":
            return diagnoses_text(item)
        if column == "record":
            return f"{item.record_id[:8]} r{item.revision}"
        return local_time(item.origin.received_at)
