"""Staff UI fixtures: the staff tests' profile helpers and the GUI suite's controller."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from tests.staff.conftest import backend, register_db  # noqa: F401


def close_message_boxes(window: QWidget) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()
        box.deleteLater()


from tests.sync.conftest import inbox_server  # noqa: E402, F401
