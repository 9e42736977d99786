"""Field-by-field differences between the register's revision and an incoming one.

Field paths (``diagnoses[0].genetic_findings[1].hgvs``) are shown with the form's own labels
in the UI language, numbered where a field repeats, so a registry officer reads "Diagnose 1 ›
Variant (HGVS)" rather than a JSON path; the path stays available as a tooltip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.forms.definition import FormDefinition
from desktop.staff.model import FieldChange
from desktop.ui import i18n

_INDEX = re.compile(r"\[(\d+)\]")


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


def display_value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class DiffView(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setAccessibleName(self.tr("Changes in this revision"))
        self.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("In the register"), self.tr("Incoming")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_changes(self, changes: Sequence[FieldChange], form: FormDefinition | None) -> None:
        self.setRowCount(0)
        self.setRowCount(len(changes))
        for row, change in enumerate(changes):
            label = QTableWidgetItem(field_label(form, change.path))
            label.setToolTip(change.path)
            self.setItem(row, 0, label)
            self.setItem(row, 1, QTableWidgetItem(display_value(change.old)))
            self.setItem(row, 2, QTableWidgetItem(display_value(change.new)))
        self.resizeRowsToContents()

    def clear_changes(self) -> None:
        """Forget every value (locking relies on it)."""
        self.setRowCount(0)
