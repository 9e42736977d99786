"""Repeating groups: the diagnoses (a repeating section) and the genetic findings inside
each diagnosis (a repeating field). Each item is a titled box with its own fields and a
remove button; an add button follows the last item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.forms.definition import Field
from desktop.ui.form.binding import Path, path_text
from desktop.ui.form.container import ContainerView
from desktop.ui.form.context import EditorContext
from desktop.ui.form.fields import BoxField


class RepeatView(QWidget):
    def __init__(
        self,
        fields: tuple[Field, ...],
        path: Path,
        ctx: EditorContext,
        *,
        item_title: str,
        min_items: int = 0,
        max_items: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.fields = fields
        self.path = path
        self.ctx = ctx
        self.item_title = item_title
        self.min_items = min_items
        self.max_items = max_items
        self.items: list[tuple[QGroupBox, ContainerView, QPushButton]] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(
            QCoreApplication.translate("RepeatView", "Add %1").replace("%1", item_title.lower()),
            self,
        )
        self.add_button.setAccessibleName(self.add_button.text())
        self.add_button.clicked.connect(lambda: self.add())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.column.addLayout(row)

    def count(self) -> int:
        return len(self.ctx.binder.items(self.path))

    def load(self) -> None:
        self._rebuild(self.count())

    def _rebuild(self, count: int) -> None:
        self.ctx.forget_below(path_text(self.path) + "[")
        for box, _view, _button in self.items:
            box.hide()
            box.setParent(None)
            box.deleteLater()
        self.items = []
        for index in range(count):
            self._add_box(index)
        for _box, view, _button in self.items:
            view.load()
        self._update_buttons()

    def _add_box(self, index: int) -> None:
        title = f"{self.item_title} {index + 1}"
        box = QGroupBox(title, self)
        box.setAccessibleName(title)
        column = QVBoxLayout(box)
        view = ContainerView(self.fields, (*self.path, index), self.ctx, box)
        column.addWidget(view)
        remove = QPushButton(
            QCoreApplication.translate("RepeatView", "Remove %1").replace("%1", title.lower()), box
        )
        remove.setAccessibleName(remove.text())
        remove.clicked.connect(lambda _checked=False, i=index: self.remove(i))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(remove)
        column.addLayout(row)
        if self.ctx.read_only:
            view.set_read_only(True)
        self.column.insertWidget(self.column.count() - 1, box)
        box.show()  # now, not on the next event loop turn: Tab may come first
        self.items.append((box, view, remove))

    def _update_buttons(self) -> None:
        count = len(self.items)
        read_only = self.ctx.read_only
        self.add_button.setVisible(not read_only)
        self.add_button.setEnabled(self.max_items is None or count < self.max_items)
        for _box, _view, remove in self.items:
            remove.setVisible(not read_only)
            remove.setEnabled(count > self.min_items)

    def add(self, *, focus: bool = True) -> None:
        if self.ctx.read_only or not self.add_button.isEnabled():
            return
        index = self.ctx.binder.append_item(self.path)
        self._add_box(index)
        self.items[-1][1].load()
        self._update_buttons()
        self.ctx.on_edit(self.path)
        self.ctx.on_layout()
        if focus:
            first = self.items[-1][1].first_field()
            if first is not None:
                first.focus_input()

    def remove(self, index: int) -> None:
        if self.ctx.read_only or len(self.items) <= self.min_items:
            return
        self.ctx.binder.remove_item(self.path, index)
        self._rebuild(self.count())
        self.ctx.on_edit(self.path)
        self.ctx.on_layout()
        if self.items:
            target = self.items[min(index, len(self.items) - 1)][2]
            target = target if target.isEnabled() else self.add_button
        else:
            target = self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_widgets(self) -> list[QWidget]:
        found: list[QWidget] = []
        for _box, view, remove in self.items:
            found += view.focus_widgets()
            found.append(remove)
        found.append(self.add_button)
        return found

    def set_read_only(self, read_only: bool) -> None:
        for _box, view, _remove in self.items:
            view.set_read_only(read_only)
        self._update_buttons()


class RepeatFieldWidget(BoxField):
    """A repeating field (genetic findings): a titled box holding a ``RepeatView``."""

    def build_body(self, box: QGroupBox) -> QWidget:
        self.view = RepeatView(
            self.field.fields,
            self.path,
            self.ctx,
            item_title=self.ctx.text(self.field.item_label) or self.caption,
            min_items=0,
            max_items=self.field.max_items,
            parent=box,
        )
        return self.view

    def focus_target(self) -> QWidget:
        if self.view.items:
            first = self.view.items[0][1].first_field()
            if first is not None:
                return first.focus_target()
        return self.view.add_button

    def focus_widgets(self) -> list[QWidget]:
        return self.view.focus_widgets()

    def show_value(self, value: Any) -> None:
        self.view.load()

    def appeared(self) -> None:
        if self.field.min_items and self.view.count() == 0:
            self.view.add(focus=False)

    def set_read_only(self, read_only: bool) -> None:
        self.view.set_read_only(read_only)
