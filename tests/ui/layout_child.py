"""Run by ``test_form_layout``: the real app on an offscreen screen of the size the test
chose (``QT_QPA_PLATFORM=offscreen:configfile=...``), which a test process whose
QApplication already exists cannot change. Prints one JSON line of facts, never a value.

``main``: the main window at its default size with a new registration open; ``setup``: the
set-up page after the keyring refused the key (the no-keyring box shown).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import keyring
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QCheckBox, QLabel, QWidget

from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile
from desktop.storage.session import Session
from tests.helpers.memory_keyring import MemoryKeyring

PASSPHRASE = "korrekt hest batteri stift"


def wait_until(condition, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        QApplication.processEvents()
        time.sleep(0.01)


def settle() -> None:
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.01)


def clipped(root: QWidget) -> list[str]:
    """Visible labels and check boxes narrower (or, wrapped, lower) than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if widget.height() < need:
                    found.append(f"{widget.accessibleName() or 'label'}: height")
            elif widget.width() < widget.sizeHint().width():
                found.append(f"{widget.accessibleName() or 'label'}: width")
        elif isinstance(widget, QCheckBox) and widget.width() < widget.sizeHint().width():
            found.append(f"{widget.accessibleName() or 'check box'}: width")
    return found


def horizontal_bars(root: QWidget) -> list[str]:
    return [
        area.accessibleName() or type(area).__name__
        for area in root.findChildren(QAbstractScrollArea)
        if area.isVisibleTo(root) and area.horizontalScrollBar().isVisible()
    ]


def main(which: str, directory: str) -> None:
    app = QApplication([])
    from desktop.ui import i18n
    from desktop.ui.app import registration_editor
    from desktop.ui.controller import AppController

    i18n.install("nb")
    screen = app.primaryScreen().availableGeometry()
    facts: dict[str, object] = {"screen": [screen.width(), screen.height()]}
    if which == "main":
        keyring.set_keyring(MemoryKeyring())
        profile = Profile(
            Path(directory), key_store=FileBlobStore(Path(directory)), kdf_target_seconds=0.02
        )
        profile.create(PASSPHRASE, key_storage="file").store.close()
        controller = AppController(
            profile,
            Session(profile),
            check_interval_ms=3_600_000,
            editor_factory=registration_editor,
        )
        controller.start()
        page = controller.gate.unlock
        QTest.keyClicks(page.passphrase, PASSPHRASE)
        QTest.keyClick(page.passphrase, Qt.Key.Key_Return)
        wait_until(controller.main.isVisible)
        main_window = controller.main
        main_window.new_action.trigger()
        wait_until(lambda: main_window.form.editor is not None)
        editor = main_window.form.editor
        wait_until(lambda: editor.record_id is not None)
        settle()
        frame = main_window.frameGeometry()
        facts["window"] = [main_window.width(), main_window.height()]
        facts["frame"] = [frame.x(), frame.y(), frame.width(), frame.height()]
        facts["horizontal_bars"] = horizontal_bars(main_window)
        facts["clipped"] = clipped(main_window)
        controller.shutdown()
    else:
        keyring.set_keyring(MemoryKeyring())  # not a secure keyring: the set-up refuses it
        profile = Profile(Path(directory), kdf_target_seconds=0.02)
        controller = AppController(profile, Session(profile), check_interval_ms=3_600_000)
        controller.start()
        setup = controller.gate.setup
        QTest.keyClicks(setup.passphrases.first, PASSPHRASE)
        QTest.keyClicks(setup.passphrases.second, PASSPHRASE)
        setup.create_button.click()
        wait_until(setup.keyfile_box.isVisible)
        settle()
        gate = controller.gate
        facts["window"] = [gate.width(), gate.height()]
        facts["clipped"] = clipped(gate)
        controller.shutdown()
    print(json.dumps(facts), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
