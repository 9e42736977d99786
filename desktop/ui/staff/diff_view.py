"""Field-by-field differences between the register's record and an incoming one: the one
diff widget of the staff UI (the review pane and the record window both show this one).

Field paths (``diagnoses[0].genetic_findings[1].hgvs``) are shown with the form's own labels
in the UI language, numbered where a field repeats, so a registry officer reads "Diagnose 1 ›
Variant (HGVS)" rather than a JSON path; the path stays available as a tooltip. Choices are
shown with their labels ("Kvinne", not ``kvinne``).

Two ways to fill it: ``show_changes`` lists the changed fields only; ``show_comparison``
puts two whole records side by side, every field of either, and marks the changed rows (a
"≠" before the label, bold text and a tinted background, so the mark never rests on colour
alone; ``changed_paths`` tells which).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.forms.definition import FieldType, FormDefinition
from desktop.staff.diff import diff_payloads
from desktop.staff.model import FieldChange
from desktop.ui import i18n

_INDEX = re.compile(r"\[(\d+)\]")
CHANGED_MARK = "\u2260 "  # "≠ " before the label of a changed row
_CHANGED_BACKGROUND = QColor("#fff3c4")
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 1


def field_label(form: FormDefinition | None, path: str) -> str:
    """The form's label for a concrete field path, with 1-based item numbers."""
    if form is None:
        return path
    lang = i18n.current_language()
    parts: list[str] = []
    template = ""
    for segment in path.split("."):
        match = _INDEX.search(segment)
        name = _INDEX.sub("", segment)
        template = f"{template}.{name}" if template else name
        label: str | None = None
        try:
            label = form.field(template).label.get(lang)
        except KeyError:
            section = next((s for s in form.sections if s.key == template), None)
            module = form.module(name) if template == f"modules.{name}" else None
            if section is not None:
                label = section.label.get(lang)
            elif module is not None:
                label = module.label.get(lang)
        if label is not None:
            parts.append(f"{label} {int(match.group(1)) + 1}" if match else label)
        if match:
            template += "[]"
    return " › ".join(parts) if parts else path


def display_value(value: Any, form: FormDefinition | None = None, path: str = "") -> str:
    """A value as the reviewer reads it: a choice by its label when the form knows it."""
    if value is None or value == "" or value == []:
        return "—"
    if form is not None and path and isinstance(value, str):
        template = _INDEX.sub("[]", path)
        try:
            item = form.field(template)
        except KeyError:  # one choice of a multiple-choice field: ``basis[1]``
            try:
                item = form.field(template.removesuffix("[]"))
            except KeyError:
                item = None
        if item is not None and item.type in (FieldType.ENUM, FieldType.MULTI_ENUM):
            option = item.option(value)
            if option is not None:
                return option.label.get(i18n.current_language())
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _leaves(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Every leaf of a record by path: the diff against nothing lists them all."""
    return {change.path: change.new for change in diff_payloads({}, payload)}


class DiffView(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self._titles: tuple[str | None, str | None] = (None, None)
        self._retranslate()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _retranslate(self) -> None:
        """The header in the current language (at start and on a switch). Titles given by
        the caller and the rows are the caller's to redo (``RecordView`` does on a switch)."""
        self.setAccessibleName(self.tr("Changes in this revision"))
        self._set_titles(*self._titles)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _set_titles(self, old_title: str | None, new_title: str | None) -> None:
        self._titles = (old_title, new_title)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                old_title or self.tr("In the register"),
                new_title or self.tr("Incoming"),
            ]
        )

    def _fill(
        self, rows: Sequence[tuple[str, Any, Any, bool]], form: FormDefinition | None
    ) -> None:
        self.setRowCount(0)
        self.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (path, old, new, changed) in enumerate(rows):
            label = field_label(form, path)
            cells = (
                QTableWidgetItem(CHANGED_MARK + label if changed else label),
                QTableWidgetItem(display_value(old, form, path)),
                QTableWidgetItem(display_value(new, form, path)),
            )
            cells[0].setToolTip(path)
            for column, cell in enumerate(cells):
                cell.setData(CHANGED_ROLE, changed)
                if changed:
                    cell.setFont(bold)
                    cell.setBackground(QBrush(_CHANGED_BACKGROUND))
                    if column == 0:
                        cell.setData(
                            Qt.ItemDataRole.AccessibleTextRole,
                            self.tr("Changed: %1").replace("%1", label),
                        )
                self.setItem(row, column, cell)
        self.resizeRowsToContents()

    def show_changes(self, changes: Sequence[FieldChange], form: FormDefinition | None) -> None:
        """The changed fields only (each row is a change, so none carries the mark)."""
        self._set_titles(None, None)
        self._fill([(c.path, c.old, c.new, False) for c in changes], form)

    def show_comparison(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        form: FormDefinition | None,
        *,
        old_title: str | None = None,
        new_title: str | None = None,
        only_changes: bool = False,
    ) -> None:
        """Two records side by side, every field of either; changed rows marked."""
        self._set_titles(old_title, new_title)
        changed = {change.path for change in diff_payloads(old, new)}
        before, after = _leaves(old), _leaves(new)
        paths = sorted(before.keys() | after.keys())
        self._fill(
            [
                (path, before.get(path), after.get(path), path in changed)
                for path in paths
                if path in changed or not only_changes
            ],
            form,
        )

    def changed_paths(self) -> list[str]:
        paths = []
        for row in range(self.rowCount()):
            cell = self.item(row, 0)
            if cell is not None and cell.data(CHANGED_ROLE):
                paths.append(cell.toolTip())
        return paths

    def clear_changes(self) -> None:
        """Forget every value (locking relies on it)."""
        self.setRowCount(0)
