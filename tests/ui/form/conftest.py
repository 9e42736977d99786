"""Fixtures for the form editor: a real (SQLCipher) store and an editor shown offscreen."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from desktop.forms import national_id
from tests.ui.conftest import PASSPHRASE

ADULT_BIRTH = dt.date(1985, 4, 12)


@pytest.fixture
def store(make_profile):
    result = make_profile().create(PASSPHRASE)
    yield result.store
    result.store.close()


@pytest.fixture
def editor(qtbot, store):
    from desktop.ui.form import RegistrationEditor

    widget = RegistrationEditor(lambda: store, autosave_ms=200)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.autosaver.cancel()


@pytest.fixture
def adult_id() -> str:
    return national_id.generate(ADULT_BIRTH, "kvinne", "fnr", random.Random(3))


def child_id(age: int = 9) -> str:
    today = dt.date.today()
    birth = dt.date(today.year - age, 1, 15)
    return national_id.generate(birth, "mann", "fnr", random.Random(5))


def open_new(qtbot, editor) -> None:
    with qtbot.waitSignal(editor.loaded, timeout=5000):
        editor.start_new()
