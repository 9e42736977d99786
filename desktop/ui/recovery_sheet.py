"""The printed recovery key: the one way back in when the passphrase or keyring is lost.

Printed on paper (or to a PDF the user chooses) through Qt's print system; the text says
where to keep it, because a recovery key lying next to the PC defeats the encryption.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter

KEY_STYLE = "font-family: monospace; font-size: 20pt; white-space: nowrap"


def sheet_html(recovery_key: str, profile_name: str) -> str:
    def tr(text: str) -> str:
        return html.escape(text)

    title = tr(QCoreApplication.translate("RecoverySheet", "Sjeldenregisteret: recovery key"))
    profile = tr(QCoreApplication.translate("RecoverySheet", "Profile"))
    printed = tr(QCoreApplication.translate("RecoverySheet", "Printed"))
    advice = tr(
        QCoreApplication.translate(
            "RecoverySheet",
            "Use this key if you forget your passphrase or the key is lost from this PC. "
            "Keep the sheet locked away, not beside the PC: anyone who has both the sheet "
            "and this PC can read the registrations.",
        )
    )
    today = dt.date.today().strftime("%d.%m.%Y")
    return (
        f"<h2>{title}</h2>"
        f"<p>{profile}: {html.escape(profile_name)}<br>{printed}: {today}</p>"
        f"<p style='{KEY_STYLE}'><b>{html.escape(recovery_key)}</b></p>"
        f"<p>{advice}</p>"
    )


def print_recovery_key(printer: QPrinter, recovery_key: str, profile_name: str) -> None:
    document = QTextDocument()
    document.setHtml(sheet_html(recovery_key, profile_name))
    document.print_(printer)
