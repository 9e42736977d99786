"""The list of registrations: search, status filter and a sortable, lazily loaded table.

Above the table the shell may place a header (the sync bar, ``set_header``) and a notice
(``show_notice``): e.g. after a sync brought rejections, with a button that filters the list
to them. The last column (the register's note) is not sortable.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.records import RecordStatus
from desktop.ui.record_model import (
    RECORD_ID_ROLE,
    SORT_KEYS,
    RecordTableModel,
    status_label,
)
from desktop.ui.tables import row_table, sortable

SEARCH_DELAY_MS = 300  # one query after typing pauses, not one per key


class RecordListPanel(QWidget):
    open_requested = Signal(str)  # record id
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordTableModel(self)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        search_label = self.search_label = QLabel(self)
        search_label.setBuddy(self.search)

        self.status_filter = QComboBox(self)
        self.status_filter.addItem("", None)
        for status in RecordStatus:
            self.status_filter.addItem("", status)
        status_label_widget = self.status_caption = QLabel(self)
        status_label_widget.setBuddy(self.status_filter)

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_requested)

        self.table = row_table(self, self.model, "", (110, 280, 140, 260))
        sortable(self.table)
        horizontal = self.table.horizontalHeader()
        horizontal.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._activated)
        self._sorted_by = (horizontal.sortIndicatorSection(), horizontal.sortIndicatorOrder())
        horizontal.sortIndicatorChanged.connect(self._sort_indicator_changed)

        self.notice = QFrame(self)
        self.notice.setObjectName("listNotice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setStyleSheet("QFrame#listNotice { background: #fff4ce; }")
        self.notice_text = QLabel(self.notice)
        self.notice_text.setWordWrap(True)
        self.notice_show = QPushButton(self.notice)
        self.notice_show.clicked.connect(self._show_notice_rows)
        self.notice_close = QPushButton(self.notice)
        self.notice_close.clicked.connect(self.hide_notice)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(8, 4, 8, 4)
        notice_layout.addWidget(self.notice_text, 1)
        notice_layout.addWidget(self.notice_show)
        notice_layout.addWidget(self.notice_close)
        self.notice.hide()
        self._notice_status: RecordStatus | None = None

        self.empty_hint = QLabel("", self)
        self._retranslate()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.model.loading_changed.connect(self._update_hint)
        self.model.modelReset.connect(self._update_hint)

        bar = QHBoxLayout()
        bar.addWidget(search_label)
        bar.addWidget(self.search, 2)
        bar.addWidget(status_label_widget)
        bar.addWidget(self.status_filter, 1)
        bar.addStretch(0)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.notice)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.new_button)
        self.setTabOrder(self.new_button, self.table)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        status = self.status_filter.currentData()  # Qt hands the enum back as a plain str
        self.model.set_query(
            replace(
                self.model.query,
                search=self.search.text().strip(),
                status=RecordStatus(status) if status else None,
            )
        )

    def activate(self) -> None:
        """Load the first page (after unlocking)."""
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.model.reload()

    def set_header(self, widget: QWidget) -> None:
        """Put ``widget`` (the sync bar) at the very top, above the notice and the search."""
        self._layout.insertWidget(0, widget)

    def show_notice(self, text: str, status: RecordStatus | None = None) -> None:
        """A notice above the list; with ``status``, a button filters the list to it."""
        self.notice_text.setText(text)
        self._notice_status = status
        self.notice_show.setVisible(status is not None)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
        self.notice_text.clear()
        self._notice_status = None

    def _show_notice_rows(self) -> None:
        if self._notice_status is not None:
            self.status_filter.setCurrentIndex(self.status_filter.findData(self._notice_status))
        self.hide_notice()
        self.table.setFocus()

    def _sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        """The note column cannot be sorted by: put the indicator back where it was."""
        header = self.table.horizontalHeader()
        if section >= len(SORT_KEYS):
            header.blockSignals(True)
            header.setSortIndicator(*self._sorted_by)
            header.blockSignals(False)
        else:
            self._sorted_by = (section, order)

    def clear(self) -> None:
        """Drop every row, the search text and any notice (on lock)."""
        self._search_timer.stop()
        self.hide_notice()
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def _activated(self, index: QModelIndex) -> None:
        record_id = index.data(RECORD_ID_ROLE)
        if record_id:
            self.open_requested.emit(str(record_id))

    def _retranslate(self) -> None:
        """Every fixed text of the panel, in the current language: at start and on each
        language switch (``changeEvent``), so nothing keeps the old words until a restart."""
        self.search.setPlaceholderText(self.tr("Search name, national id or ORPHA code"))
        self.search.setAccessibleName(self.tr("Search registrations"))
        self.search_label.setText(self.tr("&Search:"))
        self.status_filter.setAccessibleName(self.tr("Show registrations with status"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for index, status in enumerate(RecordStatus, start=1):
            self.status_filter.setItemText(index, status_label(status))
        self.status_caption.setText(self.tr("S&tatus:"))
        self.new_button.setText(self.tr("&New registration"))
        self.new_button.setAccessibleName(self.tr("New registration"))
        self.table.setAccessibleName(self.tr("Registrations"))
        self.notice_text.setAccessibleName(self.tr("Notice"))
        self.notice_show.setText(self.tr("Sho&w them"))
        self.notice_show.setAccessibleName(self.tr("Show the registrations the notice is about"))
        self.notice_close.setText(self.tr("&Dismiss"))
        self.notice_close.setAccessibleName(self.tr("Dismiss the notice"))
        self.empty_hint.setAccessibleName(self.tr("List status"))
        self._update_hint()
        columns = self.model.columnCount()
        if columns:  # the header asks the model again; the rows' status words too
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
            rows = self.model.rowCount()
            if rows:
                self.model.dataChanged.emit(
                    self.model.index(0, 0), self.model.index(rows - 1, columns - 1)
                )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _update_hint(self) -> None:
        if self.model.loading:
            self.empty_hint.setText(self.tr("Loading…"))
        elif self.model.rowCount() == 0 and (self.model.query.search or self.model.query.status):
            self.empty_hint.setText(self.tr("No registrations match the search."))
        elif self.model.rowCount() == 0:
            self.empty_hint.setText(
                self.tr("No registrations yet. Choose New registration to start one.")
            )
        else:
            self.empty_hint.clear()
