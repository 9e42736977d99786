"""Counts of accepted registrations by diagnosis, institution, month or county, and of the
information letters (pending, printed, sent, given by the clinic; reservations after a
letter).

The counts hold no personal data; they are computed in the background from the register's
current records, shown as a table and a bar chart, and can be saved as CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.staff import letters
from desktop.staff.export import reports
from desktop.staff.session import StaffSession
from desktop.ui.error_dialogs import show_info
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp
from desktop.ui.staff.chart import BarChart


class ReportsPanel(QWidget):
    def __init__(
        self, session_source: Callable[[], StaffSession], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session_source
        self.rows: list[reports.ReportRow] = []
        self.dimension = QComboBox(self)
        for key in reports.DIMENSIONS:
            self.dimension.addItem("", key)
        # Persons per letter state and reservations after a letter (the letter queue).
        self.dimension.addItem("", reports.LETTERS)
        self.by_label = QLabel("", self)
        self.by_label.setBuddy(self.dimension)
        self.refresh_button = QPushButton("", self)
        self.refresh_button.clicked.connect(self.reload)
        self.save_button = QPushButton("", self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_csv)

        self.table = QTableWidget(0, 3, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = BarChart(self)
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidget(self.chart)
        chart_scroll.setWidgetResizable(True)
        # Not a Tab stop (an unnamed "filler" to a screen reader): the table holds the figures.
        chart_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QHBoxLayout()
        top.addWidget(self.by_label)
        top.addWidget(self.dimension)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.save_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(chart_scroll)
        splitter.setSizes([400, 500])
        self.total = QLabel("", self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.total)
        self.dimension.currentIndexChanged.connect(self.reload)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every text of the tab in the current language (at start and on a switch). Shown
        counts are counted again: the letter report's rows are worded in a language."""
        self.dimension.setAccessibleName(self.tr("Count by"))
        labels = {
            "diagnosis": self.tr("Diagnosis"),
            "institution": self.tr("Reporting institution"),
            "month": self.tr("Month"),
            "county": self.tr("County"),
            reports.LETTERS: self.tr("Information letters"),
        }
        for index in range(self.dimension.count()):
            self.dimension.setItemText(index, labels[str(self.dimension.itemData(index))])
        self.by_label.setText(self.tr("Count &by:"))
        self.refresh_button.setText(self.tr("Sh&ow"))
        self.save_button.setText(self.tr("Save as &CSV…"))
        self.table.setAccessibleName(self.tr("Report"))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Count")])
        self.total.setAccessibleName(self.tr("Number of groups"))
        if self.rows:
            self.total.setText(self.tr("%n group(s)", "", len(self.rows)))
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        session = self._session()
        dimension = str(self.dimension.currentData())
        self.refresh_button.setEnabled(False)
        lang = current_language()

        def count() -> list[reports.ReportRow]:
            if dimension == reports.LETTERS:
                return reports.letter_rows(letters.counts(session.register), lang)
            return reports.count_by(session.register.iter_current(), dimension)

        BackgroundOp(self, count).success(lambda rows: self._show(dimension, rows)).finally_(
            lambda: self.refresh_button.setEnabled(True)
        ).run_in_background()

    def _show(self, dimension: str, rows: list[reports.ReportRow]) -> None:
        if dimension != self.dimension.currentData():
            return  # the choice changed while counting
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self.table.setItem(index, 0, QTableWidgetItem(row.key))
            self.table.setItem(index, 1, QTableWidgetItem(row.label))
            count = QTableWidgetItem(str(row.count))
            self.table.setItem(index, 2, count)
        self.chart.set_counts([(row.label or row.key, row.count) for row in rows])
        self.save_button.setEnabled(bool(rows))
        self.total.setText(self.tr("%n group(s)", "", len(rows)))

    def save_csv(self) -> None:
        dimension = str(self.dimension.currentData())
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), f"sjeldenregisteret-{dimension}.csv", "CSV (*.csv)"
        )
        if name:
            self.write_csv(Path(name))

    def write_csv(self, path: Path) -> None:
        rows, dimension = list(self.rows), str(self.dimension.currentData())
        BackgroundOp(self, lambda: reports.write_report_csv(rows, dimension, path)).success(
            self._saved
        ).run_in_background()

    def _saved(self, written: Path) -> None:
        show_info(self, self.tr("Report saved: %1").replace("%1", str(written)))

    def clear(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.chart.clear()
        self.total.clear()
        self.save_button.setEnabled(False)
