"""The Letters tab: print a run of information letters, mark it sent, record returned slips.

The core is ``desktop.staff.letters``. A run is planned off the GUI thread (the records are
decrypted there); the PDF is painted here, on the GUI thread (``QTextDocument`` layout
belongs to it), with a progress dialog, straight into the temporary file of the atomic 0600
write; the run is recorded before that file takes its name. The file dialog and the result
both say the PDF holds patient data. People without a postal address are listed by name so
the register can look the address up; they are not printed.

A returned slip is found by the reference printed on it; the confirmation names the person
(name, birth date) and the registrations that will be deleted, with "Avbryt" the default, as
the Reservations tab's does, and then the existing reservation flow runs. Nothing of a
person stays in the tab after it is done or locked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.letters import PrintDocument, format_date
from desktop.forms.payload import orpha_codes, patient_name
from desktop.staff import letter_render, letters, reservations
from desktop.staff.errors import StaffError
from desktop.staff.letter_queue import LetterCounts
from desktop.staff.session import StaffSession
from desktop.ui import printing
from desktop.ui.error_dialogs import show_error, show_info
from desktop.ui.ops import BackgroundOp
from desktop.ui.staff.confirm_dialog import ConfirmDialog

STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # a run's state, whatever the words shown


class LettersPanel(QWidget):
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
        self.last_result: letters.RunResult | None = None
        # what is shown, kept so a language switch can say it again in the new words
        self._loaded: tuple[LetterCounts, list[letters.LetterRun]] | None = None
        self._result_text: Callable[[], str] | None = None
        self.intro = QLabel("", self)
        self.intro.setWordWrap(True)
        self.counts = QLabel("", self)
        self.counts.setWordWrap(True)

        self.limit = QSpinBox(self)
        self.limit.setRange(0, 100_000)
        self.limit_label = QLabel("", self)
        self.limit_label.setBuddy(self.limit)
        self.print_button = QPushButton("", self)
        self.print_button.clicked.connect(self.choose_file)
        print_row = QHBoxLayout()
        print_row.addWidget(self.limit_label)
        print_row.addWidget(self.limit)
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)

        self.runs = QTableWidget(0, 4, self)
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.runs.verticalHeader().setVisible(False)
        self.runs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.runs.itemSelectionChanged.connect(self._selection_changed)
        self.sent_button = QPushButton("", self)
        self.sent_button.setEnabled(False)
        self.sent_button.clicked.connect(self.mark_sent)

        self.slip_box = QGroupBox("", self)
        self.reference = QLineEdit(self.slip_box)
        self.reference.setMaxLength(20)
        self.reference.textChanged.connect(self._reference_changed)
        self.returned_button = QPushButton("", self.slip_box)
        self.returned_button.setEnabled(False)
        self.returned_button.clicked.connect(self.confirm_returned)
        self.reference_label = QLabel("", self.slip_box)
        self.reference_label.setBuddy(self.reference)
        slip_form = QFormLayout(self.slip_box)
        slip_form.addRow(self.reference_label, self.reference)
        slip_form.addRow("", self.returned_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.counts)
        layout.addLayout(print_row)
        layout.addWidget(self.result)
        layout.addWidget(self.runs, 1)
        layout.addWidget(self.sent_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.slip_box)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every text of the tab in the current language (at start and on a switch): the
        counts, the runs and the last result are said again; a typed reference stays."""
        self.intro.setText(
            self.tr(
                "Everyone registered must be told about the registration and the right to "
                "reserve. People whose registration does not say the clinic gave the letter "
                "wait here for a letter from the register, chosen by their age on the day "
                "it is printed."
            )
        )
        self.counts.setAccessibleName(self.tr("Letter counts"))
        self.limit.setSpecialValueText(self.tr("all"))
        self.limit.setAccessibleName(self.tr("Letters in the run"))
        self.limit_label.setText(self.tr("Letters in the r&un:"))
        self.print_button.setText(self.tr("Print letters to P&DF…"))
        self.result.setAccessibleName(self.tr("Letter run result"))
        self.runs.setAccessibleName(self.tr("Letter runs"))
        self.runs.setHorizontalHeaderLabels(
            [self.tr("Run"), self.tr("Printed"), self.tr("Letters"), self.tr("State")]
        )
        self.sent_button.setText(self.tr("&Mark run as sent"))
        self.slip_box.setTitle(self.tr("Returned reservation slip"))
        self.reference.setAccessibleName(self.tr("Reference on the slip"))
        self.returned_button.setText(self.tr("Record returned sl&ip…"))
        self.reference_label.setText(self.tr("Referen&ce on the slip:"))
        if self._loaded is not None:
            self._show(self._loaded)
        if self._result_text is not None:
            self.result.setText(self._result_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _set_result(self, text: Callable[[], str]) -> str:
        """Show a result, kept as how to word it so a switch can word it anew."""
        self._result_text = text
        shown = text()
        self.result.setText(shown)
        return shown

    # -- counts and runs ---------------------------------------------------------------------

    def reload(self) -> None:
        session = self._session()

        def load() -> tuple[LetterCounts, list[letters.LetterRun]]:
            return letters.counts(session.register), letters.runs(session.register)

        BackgroundOp(self, load).success(self._show).run_in_background()

    def _show(self, loaded: tuple[LetterCounts, list[letters.LetterRun]]) -> None:
        self._loaded = loaded
        selected = self._selected_run()
        counts, runs = loaded
        self.counts.setText(
            self.tr(
                "Waiting for a letter: %1. Printed, not sent: %2. Sent: %3. Given by the "
                "clinic: %4. Reservations after a letter: %5 (by returned slip: %6)."
            )
            .replace("%1", str(counts.pending))
            .replace("%2", str(counts.printed))
            .replace("%3", str(counts.sent))
            .replace("%4", str(counts.clinic))
            .replace("%5", str(counts.reservations))
            .replace("%6", str(counts.returned))
        )
        self.runs.setRowCount(len(runs))
        for row, run in enumerate(reversed(runs)):  # newest first
            state = self.tr("sent") if run.state == "sent" else self.tr("printed")
            for column, text in enumerate((run.run_id, run.created_at, str(run.letters), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, run.run_id)
                item.setData(STATE_ROLE, run.state)
                self.runs.setItem(row, column, item)
            if run.run_id == selected:
                self.runs.selectRow(row)  # the officer's choice survives a refresh
        self._selection_changed()

    def _selected_run(self) -> str | None:
        items = self.runs.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _selection_changed(self) -> None:
        row = self.runs.currentRow() if self.runs.selectedItems() else -1
        state_item = self.runs.item(row, 3) if row >= 0 else None
        self.sent_button.setEnabled(
            state_item is not None and state_item.data(STATE_ROLE) == "printed"
        )

    # -- printing ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the letters as PDF (the file holds patient data: names and addresses)"),
            "informasjonsskriv.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            path = Path(name)
            self.print_run(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def print_run(self, path: Path) -> None:
        """Plan off the GUI thread, then paint and record the run (see the module doc)."""
        session = self._session()
        limit = self.limit.value() or None
        self.print_button.setEnabled(False)
        BackgroundOp(self, lambda: letters.plan_run(session.register, limit=limit)).success(
            lambda plan: self._paint(session, plan, path)
        ).finally_(lambda: self.print_button.setEnabled(True)).run_in_background()

    def _paint(self, session: StaffSession, plan: letters.RunPlan, path: Path) -> None:
        if not plan.letters:
            self.last_result = letters.RunResult(None, 0, 0, plan.needs_address, None)
            self._report(self.last_result)
            return
        progress = QProgressDialog(self.tr("Printing letters…"), "", 0, len(plan.letters), self)
        progress.setCancelButton(None)  # nullptr: no cancel button
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        counted = _PerLetter(plan, progress)

        def paint(docs: Iterable[PrintDocument], handle: BinaryIO) -> int:
            return printing.write_documents(docs, handle, counted.document_done)

        try:
            pages = letters.write_run(
                plan, path, paint, lambda: letters.commit_run(session.register, plan)
            )
        except (StaffError, printing.PrintError) as exc:
            progress.close()
            show_error(self, exc)
            return
        progress.close()
        self.last_result = letters.RunResult(
            plan.run_id, len(plan.letters), pages, plan.needs_address, path
        )
        self._report(self.last_result)
        self.reload()

    def _report(self, result: letters.RunResult) -> None:
        show_info(self, self._set_result(lambda: self._report_text(result)))

    def _report_text(self, result: letters.RunResult) -> str:
        if result.run_id is None:
            text = self.tr("No letters to print. No file was written.")
        else:
            text = (
                self.tr(
                    "%n letter(s) written to %1. The file holds patient data (names and "
                    "addresses): print it, then delete it. Mark the run as sent once the "
                    "letters are posted.",
                    "",
                    result.letters,
                )
            ).replace("%1", str(result.path))
        if result.needs_address:
            names = sorted(
                patient_name(n.payload).listed or n.record_id[:8] for n in result.needs_address
            )
            text += " " + self.tr(
                "%n person(s) have no postal address and were not printed (look the address "
                "up): %1.",
                "",
                len(names),
            ).replace("%1", "; ".join(names))
        return text

    def mark_sent(self) -> None:
        run_id = self._selected_run()
        if run_id is None:
            return
        session = self._session()
        self.sent_button.setEnabled(False)
        BackgroundOp(self, lambda: letters.mark_sent(session.register, run_id)).success(
            self._sent
        ).run_in_background()

    def _sent(self, result: letters.SentResult) -> None:
        self._set_result(
            lambda: self.tr(
                "%n letter(s) marked as sent; the letter date is kept.", "", result.letters
            )
        )
        self.reload()

    # -- returned slips ------------------------------------------------------------------------

    def _reference_changed(self) -> None:
        self.returned_button.setEnabled(bool(self.reference.text().strip()))

    def confirm_returned(self) -> None:
        reference = self.reference.text()
        session = self._session()
        self.returned_button.setEnabled(False)

        def find() -> tuple[letters.Slip, reservations.ReservationPreview]:
            slip = letters.returned_slip(session.register, reference)
            return slip, reservations.preview(session.register, slip.national_id)

        BackgroundOp(self, find).success(self._ask).finally_(
            self._reference_changed
        ).run_in_background()

    def _ask(self, found: tuple[letters.Slip, reservations.ReservationPreview]) -> None:
        slip, shown = found
        born = letter_render.birth_date(slip.payload)
        who = self.tr("%1, born %2").replace("%1", patient_name(slip.payload).listed)
        who = who.replace("%2", format_date(born) if born else "?")
        dialog = ConfirmDialog(
            self,
            title=self.tr("Record returned slip"),
            text=self.tr(
                "The slip %1 names %2. Record a reservation? This deletes the %n "
                "registration(s) listed below from the register and the queue, and blocks "
                "new ones. This cannot be undone.",
                "",
                len(shown.records),
            )
            .replace("%1", slip.reference)
            .replace("%2", who),
            lines=[
                f"{patient_name(h.payload).listed} \u2013 "
                f"{', '.join(orpha_codes(h.payload))} ({h.record_id[:8]})"
                for h in shown.records
            ],
            action=self.tr("&Delete and record reservation"),
        )
        dialog.setAccessibleName(self.tr("Confirm returned slip"))
        dialog.accepted.connect(lambda: self.record_returned(slip))
        self.confirm_dialog = dialog
        dialog.open()

    def record_returned(self, slip: letters.Slip) -> None:
        self.reference.clear()
        session = self._session()
        BackgroundOp(
            self,
            lambda: letters.record_returned(
                session.register, slip, register_keys=session.keys.register_keys
            ),
        ).success(self._returned).run_in_background()

    def _returned(self, result: reservations.ReservationResult) -> None:
        text = self._set_result(
            lambda: self.tr(
                "Reservation recorded from the returned slip. Deleted: %n registration(s).",
                "",
                result.records_removed,
            )
        )
        show_info(self, text)
        self.reload()
        if self._on_changed is not None:
            self._on_changed()

    def clear(self) -> None:
        self._loaded = None
        self._result_text = None  # names of people without an address leave with it
        self.counts.clear()
        self.result.clear()
        self.reference.clear()
        self.runs.setRowCount(0)
        self.last_result = None
        self.confirm_dialog = None  # closed and deleted by the window on lock


class _PerLetter:
    """Moves the progress dialog once per person (a person's letters are 1–2 documents)."""

    def __init__(self, plan: letters.RunPlan, progress: QProgressDialog) -> None:
        self._progress = progress
        self._ends: set[int] = set()
        total = 0
        for planned in plan.letters:
            total += len(planned.letter.variants)
            self._ends.add(total)
        self._done = 0

    def document_done(self, documents: int) -> None:
        if documents in self._ends:
            self._done += 1
            self._progress.setValue(self._done)
            QApplication.processEvents()
