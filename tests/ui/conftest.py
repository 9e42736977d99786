"""GUI test fixtures: offscreen Qt, the bokmål catalogue, and the app driven end to end.

Profiles come from the suite's ``make_profile`` (in-memory keyring, fast KDF) and sessions
get a fake clock, so auto-lock is tested without waiting.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.session import Session
from desktop.storage.store import Store
from tests.helpers import synthetic

PASSPHRASE = "korrekt hest batteri stift"
HERE = Path(__file__).parent

# The offscreen platform cannot honour size hints or raise windows, and says so.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
            item.add_marker(pytest.mark.gui)


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def bokmal(qapp) -> Iterator[None]:
    from desktop.ui import i18n

    i18n.install("nb")
    yield
    i18n.install("nb")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wall_clock() -> FakeClock:
    return FakeClock(1_700_000_000.0)


@pytest.fixture
def profile(make_profile: Callable[..., Profile], wall_clock: FakeClock) -> Profile:
    return make_profile(wall_clock=wall_clock)


def add_records(store: Store, count: int, *, seed: int = 7) -> list[str]:
    """``count`` synthetic drafts (a few with other statuses), in one database call."""
    from desktop.storage import records

    rng = random.Random(seed)
    payloads = [synthetic.record(rng) for _ in range(count)]
    for index, payload in enumerate(payloads):
        payload["patient"]["family_name"] = f"Testesen{index:05d}"
        payload["reporter"]["registration_date"] = f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}"

    def insert(conn) -> list[str]:
        ids = []
        for index, payload in enumerate(payloads):
            record = records.save_draft(
                conn,
                record_id=payload["record_id"],
                payload=payload,
                form_id="sjeldenregisteret",
                form_version=1,
                author="test",
            )
            if index % 10 == 0:
                records.set_status(
                    conn,
                    record_id=record.record_id,
                    revision=record.revision,
                    status=RecordStatus.SENT,
                    actor="test",
                )
            ids.append(record.record_id)
        return ids

    return store.call(insert, "test data")


@pytest.fixture
def existing_profile(profile: Profile) -> Profile:
    """A set-up profile holding a few records, locked again."""
    result = profile.create(PASSPHRASE)
    with result.store as store:
        add_records(store, 25)
    return profile


@pytest.fixture
def make_controller(qtbot, clock: FakeClock):
    from desktop.ui.controller import AppController

    made = []

    def factory(profile: Profile, *, idle_seconds: float | None = 600.0):
        session = Session(profile, clock=clock, idle_seconds=idle_seconds)
        controller = AppController(profile, session, check_interval_ms=3_600_000)
        qtbot.addWidget(controller.gate)
        qtbot.addWidget(controller.main)
        made.append(controller)
        controller.start()
        return controller

    yield factory
    for controller in made:
        controller.shutdown()
