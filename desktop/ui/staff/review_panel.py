"""The review queue: what arrived, what the checks found, and the officer's decision.

Pending items are loaded with their payloads (decrypted on the register's thread) so the
officer can see whom a registration is about; the revision diff is computed on demand for the
selected item. Every register call runs in the background; the panel only ever holds what
is on screen, and ``clear`` forgets it (locking relies on it).
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.codelists import CodeListError, get_codelist
from desktop.forms.definition import FormDefinition, load_form
from desktop.forms.payload import orpha_codes
from desktop.staff import decisions
from desktop.staff.model import FieldChange, Finding, ReviewItem
from desktop.staff.session import StaffSession
from desktop.ui import i18n
from desktop.ui.error_dialogs import show_info
from desktop.ui.ops import BackgroundOp
from desktop.ui.record_model import local_time
from desktop.ui.staff.diff_view import DiffView, field_label
from desktop.ui.staff.queue_model import (
    ITEM_ROLE,
    QueueFilter,
    ReviewQueueModel,
    finding_label,
    findings_text,
    patient_name,
)
from desktop.ui.tables import row_table

QUEUE_LIMIT = 5000  # one screenful of work is far less; the rest loads after decisions
# Common reasons, offered first; any code of the protocol's form may be typed.
REASON_CODES = (
    "missing_consent",
    "invalid_data",
    "wrong_diagnosis",
    "incomplete",
    "not_rare_diagnosis",
)

SessionSource = Callable[[], StaffSession]


class ReviewPanel(QWidget):
    queue_changed = Signal(int)  # pending items now shown
    decision_message: QLabel  # cleared by a signal connected before it is built

    def __init__(self, session_source: SessionSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session_source
        self.model = ReviewQueueModel(self)

        self.finding_filter = QComboBox(self)
        self.finding_filter.setAccessibleName(self.tr("Show items with"))
        self.finding_filter.addItem(self.tr("All pending"), None)
        self.finding_filter.addItem(self.tr("Clean only"), "clean")
        for finding in Finding:
            if finding is not Finding.RESERVED:  # reserved persons are rejected on import
                self.finding_filter.addItem(finding_label(finding), finding)
        self.finding_filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel(self.tr("S&how:"), self)
        filter_label.setBuddy(self.finding_filter)

        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.accept_clean_button = QPushButton(self.tr("Accept all &clean"), self)
        self.accept_clean_button.setAccessibleName(self.tr("Accept all clean registrations"))
        self.accept_clean_button.clicked.connect(self.accept_clean)

        self.table = row_table(self, self.model, self.tr("Review queue"), (150, 220, 150, 110))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("Selected registration"))
        self.diff = DiffView(self)
        self.diff_box = QGroupBox(self.tr("Changes from the register's revision"), self)
        diff_layout = QVBoxLayout(self.diff_box)
        diff_layout.addWidget(self.diff)
        self.diff_box.hide()

        self.reason_code = QComboBox(self)
        self.reason_code.setEditable(True)
        self.reason_code.addItems(REASON_CODES)
        self.reason_code.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_code.setCurrentIndex(-1)  # no reason until the officer chooses one
        line = self.reason_code.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Choose or type a code (needed to reject)"))
        self.reason_code.setAccessibleName(self.tr("Reason code"))
        self.reason_code.editTextChanged.connect(lambda _text: self.decision_message.clear())
        self.reason_text = QLineEdit(self)
        self.reason_text.setAccessibleName(self.tr("Reason text"))
        self.reason_text.setPlaceholderText(
            self.tr("Sent to the clinic unencrypted: no names, numbers or other personal data")
        )
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.reject_button = QPushButton(self.tr("Re&ject"), self)
        self.duplicate_button = QPushButton(self.tr("Mark as d&uplicate"), self)
        self.accept_button.clicked.connect(lambda: self.decide("accept"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.duplicate_button.clicked.connect(lambda: self.decide("duplicate"))

        self.decision_message = QLabel("", self)
        self.decision_message.setAccessibleName(self.tr("Decision message"))
        self.decision_message.setWordWrap(True)

        self.status = QLabel("", self)
        self.status.setAccessibleName(self.tr("Queue status"))

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.finding_filter)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.accept_clean_button)

        decision = QGroupBox(self.tr("Decision"), self)
        form = QFormLayout(decision)
        form.addRow(self.tr("Reason &code:"), self.reason_code)
        form.addRow(self.tr("Reason &text:"), self.reason_text)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.duplicate_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        form.addRow(self.decision_message)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 2)
        right_layout.addWidget(self.diff_box, 2)
        right_layout.addWidget(decision)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([600, 400])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._set_decision_enabled(False)

    # -- loading ------------------------------------------------------------------------------

    def form(self) -> FormDefinition:  # for field labels (cached by load_form)
        return load_form()

    def reload(self) -> None:
        session = self._session()
        self.refresh_button.setEnabled(False)

        def load() -> list[ReviewItem]:
            # Warm the (process-wide) form and ORPHA caches here, off the GUI thread, so the
            # first selection does no file reading on it.
            load_form()
            with contextlib.suppress(CodeListError):
                get_codelist("orpha")
            return session.register.pending(limit=QUEUE_LIMIT, with_payload=True)

        BackgroundOp(self, load).success(self._show_items).finally_(
            lambda: self.refresh_button.setEnabled(True)
        ).run_in_background()

    def _show_items(self, items: list[ReviewItem]) -> None:
        self.model.set_items(items)
        self._show_details(None)
        self._show_counts()

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
        self.model.clear()
        self._show_details(None)
        self._clear_reason()
        self.status.clear()

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
        self.diff.clear_changes()
        self.diff_box.hide()
        self._enable_decisions(item)
        if item is None:
            self.details.clear()
            return
        lines = [
            f"<b>{html.escape(patient_name(item))}</b>",
            self.tr("Diagnoses: %1").replace("%1", html.escape(self._diagnosis_names(item))),
            self.tr("Registration %1, revision %2")
            .replace("%1", item.record_id)
            .replace("%2", str(item.revision)),
            self.tr("Received %1 in batch %2 from installation %3")
            .replace("%1", local_time(item.origin.received_at))
            .replace("%2", item.origin.batch_id)
            .replace("%3", item.origin.installation_key_id),
            self.tr("Checks: %1").replace("%1", html.escape(findings_text(item))),
        ]
        if item.duplicate_of:
            lines.append(
                self.tr("The register holds the same person and diagnosis as %1").replace(
                    "%1", item.duplicate_of
                )
            )
        if item.issue_keys:
            lines.append(self.tr("Validation errors:"))
            for key in item.issue_keys:
                code, _, path = key.partition("@")
                lines.append(f"&nbsp;&nbsp;• {html.escape(field_label(self.form(), path))}: {code}")
        self.details.setHtml("<br>".join(lines))
        if Finding.REVISION in item.findings:
            session = self._session()
            BackgroundOp(self, lambda: session.register.diff(item)).success(
                lambda changes: self._show_diff(item, changes)
            ).run_in_background()

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

    def _show_diff(self, item: ReviewItem, changes: list[FieldChange]) -> None:
        if self.selected() is not item:
            return  # the selection moved on meanwhile
        self.diff.show_changes(changes, self.form())
        self.diff_box.setVisible(True)

    # -- decisions ----------------------------------------------------------------------------

    def decide(self, choice: decisions.Choice) -> None:
        item = self.selected()
        if item is None:
            return
        code = self.reason_code.currentText().strip() or None  # only one chosen or typed
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
        ).success(lambda _decided: self._decided(item)).finally_(
            lambda: self._enable_decisions(self.selected())
        ).run_in_background()

    def _decided(self, item: ReviewItem) -> None:
        """The item leaves the queue (no reload: the rest is unchanged); the next is selected."""
        self._clear_reason()  # the next item's reason is chosen afresh
        row = self.model.remove(item)
        self._show_counts()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self._show_details(None)

    def accept_clean(self) -> None:
        session = self._session()
        self.accept_clean_button.setEnabled(False)
        BackgroundOp(self, lambda: decisions.accept_clean(session.register)).with_progress(
            self.tr("Accepting clean registrations…")
        ).success(self._accepted_clean).run_in_background()

    def _accepted_clean(self, counts: tuple[int, int]) -> None:
        accepted, left = counts
        text = self.tr("%n registration(s) accepted.", "", accepted)
        if left:
            text += " " + self.tr(
                "%n need a decision of their own (the register changed meanwhile).", "", left
            )
        show_info(self, text)
        self.reload()
