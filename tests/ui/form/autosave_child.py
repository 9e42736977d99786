"""Run by ``test_autosave_kill``: open the editor offscreen on a real store, type into a new
registration, and say "saved" once the autosave reached the store; then idle until killed.

Prints only markers, never a field value.
"""

from __future__ import annotations

import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile


def main(directory: str, passphrase: str, national_id: str, family_name: str) -> None:
    app = QApplication([])
    from desktop.ui import i18n
    from desktop.ui.form import RegistrationEditor

    i18n.install("nb")
    profile = Profile(Path(directory), key_store=FileBlobStore(Path(directory)))
    store = profile.unlock(passphrase)
    editor = RegistrationEditor(lambda: store, autosave_ms=300)
    editor.resize(1000, 800)
    editor.show()

    def loaded(record_id: str) -> None:
        editor.loaded.disconnect(loaded)
        print("record", record_id, flush=True)
        # Typed as key presses into each field (focus cannot be relied on in a background
        # process: its window need not be the active one).
        QTest.keyClicks(editor.ctx.widgets["patient.national_id"].input, national_id)
        QTest.keyClicks(editor.ctx.widgets["patient.family_name"].input, family_name)
        editor.saved.connect(lambda _id: print("saved", flush=True))

    editor.loaded.connect(loaded)
    QTimer.singleShot(0, editor.start_new)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:5])
