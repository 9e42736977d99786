"""Locking after inactivity: user input keeps the session alive, a timer checks the rest.

Only keyboard and mouse input count as activity (background sync does not), so an
unattended PC locks. The decision itself is the core's ``Session.check_idle``; this module
only feeds it input events and a clock tick.

The activity filter sits on the top-level *windows* (``QWindow``: where the platform delivers
every key and mouse event before a widget sees it), not on the application: an
application-wide Python filter runs for every event of every object (timers, paints, posted
calls) and needs the GIL each time, which froze the GUI for 50-130 ms while a sync thread
was busy (``benchmarks/bench_sync_gui.py``).

Suspend and resume: the idle clock is monotonic, and the monotonic clock stands still while
the PC sleeps (Linux, macOS), so a laptop closed while unlocked opened unlocked hours later
(issue 13). Each tick compares how far the wall clock moved with how far the monotonic
clock did; a gap of more than ``SUSPEND_JUMP_SECONDS`` means the machine slept (or someone
set the clock forward), and the session locks at once. The first tick after resume comes
within ``CHECK_INTERVAL_MS``; on Linux the boot-time clock (which counts sleep and is not
moved by clock changes) stands in for the wall clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

from desktop.storage.session import Session

CHECK_INTERVAL_MS = 5_000
#: more than this between what the sleep-counting and the monotonic clock moved: a suspend
SUSPEND_JUMP_SECONDS = 30.0


def system_clocks() -> tuple[float, float]:
    """(monotonic, a clock that also runs while the PC sleeps), in seconds."""
    sleeping = getattr(time, "CLOCK_BOOTTIME", None)
    counted = time.clock_gettime(sleeping) if sleeping is not None else time.time()
    return time.monotonic(), counted


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
        clocks: Callable[[], tuple[float, float]] = system_clocks,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.before_lock = before_lock
        self.clocks = clocks
        self._last_tick = clocks()
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
        self._last_tick = self.clocks()
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
        if self.resumed_from_sleep() and not session.locked:
            if self.before_lock:
                self.before_lock()
            session.lock()
            return True
        if not session.locked and session.seconds_until_lock() <= 0 and self.before_lock:
            self.before_lock()  # e.g. the form saves its draft while the store is still open
        return session.check_idle()

    def resumed_from_sleep(self) -> bool:
        """Whether the PC slept (or the clock jumped forward) since the last tick."""
        monotonic, counted = self.clocks()
        last_monotonic, last_counted = self._last_tick
        self._last_tick = (monotonic, counted)
        return (counted - last_counted) - (monotonic - last_monotonic) > SUSPEND_JUMP_SECONDS
