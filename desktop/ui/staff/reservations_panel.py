"""Recording a reservation (opt-out): the person's data leave the register for good.

The national id is typed, checked for its check digits, confirmed, and handed to the core,
which deletes every record of the person and keeps only a keyed hash. The field is cleared
as soon as the request is made: nothing of the person stays in the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import national_id
from desktop.staff import reservations
from desktop.staff.session import StaffSession
from desktop.ui.error_dialogs import show_info
from desktop.ui.ops import BackgroundOp


class ReservationsPanel(QWidget):
    def __init__(
        self,
        session_source: Callable[[], StaffSession],
        parent: QWidget | None = None,
        *,
        on_changed: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session_source
        self._on_changed = on_changed
        intro = QLabel(
            self.tr(
                "A reservation deletes every registration of the person from the register and "
                "from batches not yet decided, and rejects later registrations of the person "
                "automatically with the reason \u201creservert\u201d. Only a keyed hash of the "
                "national identity number is kept. This cannot be undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.national_id = QLineEdit(self)
        self.national_id.setAccessibleName(self.tr("National identity number to reserve"))
        self.national_id.setMaxLength(13)
        self.national_id.setInputMask("")
        self.national_id.textChanged.connect(self._check)
        self.hint = QLabel("", self)
        self.hint.setAccessibleName(self.tr("National identity number check"))
        self.reserve_button = QPushButton(self.tr("&Record reservation…"), self)
        self.reserve_button.setEnabled(False)
        self.reserve_button.clicked.connect(self.confirm)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Reservation result"))

        form = QFormLayout()
        form.addRow(self.tr("&National identity number:"), self.national_id)
        form.addRow("", self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.reserve_button)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def _number(self) -> str:
        return "".join(self.national_id.text().split())

    def _check(self) -> None:
        number = self._number()
        valid = national_id.is_valid(number)
        self.reserve_button.setEnabled(valid)
        if not number:
            self.hint.clear()
        elif len(number) < 11:
            self.hint.setText(self.tr("11 digits"))
        elif not valid:
            self.hint.setText(
                self.tr("Not a valid national identity number or D number: check the digits.")
            )
        else:
            self.hint.setText(self.tr("Valid number."))

    def confirm(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Record reservation"))
        box.setAccessibleName(self.tr("Confirm reservation"))
        box.setText(
            self.tr(
                "Delete every registration of this person from the register and block new "
                "ones? This cannot be undone."
            )
        )
        yes = box.addButton(self.tr("Record reservation"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self.reserve() if button is yes else None)
        box.open()

    def reserve(self) -> None:
        number = self._number()
        self.national_id.clear()  # nothing of the person stays on screen
        session = self._session()
        self.reserve_button.setEnabled(False)
        BackgroundOp(self, lambda: reservations.reserve(session.register, number)).success(
            self._reserved
        ).run_in_background()

    def _reserved(self, result: reservations.ReservationResult) -> None:
        if result.new:
            text = self.tr("Reservation recorded.")
        else:
            text = self.tr(
                "The person already had a reservation; anything that arrived since was deleted."
            )
        text += " " + self.tr(
            "Deleted: %1 registration(s), %2 earlier revision(s), %3 waiting in the queue."
        ).replace("%1", str(result.records_removed)).replace(
            "%2", str(result.history_removed)
        ).replace("%3", str(result.queue_items_closed))
        self.result.setText(text)
        show_info(self, text)
        if self._on_changed is not None:
            self._on_changed()

    def clear(self) -> None:
        self.national_id.clear()
        self.result.clear()
