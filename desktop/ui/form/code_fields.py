"""Fields whose value is a code from a code list: diagnoses (ORPHA, ICD-10) through the
search-as-you-type picker, municipalities and counties through a searchable combo box."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, TypeGuard, get_args

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QVBoxLayout, QWidget

from desktop.forms.codelists import (
    CodeListName,
    Hit,
    default_search,
    default_store,
    get_codelist,
)
from desktop.forms.codelists.store import NoVersionInForceError
from desktop.ui.diagnosis_picker import DiagnosisPicker
from desktop.ui.form.fields import FieldWidget, TextField
from desktop.ui.form.style import mark_input


class LazySearch:
    """Builds the (slow) search index for one list on the first query, not at form build."""

    def __init__(self, list_id: str) -> None:
        self.list_id = list_id

    def search(self, query: str, *, limit: int = 20, lang: str = "nb") -> list[Hit]:
        return default_search((self.list_id,)).search(query, limit=limit, lang=lang)


def _is_list_name(list_id: str) -> TypeGuard[CodeListName]:
    """A form definition names its list as text, checked against ``CODELISTS`` (a subset of
    these names) when it is loaded; this tells the type checker what was checked."""
    return list_id in get_args(CodeListName)


def code_label(list_id: str, code: str, lang: str) -> str:
    if not _is_list_name(list_id):
        return ""  # what looking up an unknown list ended in before: no label
    try:
        checker = get_codelist(list_id)
        canonical = checker.normalize(code)
        return checker.label(canonical, lang) if canonical else ""
    except Exception:  # a broken list must not break showing a record
        return ""


class DiagnosisCodeField(FieldWidget):
    """ORPHA or ICD-10: type to search, Down to walk the hits, Enter to choose."""

    def build_input(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        list_id = self.field.codelist or "orpha"
        self.picker = DiagnosisPicker(LazySearch(list_id), lang=self.ctx.lang, limit=8, parent=box)
        self.picker.results.setMaximumHeight(110)
        self.picker.results.hide()  # shown while there are hits
        self.picker.status.hide()
        self.picker.results_model.modelReset.connect(self._hits_changed)
        # Keyboard users reach the hits with Down from the search box; Tab skips them.
        self.picker.results.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # The editor puts the search box itself in its Tab order; the picker left in Qt's
        # chain as the box's focus proxy took Tab from the last button back into the diagnosis,
        # so the patient's fields were never reached again (tests/ui/test_atspi.py).
        self.picker.setFocusProxy(None)  # type: ignore[arg-type]  # nullptr: no proxy
        self.chosen_label = QLabel(box)
        self.chosen_label.setWordWrap(True)
        column.addWidget(self.picker)
        column.addWidget(self.chosen_label)
        self._value: str | None = None
        self.picker.chosen.connect(self._chosen)
        self.picker.query.textEdited.connect(self._edited)
        return box

    def focus_target(self) -> QWidget:
        return self.picker.query

    def _hits_changed(self) -> None:
        has_hits = self.picker.results_model.rowCount() > 0
        self.picker.results.setVisible(has_hits)
        self.picker.status.setVisible(bool(self.picker.status.text()) or has_hits)

    def name_inputs(self) -> None:
        self.picker.query.setAccessibleName(self.caption)
        self.picker.results.setAccessibleName(
            QCoreApplication.translate("CodeField", "Search results for %1").replace(
                "%1", self.caption
            )
        )
        self.chosen_label.setAccessibleName(
            QCoreApplication.translate("CodeField", "Chosen %1").replace("%1", self.caption)
        )
        self.input.setAccessibleName(self.caption)
        self._describe()

    def _chosen(self, _list_id: str, code: str) -> None:
        self._value = code
        self._show_chosen()
        self.commit(code)

    def _edited(self, text: str) -> None:
        if not text.strip() and self._value is not None:
            self._value = None
            self._show_chosen()
            self.commit(None)

    def _show_chosen(self) -> None:
        if self._value is None:
            self.chosen_label.setText(QCoreApplication.translate("CodeField", "Nothing chosen"))
        else:
            label = code_label(self.field.codelist or "orpha", self._value, self.ctx.lang)
            self.chosen_label.setText(
                QCoreApplication.translate("CodeField", "Chosen: %1").replace(
                    "%1", f"{self._value} {label}".strip()
                )
            )

    def show_value(self, value: Any) -> None:
        self._value = value if isinstance(value, str) and value else None
        self.picker.results_model.set_hits([])
        self.picker.status.clear()
        if self._value is None:
            self.picker.query.clear()
        else:
            label = code_label(self.field.codelist or "orpha", self._value, self.ctx.lang)
            self.picker.query.setText(f"{self._value} {label}".strip())
        self._show_chosen()

    def current_value(self) -> Any:
        return self._value

    def mark(self, severity: str | None) -> None:
        mark_input(self.picker.query, severity)

    def set_read_only(self, read_only: bool) -> None:
        self.picker.query.setReadOnly(read_only)
        self.picker.results.setEnabled(not read_only)


@functools.cache
def _places(list_id: str, lang: str, day: dt.date | None) -> tuple[tuple[str, str], ...]:
    """(display text, code) of the version in force on ``day`` (today when None), sorted.

    Every official name form gets its own entry (``Guovdageaidnu (5612)`` beside
    ``Kautokeino (5612)``), so the inline completion finds a municipality by its Sami, Kven
    or Norwegian name alike; all entries of one place carry the same code.
    """
    try:
        codelist = default_store().get(list_id, on=day or dt.date.today())
    except NoVersionInForceError:  # a date before the first version: the oldest list
        codelist = default_store().versions(list_id)[0]
    items = []
    for concept in codelist:
        names = dict.fromkeys((concept.label(lang), *concept.synonyms))
        items += [(f"{name} ({concept.code})", concept.code) for name in names if name]
    return tuple(sorted(items, key=lambda item: item[0].casefold()))


def _registration_day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


class PlaceCodeField(FieldWidget):
    """Municipality or county: type a name or a number; inline completion; Tab accepts."""

    input: QComboBox

    def build_input(self) -> QWidget:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._day: dt.date | None = None
        self._fill(combo, None)
        # An editable combo box always has both; Qt's API allows a non-editable one without.
        completer, line = combo.completer(), combo.lineEdit()
        assert completer is not None and line is not None
        self.line_edit = line
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        line.setPlaceholderText(QCoreApplication.translate("CodeField", "Name or number"))
        line.editingFinished.connect(self._resolve)
        combo.activated.connect(lambda _i: self._resolve())
        return combo

    def _fill(self, combo: QComboBox, day: dt.date | None) -> None:
        """The places in force on the record's registration date (today for a new record)."""
        self._day = day
        combo.clear()
        for text, code in _places(self.field.codelist or "kommuner", self.ctx.lang, day):
            combo.addItem(text, code)
        combo.setCurrentIndex(-1)

    def name_inputs(self) -> None:
        super().name_inputs()
        self.line_edit.setAccessibleName(self.caption)
        self.input.view().setAccessibleName(self.caption)

    def focus_target(self) -> QWidget:
        return self.input

    def _find(self, text: str) -> int:
        text = text.strip()
        if not text:
            return -1
        exact = self.input.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            return exact
        code = text.split()[0] if text[:1].isdigit() else None
        if code is not None:
            index = self.input.findData(code.zfill(4) if len(code) <= 4 else code)
            if index >= 0:
                return index
        folded = text.casefold()
        starts = [
            row
            for row in range(self.input.count())
            if self.input.itemText(row).casefold().startswith(folded)
        ]
        return starts[0] if len(starts) == 1 else -1

    def _resolve(self) -> None:
        if self._loading:
            return
        text = self.input.currentText()
        index = self._find(text)
        if index >= 0:
            if (
                self.input.currentIndex() != index
                or self.input.currentText() != self.input.itemText(index)
            ):
                self._loading = True
                self.input.setCurrentIndex(index)
                self._loading = False
            self.commit(self.input.itemData(index))
        else:
            self.commit(text.strip() or None)

    def show_value(self, value: Any) -> None:
        day = _registration_day(self.ctx.binder.get(("reporter", "registration_date")))
        if day != self._day:
            self._fill(self.input, day)
        index = self.input.findData(value) if isinstance(value, str) else -1
        self.input.setCurrentIndex(index)
        if index < 0:
            self.input.setEditText(value if isinstance(value, str) else "")

    def current_value(self) -> Any:
        index = self._find(self.input.currentText())
        return (
            self.input.itemData(index) if index >= 0 else (self.input.currentText().strip() or None)
        )

    def set_read_only(self, read_only: bool) -> None:
        self.input.setEnabled(not read_only)


def code_widget_class(codelist: str | None) -> type[FieldWidget]:
    if codelist in ("orpha", "icd10"):
        return DiagnosisCodeField
    if codelist in ("kommuner", "fylker"):
        return PlaceCodeField
    return TextField
