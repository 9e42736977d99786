"""Auto-lock after inactivity, driven by an injectable clock."""

from __future__ import annotations

import pytest

from desktop.storage import records
from desktop.storage.errors import NotUnlocked
from desktop.storage.session import Session

PASS = "riktig hest batteri stift"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_locks_after_default_ten_minutes_idle(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    clock = FakeClock()
    session = Session(profile, clock=clock)
    locked_events: list[bool] = []
    session.on_lock.append(lambda: locked_events.append(True))
    store = session.unlock(PASS)
    assert session.idle_seconds == 600
    clock.now += 599
    assert not session.check_idle()
    session.touch()  # user activity restarts the countdown
    clock.now += 599
    assert not session.check_idle()
    clock.now += 2
    assert session.check_idle()
    assert session.locked and store.closed and locked_events == [True]
    with pytest.raises(NotUnlocked):
        session.store.call(lambda c: records.count(c))
    with pytest.raises(NotUnlocked):
        store.call(lambda c: records.count(c))  # a stale reference cannot reach the data either
    session.unlock(PASS)  # unlocking asks for the passphrase again
    assert not session.locked
    session.lock()


def test_idle_time_is_configurable_and_persists(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    clock = FakeClock()
    session = Session(profile, clock=clock)
    session.unlock(PASS)
    session.set_idle_minutes(2)
    clock.now += 121
    assert session.check_idle()
    session.unlock(PASS)
    assert session.idle_seconds == 120
    with pytest.raises(ValueError):
        session.set_idle_minutes(0)
    session.lock()
