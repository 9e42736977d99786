"""The summary of every validation issue, beside the form.

Errors and warnings are listed with the field they concern; activating one (Enter or a
double click) moves the focus to that field. A warning is a checkable item: ticking it is
the explicit confirmation completion needs ("I have seen this and it is right"). While the
clinician types, a plausibility error (a diagnosis year after the registration date) is shown
as a warning that cannot be ticked (``Issue.provisional``): it must be corrected, and
completion reports it as an error.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.forms.validate import Issue
from desktop.ui.form.style import colour_label

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class ValidationPanel(QWidget):
    focus_requested = Signal(str)  # the issue's field path
    confirmations_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.confirmed: set[str] = set()
        self._shown: tuple[tuple[str, str, str, bool, bool], ...] | None = None
        self.heading = QLabel(self.tr("Check"), self)
        self.heading.setAccessibleName(self.tr("Check"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary of the check"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems in the form"))
        self.list.setAccessibleDescription(
            self.tr("Enter goes to the field. Space confirms a warning.")
        )
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemChanged.connect(self._changed)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.summary)
        column.addWidget(self.list, 1)

    def show_issues(self, issues: list[Issue], *, complete: bool) -> None:
        shown = tuple((i.field, i.code, i.message, i.confirmed, i.provisional) for i in issues)
        if shown != self._shown:
            self._shown = shown
            self.list.blockSignals(True)
            self.list.clear()
            for issue in issues:
                self._add(issue)
            self.list.blockSignals(False)
        errors = sum(1 for i in issues if i.severity == "error")
        warnings = [i for i in issues if i.severity == "warning" and not i.provisional]
        open_warnings = sum(1 for i in warnings if not i.confirmed)
        to_correct = sum(1 for i in issues if i.provisional)
        if not issues:
            text = self.tr("No problems found.") if complete else self.tr("No problems so far.")
            colour_label(self.summary, "ok" if complete else None)
        else:
            text = (
                self.tr("%n error(s)", "", errors)
                + ", "
                + self.tr("%n warning(s) to confirm", "", open_warnings)
            )
            if to_correct:
                text += ", " + self.tr("%n to correct before completing", "", to_correct)
            attention = open_warnings or to_correct
            colour_label(self.summary, "error" if errors else "warning" if attention else "ok")
        self.summary.setText(text)

    def _add(self, issue: Issue) -> None:
        prefix = self.tr("Error") if issue.severity == "error" else self.tr("Warning")
        item = QListWidgetItem(f"{prefix}: {issue.message}", self.list)
        item.setData(PATH_ROLE, issue.field)
        item.setData(KEY_ROLE, issue.key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if issue.provisional:
            item.setFlags(flags)
            item.setToolTip(self.tr("Correct this before completing: it cannot be confirmed."))
        elif issue.severity == "warning":
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if issue.confirmed else Qt.CheckState.Unchecked
            )
            item.setToolTip(self.tr("Tick to confirm that this is correct."))
        else:
            item.setFlags(flags)

    def _activated(self, item: QListWidgetItem) -> None:
        self.focus_requested.emit(str(item.data(PATH_ROLE)))

    def _changed(self, item: QListWidgetItem) -> None:
        key = str(item.data(KEY_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self.confirmed.add(key)
        else:
            self.confirmed.discard(key)
        self.confirmations_changed.emit()

    def reset(self) -> None:
        self.confirmed.clear()
        self._shown = None
        self.list.clear()
        self.summary.clear()
