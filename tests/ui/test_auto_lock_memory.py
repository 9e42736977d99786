"""Memory after lock in the real window (issue 13 point 7): the offscreen app, unlocked by
typing the passphrase, a registration typed into the form and saved, then locked; ``gcore``
finds the patient's name while unlocked and no key, passphrase or name (UTF-8 or Qt's
UTF-16) after the lock. The storage-level test is ``tests/storage/test_memory_after_lock``.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop.forms.national_id import generate
from tests.helpers import core_dump as dumps

dumps.require_core_dumps()


def test_the_window_after_lock_leaves_nothing_in_a_core_dump(tmp_path, monkeypatch):
    monkeypatch.setenv("SJELDEN_HOME", str(tmp_path / "home"))
    passphrase = f"fiktiv hest {dumps.letters(10)} stift"
    name = f"Fiktivsen{dumps.letters(10)}"
    national_id = generate(dt.date(1980, 5, 17), "kvinne", rng=random.Random(3))
    directory = tmp_path / "profile"
    data_key = dumps.file_profile_key(directory, passphrase)

    def while_open(dump: bytes) -> None:
        assert name.encode("utf-16-le") in dump, "the window shows the name while open"

    child = dumps.Child(
        directory, passphrase, national_id, name, module="tests.ui.auto_lock_memory_child"
    )
    locked = dumps.dump_after_lock(child, tmp_path, while_open)
    assert dumps.found(locked, dumps.secrets_of(data_key, passphrase, name)) == {}
