"""Recording a reservation (opt-out): the person's data leave the register for good.

The national id is typed and checked for its check digits; before anything is deleted the
confirmation names the person (name, birth date) and lists every registration that will go
(``reservations.preview``: in the register and waiting in the queue, with the number of
earlier revisions), with "Avbryt" as the default button and Escape cancelling. Then the
number is handed to the core, which deletes every record of the person and keeps only a
keyed hash. The field is cleared as soon as the request is made, and the confirmation is
deleted when it closes: nothing of the person stays in the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import national_id
from desktop.forms.payload import orpha_codes, patient_name
from desktop.staff import reservations
from desktop.staff.session import StaffSession
from desktop.ui.error_dialogs import show_info
from desktop.ui.ops import BackgroundOp
from desktop.ui.staff.confirm_dialog import ConfirmDialog


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
        self.confirm_dialog: ConfirmDialog | None = None
        self._last_result: reservations.ReservationResult | None = None  # shown in `result`
        self.intro = QLabel("", self)
        self.intro.setWordWrap(True)
        self.national_id = QLineEdit(self)
        self.national_id.setMaxLength(13)
        self.national_id.setInputMask("")
        self.national_id.textChanged.connect(self._check)
        self.hint = QLabel("", self)
        self.reserve_button = QPushButton("", self)
        self.reserve_button.setEnabled(False)
        self.reserve_button.clicked.connect(self.confirm)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)
        self.national_id_label = QLabel("", self)
        self.national_id_label.setBuddy(self.national_id)

        form = QFormLayout()
        form.addRow(self.national_id_label, self.national_id)
        form.addRow("", self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.reserve_button)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every text of the tab in the current language (at start and on a switch): the
        typed number stays, its check and the last result are said again in the new words."""
        self.intro.setText(
            self.tr(
                "A reservation deletes every registration of the person from the register and "
                "from batches not yet decided, and rejects later registrations of the person "
                "automatically with the reason \u201creservert\u201d. Only a keyed hash of the "
                "national identity number is kept. This cannot be undone."
            )
        )
        self.national_id.setAccessibleName(self.tr("National identity number to reserve"))
        self.national_id_label.setText(self.tr("National &identity number:"))
        self.hint.setAccessibleName(self.tr("National identity number check"))
        self.reserve_button.setText(self.tr("Rec&ord reservation…"))
        self.result.setAccessibleName(self.tr("Reservation result"))
        self._show_hint()
        if self._last_result is not None:
            self.result.setText(self._result_text(self._last_result))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _number(self) -> str:
        return "".join(self.national_id.text().split())

    def _check(self) -> None:
        self.reserve_button.setEnabled(national_id.is_valid(self._number()))
        self._show_hint()

    def _show_hint(self) -> None:
        number = self._number()
        valid = national_id.is_valid(number)
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
        """Look up whom the number names, then ask, saying who and what will be deleted."""
        number = self._number()
        if not national_id.is_valid(number):
            return
        session = self._session()
        self.reserve_button.setEnabled(False)
        BackgroundOp(self, lambda: reservations.preview(session.register, number)).success(
            lambda shown: self._ask(number, shown)
        ).finally_(self._check).run_in_background()

    def _ask(self, number: str, shown: reservations.ReservationPreview) -> None:
        if self._number() != number:
            return  # the field changed meanwhile: this answer is about another number
        names = sorted({patient_name(h.payload).listed for h in shown.records} - {""})
        born = shown.birth_date.strftime("%d.%m.%Y")
        if names:
            who = self.tr("%1, born %2").replace("%1", " / ".join(names)).replace("%2", born)
        else:
            who = self.tr("The person born %1").replace("%1", born)
        count = len(shown.records)
        if count:
            text = self.tr(
                "Record a reservation for %1? This deletes the %n registration(s) listed below "
                "from the register and the queue, and blocks new ones. This cannot be undone.",
                "",
                count,
            ).replace("%1", who)
        else:
            text = self.tr(
                "Record a reservation for %1? The register holds no registration of this "
                "person; new ones will be rejected automatically. This cannot be undone."
            ).replace("%1", who)
        footer_parts = []
        history = shown.history
        if history:
            footer_parts.append(
                self.tr(
                    "%n earlier revision(s) of these registrations are deleted too.", "", history
                )
            )
        if shown.reserved_already:
            footer_parts.append(self.tr("The person already has a reservation."))
        dialog = ConfirmDialog(
            self,
            title=self.tr("Record reservation"),
            text=text,
            lines=[self._held(h) for h in shown.records],
            action=self.tr("&Delete and record reservation"),
            footer=" ".join(footer_parts),
        )
        dialog.setAccessibleName(self.tr("Confirm reservation"))
        dialog.accepted.connect(self.reserve)
        self.confirm_dialog = dialog
        dialog.open()

    def _held(self, held: reservations.HeldRecord) -> str:
        where = (
            self.tr("in the register")
            if held.where == "register"
            else self.tr("waiting in the queue")
        )
        codes = ", ".join(orpha_codes(held.payload)) or self.tr("no diagnosis")
        return (
            self.tr("%1 \u2013 %2 \u2013 %3 (registration %4, revision %5)")
            .replace("%1", patient_name(held.payload).listed)
            .replace("%2", codes)
            .replace("%3", where)
            .replace("%4", held.record_id[:8])
            .replace("%5", str(held.revision))
        )

    def reserve(self) -> None:
        number = self._number()
        self.national_id.clear()  # nothing of the person stays on screen
        session = self._session()
        self.reserve_button.setEnabled(False)
        BackgroundOp(
            self,
            lambda: reservations.reserve(
                session.register, number, register_keys=session.keys.register_keys
            ),
        ).success(self._reserved).run_in_background()

    def _reserved(self, result: reservations.ReservationResult) -> None:
        self._last_result = result
        text = self._result_text(result)
        self.result.setText(text)
        show_info(self, text)
        if self._on_changed is not None:
            self._on_changed()

    def _result_text(self, result: reservations.ReservationResult) -> str:
        """What was deleted, in counts only (no one's name stays in the tab)."""
        if result.new:
            text = self.tr("Reservation recorded.")
        else:
            text = self.tr(
                "The person already had a reservation; anything that arrived since was deleted."
            )
        removed, history = result.records_removed, result.history_removed
        closed = result.queue_items_closed
        parts = (
            self.tr("%n registration(s)", "", removed),
            self.tr("%n earlier revision(s)", "", history),
            self.tr("%n waiting in the queue", "", closed),
        )
        text += " " + self.tr("Deleted: %1, %2, %3.").replace("%1", parts[0]).replace(
            "%2", parts[1]
        ).replace("%3", parts[2])
        quarantined = result.quarantined_removed
        if quarantined:
            text += " " + self.tr(
                "Also deleted: %n quarantined batch(es) holding a record of the person.",
                "",
                quarantined,
            )
        return text

    def clear(self) -> None:
        self.national_id.clear()
        self.result.clear()
        self._last_result = None
        self.confirm_dialog = None  # closed and deleted by the window on lock
