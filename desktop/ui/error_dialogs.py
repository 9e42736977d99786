"""How failures reach the user.

Known store, sync and staff errors (``desktop.messages.CodedError``) carry their own
bokmål/English text naming the problem and the fix. A ``BugReport`` adds a report that is
safe to paste into a support ticket.
Anything else is a bug in this program: the dialog and the log name only the exception type
and where it happened, never its message, because messages can contain field values.

Dialogs are opened non-modally to the event loop (``open``, not ``exec``) so background
results keep flowing and tests can find and close them.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.messages import CodedError
from desktop.storage.errors import BugReport
from desktop.ui.i18n import current_language

log = logging.getLogger(__name__)


def safe_report(exc: BaseException) -> str:
    """Exception type and code locations only: no message, no arguments, no locals."""
    if isinstance(exc, BugReport):
        return exc.report
    frames = traceback.extract_tb(exc.__traceback__)
    where = " < ".join(f"{f.name}:{f.lineno}" for f in reversed(frames[-5:]))
    return f"exception={type(exc).__module__}.{type(exc).__name__} at {where or '?'}"


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialogs", "Sjeldenregisteret"))
    box.setAccessibleName(QCoreApplication.translate("ErrorDialogs", "Error message"))
    if isinstance(exc, CodedError):
        # Known failures: each carries its own text naming the problem and the fix.
        box.setText(exc.user_message(current_language(), gui=True))
        if isinstance(exc, BugReport):
            _add_report(box, exc.report)
        log.warning("operation failed: %s", exc.code)
    else:
        report = safe_report(exc)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            QCoreApplication.translate(
                "ErrorDialogs",
                "An unexpected error occurred. The operation was not completed. "
                "Copy the error report and send it to support.",
            )
        )
        _add_report(box, report)
        log.error("unexpected error: %s", report)
    ok = box.addButton(
        QCoreApplication.translate("ErrorDialogs", "OK"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)  # Esc and the close button work even with a second button
    box.open()
    return box


def _add_report(box: QMessageBox, report: str) -> None:
    box.setDetailedText(report)
    copy = box.addButton(
        QCoreApplication.translate("ErrorDialogs", "Copy error report"),
        QMessageBox.ButtonRole.ActionRole,
    )
    copy.setAccessibleName(QCoreApplication.translate("ErrorDialogs", "Copy error report"))
    # The box closes after copying, which is what the user wants next anyway.
    copy.clicked.connect(lambda: QApplication.clipboard().setText(report))


def show_info(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialogs", "Sjeldenregisteret"))
    box.setAccessibleName(QCoreApplication.translate("ErrorDialogs", "Information"))
    box.setText(text)
    box.addButton(
        QCoreApplication.translate("ErrorDialogs", "OK"), QMessageBox.ButtonRole.AcceptRole
    )
    box.open()
    return box
