"""The top level of the form: one titled box per section of the definition (the diagnoses
section holding a repeat view), and one per sub-registry module, shown only while a
diagnosis selects that sub-registry."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.forms.definition import Module, Section
from desktop.ui.form.container import ContainerView
from desktop.ui.form.context import EditorContext
from desktop.ui.form.repeat import RepeatView


class _Box(QGroupBox):
    """A titled box with an optional note, around the section's or module's ``body``."""

    body: ContainerView | RepeatView
    key: str  # the navigation list's handle: a section key or a module path

    def __init__(self, title: str, help_text: str, parent: QWidget | None) -> None:
        super().__init__(title.replace("&", "&&"), parent)
        self.setAccessibleName(title)
        self.column = QVBoxLayout(self)
        if help_text:
            note = QLabel(help_text, self)
            note.setWordWrap(True)
            note.setAccessibleName(help_text)
            self.setAccessibleDescription(help_text)
            self.column.addWidget(note)

    def load(self) -> None:
        self.body.load()

    def focus_widgets(self) -> list[QWidget]:
        return self.body.focus_widgets()

    def set_read_only(self, read_only: bool) -> None:
        self.body.set_read_only(read_only)


class SectionView(_Box):
    def __init__(self, section: Section, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(ctx.text(section.label), ctx.text(section.help), parent)
        self.section = section
        self.key = section.key
        if section.repeat:
            self.body = RepeatView(
                section.fields,
                (section.key,),
                ctx,
                item_title=ctx.text(section.label),
                min_items=section.min_items,
                max_items=section.max_items,
                parent=self,
            )
        else:
            self.body = ContainerView(section.fields, (section.key,), ctx, self)
        self.column.addWidget(self.body)


class ModuleView(_Box):
    def __init__(self, module: Module, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(ctx.text(module.label), ctx.text(module.help), parent)
        self.module = module
        self.key = module.path
        self.body = ContainerView(module.fields, ("modules", module.id), ctx, self)
        self.column.addWidget(self.body)
