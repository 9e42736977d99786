"""Lock on suspend/resume (issue 13 point 7): the clock that counts sleep jumped ahead of the
monotonic one, so the real window locks on the next tick of its real timer."""

from __future__ import annotations

import time

from desktop.ui.auto_lock import SUSPEND_JUMP_SECONDS, system_clocks
from tests.ui.test_auto_lock import open_app


class SleepingClocks:
    """Monotonic and sleep-counting clocks; ``sleep`` moves only the second, as a suspend does."""

    def __init__(self) -> None:
        self.monotonic, self.counted = 1000.0, 5000.0

    def __call__(self) -> tuple[float, float]:
        return self.monotonic, self.counted

    def tick(self, seconds: float) -> None:
        self.monotonic += seconds
        self.counted += seconds

    def sleep(self, seconds: float) -> None:
        self.counted += seconds


def test_a_suspend_locks_on_the_first_tick_after_resume(qtbot, existing_profile, make_controller):
    controller = make_controller(existing_profile, idle_seconds=600)
    clocks = SleepingClocks()
    controller.auto_lock.clocks = clocks
    open_app(qtbot, controller)
    controller.auto_lock.start()
    clocks.tick(5)
    assert not controller.auto_lock.check()  # awake: time moved the same on both clocks
    clocks.tick(5)
    clocks.sleep(SUSPEND_JUMP_SECONDS - 1)  # a short hiccup (NTP step, busy PC) is no suspend
    assert not controller.auto_lock.check()

    clocks.sleep(2 * 3600)  # the lid closed for two hours; the idle clock stood still
    controller.auto_lock.timer.setInterval(20)  # the app's own timer delivers the tick
    qtbot.waitUntil(lambda: controller.session.locked, timeout=5000)
    assert controller.gate.isVisible() and not controller.main.isVisible()
    assert controller.gate.pages.currentWidget() is controller.gate.unlock
    assert controller.main.records.model.rowCount() == 0


def test_the_system_clocks_move_together_while_awake():
    before = system_clocks()
    time.sleep(0.05)
    after = system_clocks()
    moved_monotonic, moved_counted = after[0] - before[0], after[1] - before[1]
    assert 0.04 < moved_monotonic < 5 and abs(moved_counted - moved_monotonic) < 1
