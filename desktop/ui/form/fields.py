"""One widget per field type, built from the form definition (no per-field code).

Every field widget shows its label (with a required marker), its input, and a message line
under the input for live validation. Values go to the payload through the editor context
(``commit``); ``load`` shows a payload value without counting as an edit. Free-text inputs
commit what was typed even when it does not parse (a date like "31.02.2024" is kept as
typed), so the validator can say what is wrong beside the field, and the draft keeps it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.definition import Field, FieldType
from desktop.forms.validate import Issue
from desktop.ui.form.binding import Path, path_text
from desktop.ui.form.context import EditorContext
from desktop.ui.form.mnemonics import template, with_mnemonic
from desktop.ui.form.style import colour_label, mark_input
from desktop.ui.form.suggestions import offers_suggestions, suggestion

RADIO_MAX_OPTIONS = 3
_DATE_NB = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_DATE_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")


def _mnemonic_safe(text: str) -> str:
    return text.replace("&", "&&")


class FieldWidget(QWidget):
    """Label, input and message line of one field at one concrete path."""

    def __init__(
        self, field: Field, path: Path, ctx: EditorContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.path = path
        self.key = path_text(path)
        self.ctx = ctx
        self._loading = False
        self._required = field.required
        self._issues: tuple[tuple[str, str], ...] = ()
        self.caption = ctx.text(field.label)
        self.help = ctx.text(field.help)

        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(
            QCoreApplication.translate("FieldWidget", "Message for %1").replace("%1", self.caption)
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        # the clinician's own value, corrected, as a link that applies it (suggestions.py)
        self.suggestion = QLabel(self)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.suggestion.linkActivated.connect(self._apply_suggestion)
        self.suggestion.hide()
        self._offered: str | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 2, 0, 2)
        self.layout_.setSpacing(2)
        self.layout_.addWidget(self.label)
        self.input = self.build_input()
        self.layout_.addWidget(self.input)
        if self.help:
            self.input.setToolTip(self.help)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.suggestion)
        self.label.setBuddy(self.focus_target())
        self._update_label()
        self.name_inputs()
        ctx.widgets[self.key] = self

    # -- to implement -----------------------------------------------------------------------

    def build_input(self) -> QWidget:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        """Put a payload value into the input."""
        raise NotImplementedError

    def current_value(self) -> Any:
        """The value the input holds now, in the record format (None when empty)."""
        raise NotImplementedError

    # -- common behaviour -------------------------------------------------------------------

    def focus_target(self) -> QWidget:
        return self.input

    def focus_widgets(self) -> list[QWidget]:
        """Focusable widgets in tab order."""
        return [self.focus_target()]

    def name_inputs(self) -> None:
        self.input.setAccessibleName(self.caption)
        self._describe()

    def _describe(self) -> None:
        parts = [self.help] if self.help else []
        parts += [message for _, message in self._issues]
        description = " ".join(parts)
        for widget in self.focus_widgets():
            widget.setAccessibleDescription(description)

    def load(self, value: Any) -> None:
        self._loading = True
        try:
            self.show_value(value)
        finally:
            self._loading = False

    def commit(self, value: Any) -> None:
        if self._loading or self.ctx.read_only:
            return
        self.ctx.binder.set(self.path, value)
        self.ctx.on_edit(self.path)

    def refresh_label(self) -> None:
        self._update_label()

    def set_required(self, required: bool) -> None:
        if required != self._required:
            self._required = required
            self._update_label()

    def _update_label(self) -> None:
        """The caption with its Alt+letter (``mnemonics``), unit and required marker."""
        text = with_mnemonic(self.caption, self.ctx.mnemonics.get(template(self.path)))
        if self.field.unit and f"({self.field.unit})" not in text:
            text += f" ({self.field.unit})"
        self.label.setText(f"{text} *" if self._required else text)
        if self._required:
            self.label.setToolTip(QCoreApplication.translate("FieldWidget", "Required"))

    def set_issues(self, issues: list[Issue]) -> None:
        shown = tuple((i.severity, i.message) for i in issues)
        if shown == self._issues:
            return
        self._issues = shown
        severity = None
        if shown:
            severity = "error" if any(s == "error" for s, _ in shown) else "warning"
            self.message.setText("\n".join(message for _, message in shown))
            colour_label(self.message, severity)
            self.message.show()
        else:
            self.message.clear()
            self.message.hide()
        self.mark(severity)
        self._show_suggestion(bool(shown))
        self._describe()

    def _show_suggestion(self, any_issue: bool) -> None:
        offered = None
        if any_issue and offers_suggestions(self.field):
            offered = suggestion(self.field, self.current_value())
        self._offered = offered
        if offered is None:
            self.suggestion.clear()
            self.suggestion.hide()
            return
        text = QCoreApplication.translate("FieldWidget", "Suggestion: %1").replace(
            "%1", f'<a href="apply">{html.escape(offered)}</a>'
        )
        self.suggestion.setText(text)
        self.suggestion.setAccessibleName(
            QCoreApplication.translate("FieldWidget", "Use the suggestion %1").replace(
                "%1", offered
            )
        )
        self.suggestion.show()

    def _apply_suggestion(self, _link: str = "") -> None:
        if self._offered is None or self.ctx.read_only:
            return
        offered = self._offered
        self.load(offered)
        self.commit(offered)

    def mark(self, severity: str | None) -> None:
        mark_input(self.input, severity)

    def set_read_only(self, read_only: bool) -> None:
        self.input.setEnabled(not read_only)

    def focus_input(self) -> None:
        self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def appeared(self) -> None:
        """The field was just shown because of another answer (not when a record opens)."""


class BoxField(FieldWidget):
    """A field drawn as a titled box around nested fields (a group, a repeat).

    The box carries the caption, the required marker and the description; the nested fields
    carry their own marks and descriptions, and the value lives in the binder below the
    field's path.
    """

    input: QGroupBox

    def build_input(self) -> QWidget:
        box = QGroupBox(_mnemonic_safe(self.caption), self)
        QVBoxLayout(box).addWidget(self.build_body(box))
        self.label.hide()
        return box

    def build_body(self, box: QGroupBox) -> QWidget:
        raise NotImplementedError

    def _describe(self) -> None:
        parts = [self.help] if self.help else []
        parts += [message for _, message in self._issues]
        self.input.setAccessibleDescription(" ".join(parts))

    def _update_label(self) -> None:
        super()._update_label()
        self.input.setTitle(self.label.text())

    def current_value(self) -> Any:
        return self.ctx.binder.get(self.path)

    def mark(self, severity: str | None) -> None:
        pass  # the message line says it; the nested fields carry their own marks


# --- text-like inputs -------------------------------------------------------------------------


class TextField(FieldWidget):
    input: QLineEdit

    def build_input(self) -> QWidget:
        edit = QLineEdit(self)
        if self.field.max_length:
            edit.setMaxLength(self.field.max_length)
        edit.textEdited.connect(lambda _text: self.commit(self.current_value()))
        return edit

    def show_value(self, value: Any) -> None:
        self.input.setText(self.format(value))

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def current_value(self) -> Any:
        return self.parse(self.input.text())

    def parse(self, text: str) -> Any:
        return text.strip() or None

    def set_read_only(self, read_only: bool) -> None:
        self.input.setReadOnly(read_only)


class MultilineField(FieldWidget):
    input: QPlainTextEdit

    def build_input(self) -> QWidget:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        edit.textChanged.connect(lambda: self.commit(self.current_value()))
        return edit

    def show_value(self, value: Any) -> None:
        self.input.setPlainText("" if value is None else str(value))

    def current_value(self) -> Any:
        return self.input.toPlainText().strip() or None

    def set_read_only(self, read_only: bool) -> None:
        self.input.setReadOnly(read_only)


class DateField(TextField):
    """A date as text, empty allowed: 15.03.2024, 15032024 or 2024-03-15."""

    def build_input(self) -> QWidget:
        edit = super().build_input()
        assert isinstance(edit, QLineEdit)
        edit.setMaxLength(10)
        edit.setPlaceholderText(QCoreApplication.translate("FieldWidget", "DD.MM.YYYY"))
        edit.editingFinished.connect(self._tidy)
        return edit

    def format(self, value: Any) -> str:
        if isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return value
            return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
        return "" if value is None else str(value)

    def parse(self, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        match = _DATE_NB.match(text) or _DATE_DIGITS.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return text
        return text  # ISO already, or something the validator will explain

    def _tidy(self) -> None:
        value = self.current_value()
        if isinstance(value, str) and value != self.input.text():
            formatted = self.format(value)
            if formatted != self.input.text():
                self.input.setText(formatted)


class NumberField(TextField):
    """Whole numbers, years and decimals typed as text (a comma is a decimal point)."""

    def build_input(self) -> QWidget:
        edit = super().build_input()
        assert isinstance(edit, QLineEdit)
        edit.setMaxLength(4 if self.field.type is FieldType.YEAR else 12)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        return edit

    def format(self, value: Any) -> str:
        if isinstance(value, float):
            return f"{value:g}".replace(".", ",")
        return "" if value is None else str(value)

    def parse(self, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        if self.field.type in (FieldType.INTEGER, FieldType.YEAR):
            return int(text) if re.fullmatch(r"-?\d+", text) else text
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return text
        return (
            int(number) if number.is_integer() and "." not in text and "," not in text else number
        )


# --- choices ----------------------------------------------------------------------------------


class ComboField(FieldWidget):
    input: QComboBox

    def build_input(self) -> QWidget:
        combo = QComboBox(self)
        combo.addItem(QCoreApplication.translate("FieldWidget", "– choose –"), None)
        for option in self.field.options:
            combo.addItem(self.ctx.text(option.label), option.value)
        combo.currentIndexChanged.connect(lambda _i: self.commit(self.current_value()))
        return combo

    def name_inputs(self) -> None:
        super().name_inputs()
        self.input.view().setAccessibleName(self.caption)

    def show_value(self, value: Any) -> None:
        index = self.input.findData(value) if isinstance(value, str) else 0
        self.input.setCurrentIndex(max(index, 0))

    def current_value(self) -> Any:
        return self.input.currentData()


class RadioField(FieldWidget):
    """A few options as radio buttons; arrow keys move within the group."""

    def build_input(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.buttons: list[QRadioButton] = []
        for option in self.field.options:
            button = QRadioButton(_mnemonic_safe(self.ctx.text(option.label)), box)
            button.setProperty("option", option.value)
            self.group.addButton(button)
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)
        return box

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.commit(self.current_value())

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else self.buttons[0]

    def focus_widgets(self) -> list[QWidget]:
        return list(self.buttons)

    def name_inputs(self) -> None:
        self.input.setAccessibleName(self.caption)
        for button in self.buttons:
            button.setAccessibleName(f"{self.caption}: {button.text().replace('&&', '&')}")
        self._describe()

    def show_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(button.property("option") == value)
        self.group.setExclusive(True)

    def current_value(self) -> Any:
        checked = self.group.checkedButton()
        return None if checked is None else checked.property("option")

    def mark(self, severity: str | None) -> None:
        for button in self.buttons:
            mark_input(button, severity)

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not read_only)


class CheckListField(FieldWidget):
    """Several options: a list of check boxes (Space toggles the current one)."""

    input: QListWidget

    def build_input(self) -> QWidget:
        listing = QListWidget(self)
        for option in self.field.options:
            item = QListWidgetItem(self.ctx.text(option.label), listing)
            item.setData(Qt.ItemDataRole.UserRole, option.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = max(len(self.field.options), 1)
        row_height = max(listing.sizeHintForRow(0), listing.fontMetrics().height() + 4)
        listing.setFixedHeight(row_height * rows + 2 * listing.frameWidth() + 6)
        listing.setCurrentRow(0)
        listing.itemChanged.connect(lambda _item: self.commit(self.current_value()))
        return listing

    def show_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for row in range(self.input.count()):
            item = self.input.item(row)
            state = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def current_value(self) -> Any:
        values = [
            self.input.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.input.count())
            if self.input.item(row).checkState() == Qt.CheckState.Checked
        ]
        return values or None
