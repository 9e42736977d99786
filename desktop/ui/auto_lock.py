"""Locking after inactivity: user input keeps the session alive, a timer checks the rest.

Only keyboard and mouse input count as activity (background sync does not), so an
unattended PC locks. The decision itself is the core's ``Session.check_idle``; this module
only feeds it input events and a clock tick.

The activity filter sits on the top-level *windows* (``QWindow``: where the platform delivers
every key and mouse event before a widget sees it), not on the application: an
application-wide Python filter runs for every event of every object (timers, paints, posted
calls) and needs the GIL each time, which froze the GUI for 50-130 ms while a sync thread
was busy (``benchmarks/bench_sync_gui.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

from desktop.storage.session import Session

CHECK_INTERVAL_MS = 5_000

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.MouseMove,
    }
)


class ActivityFilter(QObject):
    """Event filter on each top-level window (``QWindow``): user input counts as activity
    and postpones the automatic lock; never consumes an event."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.session.locked:
            self.session.touch()
        return False


class AutoLock(QObject):
    def __init__(
        self,
        session: Session,
        parent: QObject | None = None,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
        before_lock: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.before_lock = before_lock
        self.filter = ActivityFilter(session, self)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._windows: list[QWindow] = []
        self._started = False

    def start(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and not self._started:
            self._started = True
            for window in app.topLevelWindows():
                self._watch(window)
            app.focusWindowChanged.connect(self._watch)  # dialogs opened later
        self.timer.start()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None and window not in self._windows:
            window.installEventFilter(self.filter)
            self._windows.append(window)

    def stop(self) -> None:
        self.timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._started:
            app.focusWindowChanged.disconnect(self._watch)
        self._started = False
        for window in self._windows:
            if shiboken6.isValid(window):
                window.removeEventFilter(self.filter)
        self._windows.clear()

    def check(self) -> bool:
        """``True`` when this check locked the session (its ``on_lock`` callbacks ran)."""
        session = self.session
        if not session.locked and session.seconds_until_lock() <= 0 and self.before_lock:
            self.before_lock()  # e.g. the form saves its draft while the store is still open
        return session.check_idle()
