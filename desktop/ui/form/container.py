"""The fields of one container (a section, a group, a repeated item or a module) and the
group field, which is a titled box around a nested container.

A container re-evaluates its fields' conditions after every edit inside it: a field whose
``visible_when`` turns false is hidden and its value is moved out of the payload into a
stash (so a hidden field never reaches the record, which the validator would refuse), and
put back if the field comes back, so flipping a choice back and forth loses nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from desktop.forms.definition import Field
from desktop.ui.form.binding import Path, path_text
from desktop.ui.form.context import EditorContext
from desktop.ui.form.fields import BoxField, FieldWidget


class ContainerView(QWidget):
    def __init__(
        self,
        fields: tuple[Field, ...],
        path: Path,
        ctx: EditorContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.ctx = ctx
        self.fields = fields
        self._stash: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        assert ctx.make_widget is not None
        self.widgets: list[FieldWidget] = []
        for item in fields:
            widget = ctx.make_widget(item, (*path, item.key), ctx, self)
            layout.addWidget(widget)
            self.widgets.append(widget)
        ctx.containers[path_text(path)] = self

    def load(self) -> None:
        """Show the binder's values (after a record was opened or items were rebuilt)."""
        binder = self.ctx.binder
        self._stash.clear()
        for widget in self.widgets:
            widget.load(binder.get(widget.path))
        self.refresh(initial=True)

    def refresh(self, *, initial: bool = False) -> bool:
        """Apply visibility and requiredness; True when a field appeared or disappeared."""
        binder = self.ctx.binder
        container = binder.container(self.path)
        changed = False
        for widget in self.widgets:
            item = widget.field
            visible = item.is_visible(container)
            if visible == widget.isHidden():
                changed = True
                if visible:
                    if widget.field.key in self._stash:
                        binder.set(widget.path, self._stash.pop(widget.field.key))
                        widget.load(binder.get(widget.path))
                    widget.setVisible(True)
                    if not initial:
                        widget.appeared()
                else:
                    stashed = binder.remove(widget.path)
                    if stashed is not None:
                        self._stash[item.key] = stashed
                    widget.setVisible(False)
            widget.set_required(item.is_required(container))
        return changed

    def focus_widgets(self) -> list[QWidget]:
        found: list[QWidget] = []
        for widget in self.widgets:
            found += widget.focus_widgets()
        return found

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.widgets:
            widget.set_read_only(read_only)

    def first_field(self) -> FieldWidget | None:
        return next((w for w in self.widgets if not w.isHidden()), None)


class GroupFieldWidget(BoxField):
    """A group field (address, guardian, institution): a titled box of nested fields."""

    def build_body(self, box: QGroupBox) -> QWidget:
        self.inner = ContainerView(self.field.fields, self.path, self.ctx, box)
        return self.inner

    def focus_target(self) -> QWidget:
        first = self.inner.first_field()
        return first.focus_target() if first is not None else self.input

    def focus_widgets(self) -> list[QWidget]:
        return self.inner.focus_widgets()

    def show_value(self, value: Any) -> None:
        self.inner.load()

    def set_read_only(self, read_only: bool) -> None:
        self.inner.set_read_only(read_only)
