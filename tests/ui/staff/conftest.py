"""Staff UI fixtures: the staff tests' profile helpers and the GUI suite's controller."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.staff.confirm_dialog import ConfirmDialog
from tests.staff.conftest import backend, register_db  # noqa: F401


def close_message_boxes(window: QWidget) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()
        box.deleteLater()


def confirmation(qtbot, window: QWidget) -> ConfirmDialog:  # type: ignore[no-untyped-def]
    """The confirmation that is open now (waits for it)."""

    def shown() -> ConfirmDialog | None:
        dialogs = [d for d in window.findChildren(ConfirmDialog) if d.isVisible()]
        return dialogs[-1] if dialogs else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=10_000)
    dialog = shown()
    assert dialog is not None
    return dialog


def confirm(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click the action button of the confirmation that is open now."""
    confirmation(qtbot, window).action_button.click()


from tests.sync.conftest import inbox_server  # noqa: E402, F401
