"""Where the registration form goes: the main window's second page.

The form editor is built separately and plugged in through ``FormEditor``; the host owns
the page around it (title, back to the list) and tells the editor when to start a new
record, open one, or drop everything because the app is locking. Until an editor is
installed, the host shows a plain placeholder, so the shell can be used and tested alone.

On a language switch (Qt's ``LanguageChange``) the host retranslates its own words and
builds a fresh editor from its factory (the form's labels come from the form definition in
the chosen language), handing it the values the old one holds, typed but not yet saved ones
included; the old editor saves its draft first, so the store has them too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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


@runtime_checkable
class KeepsState(Protocol):
    """An editor that can hand what it shows to its successor (a language switch)."""

    def can_hand_over(self) -> bool:
        """False while an operation whose answer the editor waits for is running."""

    def carry_over(self) -> object:
        """Save what is typed and return what a new editor needs to show it again."""

    def resume(self, state: Any) -> None:
        """Show what ``carry_over`` handed over."""


class FormHost(QWidget):
    closed = Signal()  # back to the list
    records_changed = Signal()  # the editor saved, completed or deleted: counts are stale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: FormEditor | None = None
        self._editor_factory: Callable[[], QWidget] | None = None
        self._rebuild_with: Callable[[], QWidget] | None = None  # the factory, once used
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
            self._rebuild_with = factory
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

    # -- language switch --------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.title.setText(
                self.tr("Registration") if self.record_id else self.tr("New registration")
            )
            self.back_button.setText(self.tr("&Back to the list"))
            self.back_button.setAccessibleName(self.tr("Back to the list of registrations"))
            self.area.setAccessibleName(self.tr("Registration form"))
            if self._rebuild_with is not None:
                # after the event has reached every child: the old editor is still among them
                QTimer.singleShot(0, self, self._rebuild_editor)
        super().changeEvent(event)

    def _rebuild_editor(self) -> None:
        """A new editor in the current language, showing what the old one showed."""
        old, factory = self.editor, self._rebuild_with
        if factory is None or old is None:
            return
        if isinstance(old, KeepsState) and not old.can_hand_over():
            QTimer.singleShot(100, self, self._rebuild_editor)  # once its answer is in
            return
        state = old.carry_over() if isinstance(old, KeepsState) else None
        self.area.takeWidget()
        editor = factory()
        self.set_editor(editor)
        assert isinstance(old, QWidget)
        old.hide()
        old.deleteLater()
        if state is not None and isinstance(editor, KeepsState):
            editor.resume(state)
