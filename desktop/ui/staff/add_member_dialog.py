"""Adding a staff member from their join request: the fingerprint comparison, then the role.

The request file carries the new member's two public keys; anyone who can change the file on
its way (mail) could swap them for their own. What stops that is the fingerprint the new
member reads to the administrator by phone or in person: the administrator types or pastes
what they heard, and ``members.add`` compares it with the request's own (spaces and case do
not count). So the field starts empty, always: a prefilled fingerprint would compare the file
with itself. The request's label, key id and fingerprint are shown, so the administrator sees
whom they are adding and can read along. The role list starts at the least one (reviewer).

Opened with ``open()`` and deleted on close, like every dialog of the staff window; the
panel does the adding when it is accepted (``MembersPanel.add``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.staff import roles
from desktop.staff.members import Identity


class AddMemberDialog(QDialog):
    def __init__(
        self, identity: Identity, role_name: Callable[[str], str], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.identity = identity
        self.setWindowTitle(self.tr("Add member"))
        self.setAccessibleName(self.tr("Add member"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Ask the new member to read you the fingerprint their profile showed when "
                "they made the request (by phone or in person), and type or paste what they "
                "read. It is compared with the request's; if the two differ, nobody is added "
                "(the file may have been changed on its way)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.label = self._value(identity.label, self.tr("Name in the request"))
        self.key_id = self._value(identity.key_id, self.tr("Key id"))
        self.request_fingerprint = self._value(
            identity.fingerprint, self.tr("Fingerprint of the request")
        )
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint read to you"))
        self.fingerprint.setPlaceholderText(self.tr("As the new member reads it to you"))
        self.fingerprint.textChanged.connect(self._check)
        fingerprint_label = QLabel(self.tr("&Fingerprint read to you:"), self)
        fingerprint_label.setBuddy(self.fingerprint)
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Role"))
        for role in roles.ROLES:
            self.role.addItem(role_name(role), role)
        self.role.setCurrentIndex(0)  # the least role: more is a deliberate choice
        role_label = QLabel(self.tr("&Role:"), self)
        role_label.setBuddy(self.role)

        form = QFormLayout()
        form.addRow(self.tr("Name in the request:"), self.label)
        form.addRow(self.tr("Key id:"), self.key_id)
        form.addRow(self.tr("Fingerprint of the request:"), self.request_fingerprint)
        form.addRow(fingerprint_label, self.fingerprint)
        form.addRow(role_label, self.role)

        buttons = QDialogButtonBox(self)
        self.add_button = QPushButton(self.tr("&Add member"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _value(self, text: str, name: str) -> QLabel:
        """A shown value the keyboard and a screen reader can reach and copy from."""
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setAccessibleName(name)
        return label

    def _check(self) -> None:
        self.add_button.setEnabled(bool(self.typed()))

    def typed(self) -> str:
        return self.fingerprint.text().strip()

    def chosen_role(self) -> str:
        return str(self.role.currentData())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fingerprint.setFocus()
