"""Debounced autosave: one save a moment after the last edit, and an immediate one when
the form is left or the app locks (``flush``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

AUTOSAVE_DELAY_MS = 1500


class Autosaver(QObject):
    def __init__(
        self,
        save: Callable[[], None],
        *,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.dirty = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)

    def schedule(self) -> None:
        """An edit happened: save once typing pauses."""
        self.dirty = True
        self.timer.start()

    def flush(self) -> None:
        """Save now if anything is unsaved."""
        self.timer.stop()
        if self.dirty:
            self.dirty = False
            self._save()

    def cancel(self) -> None:
        self.timer.stop()
        self.dirty = False
