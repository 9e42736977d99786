"""Where the registration form goes: the main window's second page.

The form editor is built separately and plugged in through ``FormEditor``; the host owns
the page around it (title, back to the list) and tells the editor when to start a new
record, open one, or drop everything because the app is locking. Until an editor is
installed, the host shows a plain placeholder, so the shell can be used and tested alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.setup_page import heading


@runtime_checkable
class FormEditor(Protocol):
    """What the form team's widget provides (it is a QWidget as well)."""

    def start_new(self) -> None: ...

    def open_record(self, record_id: str) -> None: ...

    def about_to_lock(self) -> None:
        """Save a draft now, on the database thread; the store closes right after."""

    def clear(self) -> None:
        """Forget every value shown (after locking)."""


class FormHost(QWidget):
    closed = Signal()  # back to the list
    records_changed = Signal()  # the editor saved, completed or deleted: counts are stale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: FormEditor | None = None
        self._editor_factory: Callable[[], QWidget] | None = None
        self.record_id: str | None = None
        self.title = heading(self.tr("New registration"), self)
        self.back_button = QPushButton(self.tr("&Back to the list"), self)
        self.back_button.setAccessibleName(self.tr("Back to the list of registrations"))
        self.back_button.clicked.connect(self.closed)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName(self.tr("Registration form"))
        # Not a Tab stop: a screen reader hears an empty "filler"; the focused field scrolls it.
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        placeholder = QLabel(self.tr("The registration form is shown here."), self.area)
        placeholder.setWordWrap(True)
        placeholder.setAccessibleName(self.tr("Registration form"))
        self.area.setWidget(placeholder)
        self.placeholder: QLabel | None = placeholder

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.area, 1)

    def set_editor_factory(self, factory: Callable[[], QWidget]) -> None:
        """Build the editor when the form is first needed, not at start-up.

        Importing and building the form from its definition takes about half a second,
        which the unlock screen should not wait for.
        """
        self._editor_factory = factory

    def _ensure_editor(self) -> None:
        if self.editor is None and self._editor_factory is not None:
            factory, self._editor_factory = self._editor_factory, None
            self.set_editor(factory())

    def set_editor(self, editor: QWidget) -> None:
        """Install the form editor (a QWidget implementing ``FormEditor``)."""
        if not isinstance(editor, FormEditor):  # checked once, so a wrong widget fails here
            raise TypeError(f"{type(editor).__name__} does not implement FormEditor")
        self.area.setWidget(editor)
        self.placeholder = None  # deleted by the scroll area
        self.editor = editor
        for name in ("saved", "completed", "deleted"):
            signal = getattr(editor, name, None)
            if signal is not None:
                signal.connect(self.records_changed)

    def start_new(self) -> None:
        self.record_id = None
        self.title.setText(self.tr("New registration"))
        self._ensure_editor()
        if self.editor is not None:
            self.editor.start_new()

    def open_record(self, record_id: str) -> None:
        self.record_id = record_id
        self.title.setText(self.tr("Registration"))
        self._ensure_editor()
        if self.editor is not None:
            self.editor.open_record(record_id)

    def about_to_lock(self) -> None:
        if self.editor is not None:
            self.editor.about_to_lock()

    def clear(self) -> None:
        self.record_id = None
        if self.editor is not None:
            self.editor.clear()
