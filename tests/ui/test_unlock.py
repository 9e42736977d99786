"""Unlock, slow-down, recovery and passphrase change through the real windows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.storage.errors import WrongPassphrase
from desktop.ui.settings_dialogs import ChangePassphraseDialog
from tests.ui.conftest import PASSPHRASE

NEW_PASSPHRASE = "ny lang passordfrase 2025"


def unlock(qtbot, controller, passphrase: str) -> None:
    page = controller.gate.unlock
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page._busy, timeout=10_000)


def test_wrong_passphrase_stays_locked_right_one_shows_the_records(
    qtbot, existing_profile, make_controller
):
    controller = make_controller(existing_profile)
    assert controller.gate.pages.currentWidget() is controller.gate.unlock
    unlock(qtbot, controller, "feil passordfrase her")
    assert "Feil passordfrase" in controller.gate.unlock.message.text()
    assert controller.session.locked
    assert not controller.main.isVisible()

    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    model = controller.main.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 25, timeout=5000)
    names = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert any(name.startswith("Testesen00003, ") for name in names)
    qtbot.waitUntil(lambda: "25" in controller.main.count_label.text(), timeout=5000)
    assert "registreringer" in controller.main.count_label.text()


def test_too_many_attempts_shows_a_countdown(qtbot, existing_profile, make_controller, wall_clock):
    controller = make_controller(existing_profile)
    page = controller.gate.unlock
    for _ in range(3):
        unlock(qtbot, controller, "gjetting gjetting")
    assert not page.unlock_button.isEnabled()
    assert "Du kan prøve igjen om 2 sekunder" in page.countdown.text()
    # Enter does nothing while waiting.
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert not page._busy

    wall_clock.advance(1.2)
    page._tick()
    assert "1 sekund." in page.countdown.text()
    wall_clock.advance(1)
    page._tick()
    assert page.unlock_button.isEnabled() and page.countdown.text() == ""

    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)


def test_too_many_attempts_from_the_store_is_explained(qtbot, existing_profile, make_controller):
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            existing_profile.unlock("gjetting gjetting")
    controller = make_controller(existing_profile)
    page = controller.gate.unlock
    assert not page.unlock_button.isEnabled()
    assert "sekund" in page.countdown.text()


def test_recovery_key_unlocks_and_sets_a_new_passphrase(qtbot, profile, make_controller):
    result = profile.create(PASSPHRASE)
    result.store.close()
    controller = make_controller(profile)
    gate = controller.gate
    gate.unlock.recovery_button.click()
    page = gate.recovery
    assert gate.pages.currentWidget() is page

    qtbot.keyClicks(page.key_field, "AAAA-BBBB-CCCC")
    qtbot.keyClicks(page.passphrases.first, NEW_PASSPHRASE)
    qtbot.keyClicks(page.passphrases.second, NEW_PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=5000)
    assert "Gjenopprettingsnøkkelen passer ikke" in page.message.text()

    page.key_field.clear()
    qtbot.keyClicks(page.key_field, result.recovery_key.lower())
    page.unlock_button.click()
    qtbot.waitUntil(controller.main.isVisible, timeout=10_000)
    controller.shutdown()
    profile.verify_passphrase(NEW_PASSPHRASE)


def open_change_dialog(qtbot, controller) -> ChangePassphraseDialog:
    controller.main.change_passphrase_action.trigger()
    dialogs = controller.main.findChildren(ChangePassphraseDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def test_change_passphrase_dialog(qtbot, existing_profile, make_controller):
    controller = make_controller(existing_profile)
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)

    dialog = open_change_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.old, "ikke den riktige")
    qtbot.keyClicks(dialog.new.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new.second, NEW_PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert "Feil passordfrase" in dialog.message.text()

    dialog.old.clear()
    qtbot.keyClicks(dialog.old, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    info = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and "endret" in getattr(w, "text", lambda: "")()
    ]
    assert info, "a confirmation is shown"
    info[0].close()
    existing_profile.verify_passphrase(NEW_PASSPHRASE)


def test_locking_closes_every_dialog_of_the_window(qtbot, existing_profile, make_controller):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from desktop.ui.register_key_dialog import RegisterKeyDialog
    from desktop.ui.settings_dialogs import AutoLockDialog

    controller = make_controller(existing_profile)
    unlock(qtbot, controller, PASSPHRASE)
    main = controller.main
    qtbot.waitUntil(main.isVisible, timeout=5000)
    main.auto_lock_action.trigger()
    main.register_key_action.trigger()
    main.about_action.trigger()
    main.sync_status_action.trigger()
    qtbot.waitUntil(lambda: len(main.findChildren(QMessageBox)) == 2, timeout=5000)
    deep = QMessageBox(main.records)  # a message from a panel, not the window itself
    deep.open()
    dialogs = main.findChildren(QDialog)
    assert main.findChildren(AutoLockDialog) and main.findChildren(RegisterKeyDialog)
    assert all(dialog.isVisible() for dialog in dialogs)

    controller.lock()
    qtbot.waitUntil(lambda: not main.isVisible(), timeout=5000)
    assert not any(dialog.isVisible() for dialog in main.findChildren(QDialog))
    qtbot.waitUntil(lambda: not main.findChildren(QMessageBox), timeout=5000)


def test_a_locked_keyring_is_explained_on_the_unlock_page(
    qtbot, existing_profile, make_profile, make_controller
):
    import keyring.errors

    from desktop.storage.keystore import KeyringBlobStore
    from tests.helpers.failing_keyring import FailingKeyring

    locked = make_profile(key_store=KeyringBlobStore(FailingKeyring(keyring.errors.KeyringLocked)))
    controller = make_controller(locked)
    unlock(qtbot, controller, PASSPHRASE)
    text = controller.gate.unlock.message.text()
    assert "Nøkkelringen i operativsystemet er låst" in text
    assert "Lås opp påloggingsnøkkelringen" in text
    assert controller.session.locked
    assert not [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMessageBox")
    ]


def test_a_store_older_than_known_is_opened_only_when_the_user_accepts_the_loss(
    qtbot, existing_profile, make_controller
):
    """Issue 14 (F5) in the window: an emptied store is not opened; the message names what
    is missing, Cancel is the default, and only the explicit choice opens it as it is."""
    from PySide6.QtWidgets import QMessageBox

    db = existing_profile.db_path
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        extra.unlink(missing_ok=True)
    db.write_bytes(b"")  # emptied: every commit recorded outside it is missing
    controller = make_controller(existing_profile)
    page = controller.gate.unlock

    def the_box() -> QMessageBox:
        qtbot.waitUntil(lambda: bool(page.findChildren(QMessageBox)), timeout=10_000)
        return page.findChildren(QMessageBox)[-1]

    unlock(qtbot, controller, PASSPHRASE)
    box = the_box()
    assert controller.session.locked
    assert "endring" in box.text() and "mangler" in box.text()
    assert box.defaultButton() is box.escapeButton()
    assert box.defaultButton() is not page.accept_loss_button
    box.defaultButton().click()  # Avbryt: nothing opened
    qtbot.waitUntil(lambda: not page.findChildren(QMessageBox), timeout=5000)
    assert controller.session.locked and "ikke åpnet" in page.message.text()

    unlock(qtbot, controller, PASSPHRASE)
    page.accept_loss_button.click()
    qtbot.waitUntil(lambda: not controller.session.locked, timeout=10_000)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
