"""Auto-lock with a fake clock: input keeps the session open, idleness locks it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.ui.conftest import PASSPHRASE
from tests.ui.test_unlock import unlock


def open_app(qtbot, controller) -> None:
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    model = controller.main.records.model
    qtbot.waitUntil(lambda: model.rowCount() == 25, timeout=5000)


def test_idle_past_the_timeout_locks_and_empties_the_list(
    qtbot, existing_profile, make_controller, clock
):
    controller = make_controller(existing_profile, idle_seconds=600)
    open_app(qtbot, controller)
    main = controller.main
    main.records.search.setText("Testesen")
    main.new_action.trigger()

    clock.advance(599)
    assert not controller.auto_lock.check()
    assert main.isVisible()
    clock.advance(2)
    assert controller.auto_lock.check()

    assert controller.session.locked
    assert not main.isVisible()
    assert controller.gate.isVisible()
    assert controller.gate.pages.currentWidget() is controller.gate.unlock
    assert main.records.model.rowCount() == 0
    assert main.records.search.text() == ""
    assert main.pages.currentWidget() is main.records
    assert main.count_label.text() == ""

    open_app(qtbot, controller)  # unlocking again reloads the list


def test_keyboard_and_mouse_input_count_as_activity(
    qtbot, existing_profile, make_controller, clock
):
    controller = make_controller(existing_profile, idle_seconds=600)
    open_app(qtbot, controller)
    controller.auto_lock.start()  # the filter is installed on unlock; idempotent here
    # Input as the platform delivers it: to the window, which hands it to the widget.
    window = controller.main.windowHandle()
    search = controller.main.records.search
    search.setFocus()
    clock.advance(500)
    QTest.keyClick(window, Qt.Key.Key_A)
    clock.advance(500)
    assert not controller.auto_lock.check()
    centre = search.mapTo(controller.main, search.rect().center())
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    clock.advance(599)
    assert not controller.auto_lock.check()
    clock.advance(2)
    assert controller.auto_lock.check()


def test_typing_in_a_dialog_counts_as_activity(qtbot, existing_profile, make_controller, clock):
    """Dialogs are windows of their own: the filter follows the focus window to them."""
    from desktop.ui.settings_dialogs import AutoLockDialog

    controller = make_controller(existing_profile, idle_seconds=600)
    open_app(qtbot, controller)
    dialog = AutoLockDialog(controller.session, controller.main)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(), timeout=5000)
    clock.advance(599)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Tab)
    clock.advance(2)
    assert not controller.auto_lock.check()
    dialog.reject()


def test_lock_menu_and_shortcut(qtbot, existing_profile, make_controller):
    controller = make_controller(existing_profile)
    open_app(qtbot, controller)
    assert controller.main.lock_action.shortcut().toString() == "Ctrl+L"
    controller.main.lock_action.trigger()
    assert controller.session.locked
    assert controller.main.records.model.rowCount() == 0
    assert controller.gate.isVisible()


def test_auto_lock_setting_is_saved(qtbot, existing_profile, make_controller):
    from desktop.ui.settings_dialogs import AutoLockDialog

    controller = make_controller(existing_profile, idle_seconds=None)
    open_app(qtbot, controller)
    controller.main.auto_lock_action.trigger()
    dialog = controller.main.findChildren(AutoLockDialog)[0]
    assert dialog.minutes.value() == 10
    dialog.minutes.setValue(3)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ok_button.click()
    assert controller.session.idle_seconds == 180
    assert controller.session.store.get_setting("auto_lock_minutes") == 3


def test_the_form_editor_is_plugged_in_and_told_about_locking(
    qtbot, existing_profile, make_controller
):
    from PySide6.QtWidgets import QWidget

    calls = []

    class FakeEditor(QWidget):
        def __init__(self, store_source):
            super().__init__()
            self.setAccessibleName("fake form")
            self.store_source = store_source

        def start_new(self):
            calls.append("new")

        def open_record(self, record_id):
            calls.append("open")

        def about_to_lock(self):
            calls.append(("about_to_lock", self.store_source().closed))

        def clear(self):
            calls.append("clear")

    controller = make_controller(existing_profile)
    controller.main.form.set_editor(FakeEditor(lambda: controller.session.store))
    open_app(qtbot, controller)
    controller.main.new_action.trigger()
    controller.lock()
    assert calls == ["new", ("about_to_lock", False), "clear"]
