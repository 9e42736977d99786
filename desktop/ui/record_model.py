"""The record list as a Qt model, loaded page by page from the store.

Rows are fetched with ``fetchMore`` as the view scrolls, so a profile with 100,000
registrations opens as fast as one with ten. Pages are keyset pages: the next page is the
rows after the last one loaded (``records.list_rows(after=...)``), an index seek as fast at
row 90,000 as at row 0, where ``OFFSET`` would walk every skipped row. A sort or filter
change starts again from the first page. The rows are kept as the store returns them
(``RecordRow``), one object per row and nothing more.

Every query runs on the database thread via ``Op``; results that belong to an older query
(sorting changed, search typed, the app locked) are recognised by a generation number and
dropped. ``clear`` removes every row from memory, which is what locking relies on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.storage import records
from desktop.storage.records import RecordRow, RecordStatus, SortKey
from desktop.ui.error_dialogs import show_error
from desktop.ui.ops import Op

PAGE_SIZE = 200
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


def status_label(status: RecordStatus) -> str:
    labels = {
        RecordStatus.DRAFT: QCoreApplication.translate("RecordStatus", "Draft"),
        RecordStatus.COMPLETED: QCoreApplication.translate("RecordStatus", "Completed"),
        RecordStatus.QUEUED: QCoreApplication.translate("RecordStatus", "Queued"),
        RecordStatus.SENT: QCoreApplication.translate("RecordStatus", "Sent"),
        RecordStatus.ACCEPTED: QCoreApplication.translate("RecordStatus", "Accepted"),
        RecordStatus.REJECTED: QCoreApplication.translate("RecordStatus", "Rejected"),
    }
    return labels[status]


def display_date(iso: str | None) -> str:
    """Norwegian date order (dd.mm.yyyy) whatever the UI language: it is a Norwegian form."""
    if not iso or len(iso) < 10:
        return iso or ""
    return f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}"


@dataclass(frozen=True)
class Query:
    status: RecordStatus | None = None
    search: str = ""
    order_by: SortKey = "updated_at"
    descending: bool = True


SORT_KEYS: tuple[SortKey, ...] = ("status", "display_name", "registered_on", "diagnosis")


def column_header(column: int) -> str:
    headers = (
        QCoreApplication.translate("RecordTableModel", "Status"),
        QCoreApplication.translate("RecordTableModel", "Name"),
        QCoreApplication.translate("RecordTableModel", "Registration date"),
        QCoreApplication.translate("RecordTableModel", "Diagnosis"),
    )
    return headers[column]


class RecordTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    total_changed = Signal(int)  # registrations in the profile, for the status bar

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.query = Query()
        self._rows: list[RecordRow] = []
        self._generation = 0
        self._exhausted = True
        self._loading = False
        self._active = False
        self.parent_widget = parent

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_header(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == 0:
                return status_label(row.status)
            if column == 1:
                return row.display_name or QCoreApplication.translate(
                    "RecordTableModel", "(no name yet)"
                )
            if column == 2:
                return display_date(row.registered_on)
            return row.diagnosis
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role == STATUS_ROLE:
            return row.status
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._active and not self._exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore() or self._loading:
            return
        self._fetch_page()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self.set_query(
            replace(
                self.query,
                order_by=SORT_KEYS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )

    # -- loading ----------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Unlocked and showing rows (``False`` after ``clear``)."""
        return self._active

    @property
    def loading(self) -> bool:
        return self._loading

    def record_id(self, row: int) -> str:
        return self._rows[row].record_id

    def set_query(self, query: Query) -> None:
        self.query = query
        if self._active:
            self.reload()

    def reload(self) -> None:
        """Start over with the current query (after a change, or when unlocked)."""
        self._active = True
        self._reset()
        self._exhausted = False
        self._fetch_page()
        Op(self.parent_widget, lambda conn: records.count(conn)).success(
            self.total_changed.emit
        ).run_in_background()

    def clear(self) -> None:
        """Forget every row (on lock); nothing is fetched again until ``reload``."""
        self._active = False
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._exhausted = True
        self._set_loading(False)
        self.endResetModel()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _fetch_page(self) -> None:
        generation = self._generation
        query = self.query
        after = self._rows[-1] if self._rows else None
        limit = self.page_size
        self._set_loading(True)

        def page(conn: Any) -> list[RecordRow]:
            return page_query(conn, query, after=after, limit=limit)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_loading(False)
                self._exhausted = True
            if self._active:
                show_error(self.parent_widget, exc)

        Op(self.parent_widget, page, operation="list records").success(
            lambda rows: self._append(generation, rows)
        ).failure(failed).run_in_background()

    def _append(self, generation: int, rows: list[RecordRow]) -> None:
        if generation != self._generation:
            return  # an answer to a query nobody is asking any more
        self._exhausted = len(rows) < self.page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(False)  # last, so listeners see the new rows


def page_query(conn: Any, query: Query, *, after: RecordRow | None, limit: int) -> list[RecordRow]:
    """The page after ``after`` (the last row loaded; ``None``: the first page) for ``query``.

    A keyset seek at any depth; the store keeps rows without a sort value (a draft without a
    registration date) in the seek's order too.
    """
    return records.list_rows(
        conn,
        status=query.status,
        search=query.search or None,
        order_by=query.order_by,
        descending=query.descending,
        limit=limit,
        after=after,
    )
