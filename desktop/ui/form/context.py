"""State shared by every widget of one form editor: the definition, the language, the
payload binder, and the registry that maps issue paths to the widgets showing them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.forms.definition import Field, FormDefinition
from desktop.messages import Lang
from desktop.ui.form.binding import Binder, Path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.form.container import ContainerView
    from desktop.ui.form.fields import FieldWidget


@dataclass
class EditorContext:
    form: FormDefinition
    lang: Lang
    binder: Binder = field(default_factory=Binder)
    read_only: bool = False
    #: Called after the user changed the value at a path (the binder already holds it).
    on_edit: Callable[[Path], None] = lambda path: None
    #: Called after the shape of the form changed (items added or removed, fields shown).
    on_layout: Callable[[], None] = lambda: None
    #: Builds the widget for a field (set by the factory; breaks an import cycle).
    make_widget: Callable[[Field, Path, EditorContext, QWidget | None], FieldWidget] | None = None
    widgets: dict[str, FieldWidget] = field(default_factory=dict)
    containers: dict[str, ContainerView] = field(default_factory=dict)
    services: dict[str, Any] = field(default_factory=dict)
    #: Field template (``mnemonics.template``) -> index of its Alt+letter in the caption.
    mnemonics: dict[str, int] = field(default_factory=dict)

    def text(self, localized: Any) -> str:
        return localized.get(self.lang) if localized is not None else ""

    def forget_below(self, prefix: str) -> None:
        """Unregister every widget and container under ``prefix`` (a repeat being rebuilt)."""
        for registry in (self.widgets, self.containers):
            for key in [k for k in registry if k.startswith(prefix)]:
                del registry[key]
