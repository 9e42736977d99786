"""The second look before an action that cannot be taken back: what will happen, to whom.

A bulk acceptance and a reservation both act on many records at once, so their confirmation
names the count and lists the records (name, diagnosis, where they are) before anything is
done. The safe button is the default: Enter and Escape both cancel, and the action needs a
deliberate click (or its mnemonic). Opened with ``open()`` like every dialog here, so
background results keep flowing and locking closes it (``AppWindow.close_dialogs``); it is
deleted on close, so no name stays behind in a hidden widget.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ConfirmDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        text: str,
        lines: Sequence[str],
        action: str,
        footer: str = "",
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(640)

        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # long lines wrap instead of hiding behind a scrollbar
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.addItems(list(lines))
        self.list.setVisible(bool(lines))
        self.footer = QLabel(footer, self)
        self.footer.setWordWrap(True)
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setVisible(bool(footer))

        buttons = QDialogButtonBox(self)
        self.action_button = QPushButton(action, self)
        self.action_button.setAutoDefault(False)
        self.cancel_button = QPushButton("", self)
        buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.cancel_button.setDefault(True)  # Enter cancels; Escape rejects (QDialog)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.footer)
        layout.addWidget(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        """Its own words in the current language; the text, the lines and the action's words
        are the caller's (the dialog is window-modal, so no switch happens while it is up)."""
        self.list.setAccessibleName(self.tr("Registrations concerned"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel, change nothing"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()  # keyboard focus on the safe choice, too
