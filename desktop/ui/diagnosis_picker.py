"""The diagnosis field's search-as-you-type picker, a thin Qt layer over ``DiagnosisSearch``.

The search is fast enough (p99 a few ms, see ``benchmarks/diagnosis_search.py``) to run on
every keystroke in the GUI thread; only building the index is slow, so the caller builds it
off the GUI thread and hands it in. The results are an embedded list rather than a popup so
that screen readers and keyboard users get an ordinary, focusable list.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.forms.codelists import Hit

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class HitSearch(Protocol):
    """What the picker queries: a built ``DiagnosisSearch`` or one that builds on first use."""

    def search(self, query: str, *, limit: int = ..., lang: str = ...) -> list[Hit]: ...


class DiagnosisResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            also = f" ({hit.matched})" if hit.matched != hit.label else ""
            return f"{hit.code}  {hit.label}{also}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.matched
        if role == CODE_ROLE:
            return hit.code
        if role == LIST_ROLE:
            return hit.list_id
        return None


class DiagnosisPicker(QWidget):
    """A search box over a result list; emits ``chosen(list_id, code)`` on Enter or a click."""

    chosen = Signal(str, str)

    def __init__(
        self,
        search: HitSearch,
        *,
        lang: str = "nb",
        limit: int = 20,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._lang = lang
        self._limit = limit
        self._choice: tuple[str, str] | None = None

        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Search by code, name or synonym"))
        self.query.setAccessibleName(self.tr("Search for a diagnosis"))
        self.query.setClearButtonEnabled(True)
        self.results_model = DiagnosisResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Number of matches"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self.setFocusProxy(self.query)

        self.query.textEdited.connect(self._run_search)
        self.query.returnPressed.connect(self._choose_current)
        self.results.activated.connect(self._choose_index)
        self.query.installEventFilter(self)

    def choice(self) -> tuple[str, str] | None:
        """The chosen ``(list_id, code)``, or ``None`` while nothing is chosen."""
        return self._choice

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box walks into the results, as in any search field.
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results_model.rowCount() > 0
        ):
            self.results.setFocus()
            row = self.results.currentIndex().row()
            next_row = min(row + 1, self.results_model.rowCount() - 1) if row >= 0 else 0
            self.results.setCurrentIndex(self.results_model.index(next_row))
            return True
        return super().eventFilter(watched, event)

    def _run_search(self, text: str) -> None:
        self._choice = None
        hits = self._search.search(text, limit=self._limit, lang=self._lang)
        self.results_model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.results_model.index(0))
            self.status.setText(self.tr("%n match(es)", "", len(hits)))
        else:
            self.status.setText(self.tr("No matches") if text.strip() else "")

    def _choose_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.results_model.rowCount() > 0:
            index = self.results_model.index(0)
        self._choose_index(index)

    def _choose_index(self, index: QModelIndex) -> None:
        hit = self.results_model.hit(index.row()) if index.isValid() else None
        if hit is None:
            return
        self._choice = (hit.list_id, hit.code)
        self.query.setText(f"{hit.code} {hit.label}")
        self.query.setFocus()
        self.chosen.emit(hit.list_id, hit.code)
