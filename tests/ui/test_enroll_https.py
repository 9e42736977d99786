"""The enrollment dialog refuses a plain-http server address for another host with the
core's coded message (issue 13 point 5), before anything is sent or kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.storage.profile import Profile
from desktop.sync import identity
from tests.ui.test_sync_window import open_enroll_dialog


def test_enroll_dialog_requires_https_for_another_host(
    qtbot: QtBot,
    make_controller,  # type: ignore[no-untyped-def]
    existing_profile: Profile,
) -> None:
    controller, dialog = open_enroll_dialog(qtbot, make_controller, existing_profile)
    dialog.server.setText("http://innboks.sjeldenregisteret.no")
    qtbot.keyClicks(dialog.code, "abcd efgh jkmn pqrs")
    dialog.connect_button.click()
    assert "må begynne med https://" in dialog.message.text()
    assert "(https_required)" in dialog.message.text()
    assert not dialog._busy  # refused before connecting
    assert controller.session.store.call(identity.load) is None
    dialog.server.setText("http://127.0.0.1:9")  # this machine: allowed, the next check speaks
    dialog.connect_button.click()
    assert "https_required" not in dialog.message.text()
