"""The review queue: what arrived, what the checks found, and the officer's decision.

Pending items are loaded with their payloads (decrypted on the register's thread) so the
officer can see whom a registration is about; the selected item's whole record, the clinic's
label, the checks and the clinician's confirmed warnings, and for a revision or a possible
duplicate the comparison with the other record, are loaded on demand (``record_view``). A
double-click opens the same in a window of its own. Decisions made here can be undone, last
first, until their feedback is prepared (``decisions.undo``); "Godta alle uten funn" lists
what it will accept and asks first. When another staff member decided the item first (the
register on PostgreSQL, several PCs), the refusal says who and when and the queue reloads.
Every register call runs in the background; the panel only ever holds what is on screen,
and ``clear`` forgets it (locking relies on it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.codelists import CodeListError, get_codelist
from desktop.forms.definition import load_form
from desktop.forms.payload import orpha_codes
from desktop.reasons import OFFERED, reason_label
from desktop.staff import decisions
from desktop.staff.errors import StaffError
from desktop.staff.model import Finding, ReviewItem
from desktop.staff.session import StaffSession
from desktop.ui import i18n
from desktop.ui.error_dialogs import show_error, show_info
from desktop.ui.ops import BackgroundOp
from desktop.ui.staff.confirm_dialog import ConfirmDialog
from desktop.ui.staff.queue_model import (
    ITEM_ROLE,
    QueueFilter,
    ReviewQueueModel,
    finding_label,
    patient_name,
)
from desktop.ui.staff.record_view import ItemDetails, RecordDialog, RecordView, load_details
from desktop.ui.tables import row_table

# the findings the queue can be filtered by (reserved persons are rejected on import)
FILTERED = tuple(finding for finding in Finding if finding is not Finding.RESERVED)
QUEUE_LIMIT = 5000  # one screenful of work is far less; the rest loads after decisions

SessionSource = Callable[[], StaffSession]


class ReviewPanel(QWidget):
    queue_changed = Signal(int)  # pending items now shown
    decision_message: QLabel  # cleared by a signal connected before it is built

    def __init__(self, session_source: SessionSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session_source
        self.model = ReviewQueueModel(self)
        self.clinics: dict[str, str] = {}  # installation key id -> the label it was pinned with
        self.undoable: list[ReviewItem] = []  # decided here, most recent last
        self.record_dialog: RecordDialog | None = None
        self.confirm_dialog: ConfirmDialog | None = None
        self._select_after_reload: tuple[str, str] | None = None  # (batch id, record id)
        self._reloads = 0  # the newest queue load; older answers are dropped
        self._clears = 0  # how often the panel was cleared (locked)

        self.finding_filter = QComboBox(self)
        self.finding_filter.addItem("", None)
        self.finding_filter.addItem("", "clean")
        for finding in FILTERED:
            self.finding_filter.addItem("", finding)
        self.finding_filter.currentIndexChanged.connect(self._filter_changed)
        self.filter_label = QLabel("", self)
        self.filter_label.setBuddy(self.finding_filter)

        self.refresh_button = QPushButton("", self)
        self.refresh_button.clicked.connect(self.reload)
        self.accept_clean_button = QPushButton("", self)
        self.accept_clean_button.clicked.connect(self.accept_clean)

        self.table = row_table(self, self.model, "", (150, 220, 150, 110))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.open_record)
        self.table.installEventFilter(self)  # Enter on a row: the keyboard's double-click

        self.view = RecordView(self)
        self.details = self.view.record  # the record as the summary printout shows it
        self.diff = self.view.diff
        self.diff_box = self.view.diff_box
        self._details: ItemDetails | None = None

        self.reason_code = QComboBox(self)
        self.reason_code.setEditable(True)
        for code in OFFERED:  # the register's reasons by their words; any code may be typed
            self.reason_code.addItem("", code)
        self.reason_code.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_code.setCurrentIndex(-1)  # no reason until the officer chooses one
        self.reason_code.editTextChanged.connect(lambda _text: self.decision_message.clear())
        self.reason_text = QLineEdit(self)
        self.accept_button = QPushButton("", self)
        self.reject_button = QPushButton("", self)
        self.duplicate_button = QPushButton("", self)
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.duplicate_button.clicked.connect(lambda: self.decide("duplicate"))
        self.undo_button = QPushButton("", self)
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_button.setEnabled(False)

        self.decision_message = QLabel("", self)
        self.decision_message.setWordWrap(True)

        self.status = QLabel("", self)

        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.finding_filter)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.accept_clean_button)

        self.decision_box = QGroupBox("", self)
        self.reason_code_label = QLabel("", self.decision_box)
        self.reason_code_label.setBuddy(self.reason_code)
        self.reason_text_label = QLabel("", self.decision_box)
        self.reason_text_label.setBuddy(self.reason_text)
        form = QFormLayout(self.decision_box)
        form.addRow(self.reason_code_label, self.reason_code)
        form.addRow(self.reason_text_label, self.reason_text)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.duplicate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        form.addRow(buttons)
        form.addRow(self.decision_message)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.decision_box)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([500, 600])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._set_decision_enabled(False)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every fixed text of the panel in the current language: at start and on each
        language switch (``changeEvent``). The filter, the selected item, a chosen or typed
        reason and the reason text stay; the selected record is shown again in the new
        language."""
        self.finding_filter.setAccessibleName(self.tr("Show items with"))
        self.finding_filter.setItemText(0, self.tr("All pending"))
        self.finding_filter.setItemText(1, self.tr("Clean only"))
        for index, finding in enumerate(FILTERED, start=2):
            self.finding_filter.setItemText(index, finding_label(finding))
        self.filter_label.setText(self.tr("Sho&w:"))
        self.refresh_button.setText(self.tr("Re&load"))
        self.accept_clean_button.setText(self.tr("Accept all &clean"))
        self.accept_clean_button.setAccessibleName(self.tr("Accept all clean registrations"))
        self.table.setAccessibleName(self.tr("Review queue"))
        self.table.setToolTip(
            self.tr("Double-click a row, or press Enter, to open the registration")
        )
        self.model.retranslate()

        typed = self.reason_code.currentText()
        chosen = self.reason_code.currentIndex()
        picked = chosen >= 0 and self.reason_code.itemText(chosen) == typed
        lang = i18n.current_language()
        self.reason_code.blockSignals(True)  # a new label is not a new choice
        for index in range(self.reason_code.count()):
            self.reason_code.setItemText(
                index, reason_label(self.reason_code.itemData(index), lang)
            )
        # a reason picked from the list shows its new words; a code typed by hand stays
        self.reason_code.setEditText(self.reason_code.itemText(chosen) if picked else typed)
        self.reason_code.blockSignals(False)
        line = self.reason_code.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Choose or type a code (needed to reject)"))
        self.reason_code.setAccessibleName(self.tr("Reason code"))
        line.setAccessibleName(self.tr("Reason code"))  # the box's text field is a Tab stop too
        self.reason_text.setAccessibleName(self.tr("Reason text"))
        self.reason_text.setPlaceholderText(
            self.tr("Sent to the clinic unencrypted: no names, numbers or other personal data")
        )
        self.decision_box.setTitle(self.tr("Decision"))
        self.reason_code_label.setText(self.tr("Reason co&de:"))
        self.reason_text_label.setText(self.tr("Reason &text:"))
        self.accept_button.setText(self.tr("&Accept"))
        self.reject_button.setText(self.tr("Re&ject"))
        self.duplicate_button.setText(self.tr("Mark as d&uplicate"))
        self.undo_button.setText(self.tr("Undo last decisi&on"))
        self.undo_button.setAccessibleName(self.tr("Undo the last decision"))
        self._undo_tooltip()
        self.decision_message.setAccessibleName(self.tr("Decision message"))
        self.decision_message.clear()  # said about the last action, in the old language
        self.status.setAccessibleName(self.tr("Queue status"))
        if self.status.text():
            self._show_counts()
        selected = self.selected()
        if selected is not None:
            self._show_details(selected)  # the record in the new language, still selected

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        session = self._session()
        self.refresh_button.setEnabled(False)

        def load() -> tuple[list[ReviewItem], dict[str, str]]:
            # Warm the (process-wide) form and ORPHA caches here, off the GUI thread, so the
            # first selection does no file reading on it.
            load_form()
            with contextlib.suppress(CodeListError):
                get_codelist("orpha")
            clinics = {key: pin.label for key, pin in session.pinned_installations().items()}
            return session.register.pending(limit=QUEUE_LIMIT, with_payload=True), clinics

        # Loads can overlap (unlock, then an import at once): only the newest one is shown,
        # so an older answer arriving late cannot replace a newer queue.
        self._reloads += 1
        generation = self._reloads
        BackgroundOp(self, load).success(
            lambda loaded: self._show_items(loaded) if generation == self._reloads else None
        ).finally_(lambda: self.refresh_button.setEnabled(True)).run_in_background()

    def _show_items(self, loaded: tuple[list[ReviewItem], dict[str, str]]) -> None:
        items, self.clinics = loaded
        selected = self.selected()
        self.model.set_items(items)
        self._show_details(None)
        self._show_counts()
        wanted, self._select_after_reload = self._select_after_reload, None
        if wanted is None and selected is not None:  # a reload keeps the officer's place
            wanted = (selected.origin.batch_id, selected.record_id)
        for row, item in enumerate(self.model.shown()):
            if (item.origin.batch_id, item.record_id) == wanted:
                self.table.selectRow(row)  # an undone decision's item, ready again
                break

    def _show_counts(self) -> None:
        total = self.model.total()
        clean = len(self.model.clean_pending())
        self.accept_clean_button.setEnabled(clean > 0)
        self.status.setText(
            self.tr("%n registration(s) awaiting review", "", total)
            + " · "
            + self.tr("%n clean", "", clean)
        )
        self.queue_changed.emit(total)

    def clear(self) -> None:
        self._reloads += 1  # a load in flight when locking is not shown afterwards
        self._clears += 1  # nor a record window asked for before
        self.model.clear()
        self._show_details(None)
        self._clear_reason()
        self.status.clear()
        self.clinics = {}
        self.undoable = []
        self.undo_button.setEnabled(False)
        self.undo_button.setToolTip("")
        self._close_record_dialog()

    def _clear_reason(self) -> None:
        self.reason_code.setCurrentIndex(-1)
        self.reason_code.clearEditText()
        self.reason_text.clear()
        self.decision_message.clear()

    def _filter_changed(self) -> None:
        choice = self.finding_filter.currentData()
        if choice == "clean":
            self.model.set_filter(QueueFilter(clean_only=True))
        else:
            self.model.set_filter(QueueFilter(finding=choice))
        self._show_details(None)

    # -- the selected item --------------------------------------------------------------------

    def selected(self) -> ReviewItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ITEM_ROLE) if rows else None

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details(self.selected())

    def _set_decision_enabled(self, enabled: bool) -> None:
        for button in (self.accept_button, self.reject_button, self.duplicate_button):
            button.setEnabled(enabled)

    def _enable_decisions(self, item: ReviewItem | None) -> None:
        self._set_decision_enabled(item is not None)
        if item is not None:
            self.accept_button.setEnabled(Finding.INVALID not in item.findings)

    def _show_details(self, item: ReviewItem | None) -> None:
        self._details = None
        self.view.show_item(item)
        self._enable_decisions(item)
        if item is None:
            return
        session, clinics, lang = self._session(), dict(self.clinics), i18n.current_language()
        BackgroundOp(self, lambda: load_details(session.register, item, clinics, lang)).success(
            self._details_loaded
        ).run_in_background()

    def _details_loaded(self, details: ItemDetails) -> None:
        if self.selected() is not details.item:
            return  # the selection moved on meanwhile
        self._details = details
        self.view.show_details(details)

    def _diagnosis_names(self, item: ReviewItem) -> str:
        codes = orpha_codes(item.payload)
        try:
            orpha = get_codelist("orpha")
        except CodeListError:
            return ", ".join(codes)  # the codes alone; the list is unreadable
        lang = i18n.current_language()
        # label() gives the code itself for a code the list does not know
        return ", ".join(
            f"{code} {label}" if (label := orpha.label(code, lang)) != code else code
            for code in codes
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.selected() is not None
        ):
            self.open_record()
            return True
        return super().eventFilter(watched, event)

    def open_record(self, index: QModelIndex | None = None) -> None:
        """The selected (or double-clicked) registration in a window of its own."""
        item = self.model.data(index, ITEM_ROLE) if isinstance(index, QModelIndex) else None
        item = item or self.selected()
        if item is None:
            return
        if self._details is not None and self._details.item is item:
            self._open_dialog(self._details)
            return
        session, clinics, lang = self._session(), dict(self.clinics), i18n.current_language()
        clears = self._clears
        BackgroundOp(self, lambda: load_details(session.register, item, clinics, lang)).success(
            lambda details: self._open_dialog(details) if clears == self._clears else None
        ).run_in_background()

    def _open_dialog(self, details: ItemDetails) -> None:
        self._close_record_dialog()  # one record window at a time
        self.record_dialog = RecordDialog(self, details)
        self.record_dialog.open()

    def _close_record_dialog(self) -> None:
        dialog, self.record_dialog = self.record_dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # gone once closed (deleted)
            dialog.close()

    # -- decisions ----------------------------------------------------------------------------

    def chosen_reason(self) -> str | None:
        """The code of the reason picked by its words, or the code the officer typed."""
        text = self.reason_code.currentText().strip()
        index = self.reason_code.findText(text)
        if index >= 0:
            return str(self.reason_code.itemData(index))
        return text or None

    def decide(self, choice: decisions.Choice) -> None:
        item = self.selected()
        if item is None:
            return
        code = self.chosen_reason()
        text = self.reason_text.text().strip() or None
        if choice == "accept":
            code = text = None  # an acceptance carries no reason
        elif choice == "reject" and code is None:
            self.decision_message.setText(self.tr("Choose or type a reason code to reject."))
            self.reason_code.setFocus()
            return
        self.decision_message.clear()
        session = self._session()
        self._set_decision_enabled(False)
        BackgroundOp(
            self,
            lambda: decisions.decide(
                session.register,
                item.record_id,
                choice,
                revision=item.revision,
                batch_id=item.origin.batch_id,
                reason_code=code,
                reason_text=text,
            ),
        ).success(lambda _decided: self._decided(item)).failure(self._decision_refused).finally_(
            lambda: self._enable_decisions(self.selected())
        ).run_in_background()

    def _decision_refused(self, exc: BaseException) -> None:
        """Another reviewer (or a reservation) got there first: say who and when, and show
        the queue as it is now; nothing of this decision was saved. Other failures are
        errors."""
        if isinstance(exc, StaffError) and exc.code in ("already_decided", "reserved"):
            self.decision_message.setText(exc.user_message(i18n.current_language()))
            self.reload()
            return
        show_error(self, exc)

    def _decided(self, item: ReviewItem) -> None:
        """The item leaves the queue (no reload: the rest is unchanged); the next is selected."""
        self._clear_reason()  # the next item's reason is chosen afresh
        self.undoable.append(item)
        self.undo_button.setEnabled(True)
        self._undo_tooltip()
        row = self.model.remove(item)
        self._show_counts()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self._show_details(None)

    def undo_last(self) -> None:
        """Take back the most recent decision made here, unless its feedback is prepared."""
        if not self.undoable:
            return
        item = self.undoable[-1]
        session = self._session()
        self.undo_button.setEnabled(False)
        BackgroundOp(
            self,
            lambda: decisions.undo(
                session.register,
                item.record_id,
                revision=item.revision,
                batch_id=item.origin.batch_id,
            ),
        ).success(lambda _restored: self._undone(item)).failure(
            lambda exc: self._undo_refused(item, exc)
        ).finally_(lambda: self.undo_button.setEnabled(bool(self.undoable))).run_in_background()

    def _undone(self, item: ReviewItem) -> None:
        self._forget_undoable(item)
        self.decision_message.setText(
            self.tr(
                "The decision on %1 is undone; the registration waits for review again."
            ).replace("%1", patient_name(item))
        )
        self._select_after_reload = (item.origin.batch_id, item.record_id)
        self.reload()

    def _undo_refused(self, item: ReviewItem, exc: BaseException) -> None:
        if isinstance(exc, StaffError) and exc.code.startswith("undo_"):
            self._forget_undoable(item)  # it can never be undone now
            self.decision_message.setText(exc.user_message(i18n.current_language(), gui=True))
        show_error(self, exc)

    def _forget_undoable(self, item: ReviewItem) -> None:
        self.undoable = [other for other in self.undoable if other is not item]
        self._undo_tooltip()

    def _undo_tooltip(self) -> None:
        if self.undoable:
            self.undo_button.setToolTip(
                self.tr("Undo the decision on %1").replace("%1", patient_name(self.undoable[-1]))
            )
        else:
            self.undo_button.setToolTip("")

    def accept_clean(self) -> None:
        """Ask first: the confirmation names the count and lists every record it accepts."""
        clean = self.model.clean_pending()
        if not clean:
            return
        count = len(clean)
        dialog = ConfirmDialog(
            self,
            title=self.tr("Accept all clean"),
            text=self.tr(
                "Accept %n registration(s) without findings? They go into the register, and "
                "the clinics are told when the decisions are sent.",
                "",
                count,
            ),
            lines=[self._listed(item) for item in clean],
            action=self.tr("&Accept %n registration(s)", "", count),
        )
        dialog.accepted.connect(lambda: self._accept_listed(clean))
        self.confirm_dialog = dialog
        dialog.open()

    def _listed(self, item: ReviewItem) -> str:
        return f"{patient_name(item)} \u2013 {self._diagnosis_names(item)}"

    def _accept_listed(self, clean: list[ReviewItem]) -> None:
        session = self._session()
        listed = [(item.origin.batch_id, item.record_id) for item in clean]
        self.accept_clean_button.setEnabled(False)
        BackgroundOp(
            self, lambda: decisions.accept_clean(session.register, only=listed)
        ).with_progress(self.tr("Accepting clean registrations…")).success(
            self._accepted_clean
        ).finally_(self.reload).run_in_background()  # after a failure too: chunks committed

    def _accepted_clean(self, result: decisions.CleanResult) -> None:
        text = self.tr("%n registration(s) accepted.", "", result.accepted)
        if result.left:
            text += " " + self.tr(
                "%n need a decision of their own (the register changed meanwhile).",
                "",
                result.left,
            )
        if result.decided_elsewhere:
            text += " " + self.tr(
                "%n were decided by another staff member meanwhile; nothing to do for them.",
                "",
                result.decided_elsewhere,
            )
        show_info(self, text)
