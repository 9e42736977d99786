"""The audit tab: verify the register's audit chain and see who did what, per month.

Both run in the background on the register's thread (``desktop.staff.audit_trail``): a
verify of a long chain takes seconds. The result says whether the chain is intact and, if
not, the first bad entry's number and problem code; the report is a table of counts per
month, staff member (key id) and kind of action. The inbox's copies of the checkpoints
(``desktop.staff.audit_witness``) are sent and compared from here too: what finds a tail cut
from the chain together with its checkpoints. Nothing shown holds a field value.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import CodedError
from desktop.staff import audit_trail, audit_witness, roles
from desktop.staff.errors import StaffError
from desktop.staff.session import StaffSession
from desktop.storage.audit import Verdict
from desktop.ui.error_dialogs import show_error, show_info
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp


class AuditPanel(QWidget):
    def __init__(
        self, session_source: Callable[[], StaffSession], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session_source
        self.verdict: Verdict | None = None
        self.lines: list[audit_trail.ReportLine] = []
        self.witnessed: audit_witness.Sent | audit_witness.Comparison | None = None

        self.verify_button = QPushButton(self)
        self.verify_button.clicked.connect(self.verify)
        self.result = QLabel("", self)
        self.result.setWordWrap(True)

        # No mnemonics: every letter of these is taken in the staff window (test_mnemonics).
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self.send_checkpoints)
        self.compare_button = QPushButton(self)
        self.compare_button.clicked.connect(self.compare_with_inbox)
        self.witness = QLabel("", self)
        self.witness.setWordWrap(True)

        self.month = QLineEdit(self)
        self.month.setMaxLength(7)
        self.month_label = month_label = QLabel(self)
        month_label.setBuddy(self.month)
        self.report_button = QPushButton(self)
        self.report_button.clicked.connect(self.load_report)
        self.month.returnPressed.connect(self.load_report)

        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.total = QLabel("", self)

        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        witness = QHBoxLayout()
        witness.addWidget(self.send_button)
        witness.addWidget(self.compare_button)
        witness.addWidget(self.witness, 1)
        middle = QHBoxLayout()
        middle.addWidget(month_label)
        middle.addWidget(self.month)
        middle.addWidget(self.report_button)
        middle.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(witness)
        layout.addLayout(middle)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every word of the tab in the current language (at start and on a switch); a
        verdict or report already shown is worded again."""
        self.verify_button.setText(self.tr("Ver&ify the audit log"))
        self.result.setAccessibleName(self.tr("Verification result"))
        self.send_button.setText(self.tr("Send checkpoints to the inbox"))
        self.compare_button.setText(self.tr("Compare with the inbox"))
        self.witness.setAccessibleName(self.tr("Comparison with the inbox"))
        self.month.setAccessibleName(self.tr("Month"))
        self.month.setPlaceholderText(self.tr("YYYY-MM (empty: every month)"))
        self.month_label.setText(self.tr("&Month:"))
        self.report_button.setText(self.tr("Show repor&t"))
        self.table.setAccessibleName(self.tr("Audit report"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Month"),
                self.tr("Staff member (key id)"),
                self.tr("Action"),
                self.tr("Count"),
            ]
        )
        if self.verdict is not None:
            self._verified(self.verdict)
        if self.lines:
            self._show(self.lines)
        if self.witnessed is not None:
            self._witnessed(self.witnessed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- verify -------------------------------------------------------------------------------

    def verify(self) -> None:
        session = self._session()
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Verifying…"))
        BackgroundOp(self, lambda: audit_trail.verify(session.register)).success(
            self._verified
        ).failure(self._failed).finally_(
            lambda: self.verify_button.setEnabled(True)
        ).run_in_background()

    def _verified(self, verdict: Verdict) -> None:
        self.verdict = verdict
        if verdict.intact:
            text = self.tr(
                "Intact: %1 entries, keyed and signed from no. %2, %3 checkpoint(s) checked."
            )
            keyed = "-" if verdict.keyed_from is None else str(verdict.keyed_from)
            self.result.setText(
                text.replace("%1", str(verdict.entries))
                .replace("%2", keyed)
                .replace("%3", str(verdict.checkpoints))
            )
        else:
            text = self.tr(
                "NOT intact: the first fault is entry no. %1 (%2). Do not repair the "
                "database; report it to the data protection officer."
            )
            self.result.setText(
                text.replace("%1", str(verdict.first_bad_seq)).replace("%2", str(verdict.problem))
            )

    # -- the inbox as a witness ---------------------------------------------------------------

    def send_checkpoints(self) -> None:
        """Sign a checkpoint now and send the inbox every one it does not hold yet."""
        session = self._session()

        def run() -> audit_witness.Sent:
            session.register.audit_checkpoint()
            with session.transport() as transport:
                return audit_witness.send(session, transport)

        self._witness_work(run)

    def compare_with_inbox(self) -> None:
        session = self._session()

        def run() -> audit_witness.Comparison:
            with session.transport() as transport:
                return audit_witness.compare(session, transport)

        self._witness_work(run)

    def _witness_work(
        self, run: Callable[[], audit_witness.Sent | audit_witness.Comparison]
    ) -> None:
        for button in (self.send_button, self.compare_button):
            button.setEnabled(False)
        self.witness.setText(self.tr("Asking the inbox…"))

        def done() -> None:
            for button in (self.send_button, self.compare_button):
                button.setEnabled(True)

        BackgroundOp(self, run).success(self._witnessed).failure(self._witness_failed).finally_(
            done
        ).run_in_background()

    def _witnessed(self, outcome: audit_witness.Sent | audit_witness.Comparison) -> None:
        self.witnessed = outcome
        if isinstance(outcome, audit_witness.Sent):
            self.witness.setText(
                self.tr(
                    "%n checkpoint(s) sent to the inbox; it held %1 already.", "", outcome.sent
                ).replace("%1", str(outcome.held))
            )
        elif outcome.intact:
            self.witness.setText(
                self.tr(
                    "The inbox's %n checkpoint copy(ies) match the audit log and are signed by "
                    "the register's members.",
                    "",
                    outcome.compared,
                )
            )
        else:
            self.witness.setText(
                self.tr(
                    "NOT intact: the inbox's copy of entry no. %1 does not match the audit log "
                    "(%2). Do not repair the database; report it to the data protection officer."
                )
                .replace("%1", str(outcome.seq))
                .replace("%2", str(outcome.problem))
            )

    def _witness_failed(self, exc: BaseException) -> None:
        self.witness.setText("")
        self._failed(exc)

    # -- report -------------------------------------------------------------------------------

    def load_report(self) -> None:
        """Who did what is oversight of the others: an administrator's (``roles``); anyone
        may verify the chain."""
        session = self._session()
        try:
            roles.require(session, "audit")
        except StaffError as exc:
            self._failed(exc)
            return
        month = self.month.text().strip() or None
        self.report_button.setEnabled(False)
        BackgroundOp(self, lambda: audit_trail.report(session.register, month)).success(
            self._show
        ).failure(self._failed).finally_(
            lambda: self.report_button.setEnabled(True)
        ).run_in_background()

    def _show(self, lines: list[audit_trail.ReportLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for index, line in enumerate(lines):
            for column, value in enumerate((line.month, line.actor, line.action, str(line.count))):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.total.setText(self.tr("%n entries", "", sum(line.count for line in lines)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CodedError):
            self.result.setText("")
            show_info(self, f"{exc.user_message(current_language(), gui=True)} ({exc.code})")
        else:
            show_error(self, exc)

    def clear(self) -> None:
        self.verdict = None
        self.lines = []
        self.witnessed = None
        self.witness.setText("")
        self.result.setText("")
        self.table.setRowCount(0)
        self.total.setText("")
