"""Child of ``test_auto_lock_memory``: the real window, offscreen, through unlock, a typed
registration and the lock, then waiting for the parent's ``gcore``.

The passphrase, the national id and the family name arrive on standard input (never as
literals of this file) and are typed as key presses into the unlock page and the form, as
a clinician would; the window locks the way the auto-lock does (``AppController.lock``).
Prints only markers (``unlocked``, ``locked``), never a field value.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.storage import memory_wipe
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile
from desktop.storage.session import Session


def _line() -> bytearray:
    buffer, one, size = bytearray(128), bytearray(1), 0
    while os.readv(0, [one]) == 1 and one[0] != ord("\n"):
        buffer[size] = one[0]
        size += 1
    line = buffer[:size]
    memory_wipe.wipe(buffer)
    return line


def _wait(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _type(widget, secret: bytearray) -> None:
    # QTest takes a str: this one is freed after typing (and overwritten, freed_memory)
    QTest.keyClicks(widget, secret.decode("utf-8"))
    memory_wipe.wipe(secret)


def _say(word: str) -> None:
    os.write(1, word.encode("ascii") + b"\n")


def main(directory: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(0x59616D61, ctypes.c_ulong(-1).value, 0, 0, 0)  # any tracer
    app = QApplication([])
    from desktop.ui import i18n
    from desktop.ui.app import registration_editor
    from desktop.ui.controller import AppController

    i18n.install("nb")
    profile = Profile(directory, key_store=FileBlobStore(directory))
    session = Session(profile)
    controller = AppController(
        profile, session, check_interval_ms=3_600_000, editor_factory=registration_editor
    )
    controller.start()
    passphrase, national_id, family_name = _line(), _line(), _line()
    page = controller.gate.unlock
    _type(page.passphrase, passphrase)
    page.try_unlock()
    _wait(controller.main.isVisible)
    controller.main.new_action.trigger()
    editor = controller.main.form.editor
    _wait(lambda: editor is not None and editor.record_id is not None)
    saved: list[str] = []
    editor.saved.connect(saved.append)
    _type(editor.ctx.widgets["patient.national_id"].input, national_id)
    _type(editor.ctx.widgets["patient.family_name"].input, family_name)
    editor.save_now()
    _wait(lambda: bool(saved))
    controller.main.show_list()
    _wait(lambda: controller.main.records.model.rowCount() == 1)
    _say("unlocked")
    _line()  # "lock"
    controller.lock()
    for _ in range(20):
        QCoreApplication.processEvents()
    _say("locked")
    while os.read(0, 4096):
        pass
    del app


if __name__ == "__main__":
    main(Path(sys.argv[1]))
