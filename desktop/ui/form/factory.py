"""Which widget a field gets, decided by its type in the definition alone."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.forms.definition import Field, FieldType
from desktop.ui.form.binding import Path
from desktop.ui.form.code_fields import code_widget_class
from desktop.ui.form.container import GroupFieldWidget
from desktop.ui.form.context import EditorContext
from desktop.ui.form.fields import (
    RADIO_MAX_OPTIONS,
    CheckListField,
    ComboField,
    DateField,
    FieldWidget,
    MultilineField,
    NumberField,
    RadioField,
    TextField,
)
from desktop.ui.form.repeat import RepeatFieldWidget


def widget_class(field: Field) -> type[FieldWidget]:
    kind = field.type
    if kind is FieldType.TEXT:
        return MultilineField if field.multiline else TextField
    if kind is FieldType.DATE:
        return DateField
    if kind in (FieldType.YEAR, FieldType.INTEGER, FieldType.NUMBER):
        return NumberField
    if kind is FieldType.ENUM:
        # Radio buttons cannot be unset again, so only required short choices get them.
        if field.required and 1 < len(field.options) <= RADIO_MAX_OPTIONS:
            return RadioField
        return ComboField
    if kind is FieldType.MULTI_ENUM:
        return CheckListField
    if kind is FieldType.CODE:
        return code_widget_class(field.codelist)
    if kind is FieldType.GROUP:
        return GroupFieldWidget
    if kind is FieldType.REPEAT:
        return RepeatFieldWidget
    raise AssertionError(f"no widget for field type {kind}")  # pragma: no cover


def make_widget(
    field: Field, path: Path, ctx: EditorContext, parent: QWidget | None = None
) -> FieldWidget:
    widget = widget_class(field)(field, path, ctx, parent)
    if ctx.read_only:
        widget.set_read_only(True)
    return widget
