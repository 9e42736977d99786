"""File transport from the Sync menu (issue 14): a clinic without a connection exports its
batches to a folder and imports the register's receipt, through the real window, the real
store and a real inbox that plays the register's side; a folder that cannot take the files
is said in plain words with its code and the batches stay waiting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.storage.profile import Profile
from desktop.ui.ops import wait_for_background_work
from tests.sync.conftest import inbox_server, staff
from tests.sync.inbox_process import InboxProcess, Staff
from tests.ui.test_sync_window import enrolled_profile, open_main

__all__ = ["enrolled_profile", "inbox_server", "staff"]  # fixtures used below


def _message(qtbot: QtBot, window) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=15_000)
    box = window.findChildren(QMessageBox)[-1]
    text = box.text()
    box.close()
    qtbot.waitUntil(lambda: not window.findChildren(QMessageBox), timeout=5000)
    return text


def test_export_then_import_the_receipt_through_the_window(
    qtbot: QtBot,
    make_controller,
    enrolled_profile: Profile,
    inbox_server: InboxProcess,
    staff: Staff,
    tmp_path: Path,
) -> None:
    controller = open_main(qtbot, make_controller, enrolled_profile)
    main, panel = controller.main, controller.main.sync_panel
    assert main.export_batches_action.isEnabled() and main.import_files_action.isEnabled()

    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    main.export_batches(str(blocked))
    text = _message(qtbot, main)
    assert "export_not_writable" in text and "Velg en annen mappe" in text

    out = tmp_path / "usb"
    main.export_batches(str(out))
    text = _message(qtbot, main)
    files = sorted(out.glob("*.sjbt"))
    assert len(files) == 1 and "1 forsendelse skrevet" in text

    batch_id = files[0].name.removeprefix("sjelden-").removesuffix(".sjbt")
    answer = staff.http.put(
        f"{inbox_server.url}/v1/batches/{batch_id}",
        data=files[0].read_bytes(),
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    )
    assert answer.status_code in (200, 201), answer.text
    receipt = tmp_path / "receipt.json"
    receipt.write_text(answer.text)
    main.import_files([str(tmp_path / "missing.json")])
    assert "import_not_found" in _message(qtbot, main)
    main.import_files([str(receipt)])
    assert "Kvitteringer: 1" in _message(qtbot, main)
    qtbot.waitUntil(lambda: panel.count_labels["sent"].text() == "4", timeout=10_000)
    wait_for_background_work()
