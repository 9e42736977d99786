"""Every interactive widget has an accessible name, and the app starts through ``run``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from desktop.ui.settings_dialogs import AutoLockDialog, ChangePassphraseDialog
from tests.ui.conftest import PASSPHRASE
from tests.ui.test_unlock import unlock

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox)


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.parent() is None:
            continue
        if type(widget).__name__ in ("QScrollBar", "QHeaderView", "QTableCornerButton"):
            continue
        if widget.objectName().startswith("qt_") or widget.window() is not root:
            continue  # Qt's own internals: spin box editor, combo box popup
        if isinstance(widget.parent(), QLineEdit):
            continue  # the clear button Qt adds to a line edit
        if not (widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())):
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_every_interactive_widget_is_named(qtbot, existing_profile, make_controller):
    controller = make_controller(existing_profile)
    assert unnamed(controller.gate) == []
    unlock(qtbot, controller, PASSPHRASE)
    qtbot.waitUntil(controller.main.isVisible, timeout=5000)
    assert unnamed(controller.main) == []
    for dialog_type in (ChangePassphraseDialog, AutoLockDialog):
        dialog = dialog_type(controller.session, controller.main)
        assert unnamed(dialog) == [], dialog_type.__name__
        dialog.reject()


def test_tab_order_on_the_unlock_page(qtbot, existing_profile, make_controller):
    controller = make_controller(existing_profile)
    page = controller.gate.unlock
    assert next_focus(page.passphrase) is page.unlock_button
    assert next_focus(page.unlock_button) is page.recovery_button


def next_focus(widget: QWidget) -> QWidget:
    """The widget Tab moves to: the focus chain without labels and other unfocusable ones."""
    candidate = widget.nextInFocusChain()
    while candidate.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
        candidate = candidate.nextInFocusChain()
    return candidate


def test_run_starts_the_application_and_quits_cleanly(qtbot, monkeypatch):
    """``run`` as ``sjelden`` calls it; the event loop is replaced so the test's loop survives
    (a real ``quit`` would end pytest-qt's application for the remaining tests)."""
    from desktop.ui.app import run

    titles: list[str] = []

    def fake_exec() -> int:
        QApplication.processEvents()
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        QApplication.instance().aboutToQuit.emit()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert run("fresh", editor_factory=None) == 0
    assert "Sjeldenregisteret: oppsett" in titles
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
