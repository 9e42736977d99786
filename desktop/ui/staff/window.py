"""The registry-staff window: review queue, reservations and reports, with the inbox and
export actions in menus.

Shown instead of the clinician's main window when the unlocked profile is a staff profile
(``sjelden staff init``). Like the main window it is a shell: the panels do the work, the
controller owns locking. Unlocking attaches the staff session (keys, the register on its
backend) in the background; ``deactivate`` forgets every row and closes the register off the
GUI thread (closing waits for the register's queued work).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QTabWidget,
    QToolButton,
    QWidget,
)

from desktop import __version__
from desktop.messages import CodedError
from desktop.staff import feedback, roles
from desktop.staff import session as staff_session
from desktop.staff.access import BULK_FORMATS, REASON_MAX, export_register
from desktop.staff.errors import StaffError
from desktop.staff.export import FORMATS, ExportError, ExportResult, policy
from desktop.staff.export.research import ResearchRequest
from desktop.staff.importer import Importer
from desktop.staff.pull import PullReport, import_files, pull
from desktop.staff.session import StaffSession
from desktop.storage.session import Session
from desktop.ui.error_dialogs import show_error, show_info
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp, CancelToken
from desktop.ui.settings_dialogs import AutoLockDialog, ChangePassphraseDialog, LanguageDialog
from desktop.ui.staff.audit_panel import AuditPanel
from desktop.ui.staff.letters_panel import LettersPanel
from desktop.ui.staff.members_panel import MembersPanel
from desktop.ui.staff.quarantine_dialog import QuarantineDialog
from desktop.ui.staff.reports_panel import ReportsPanel
from desktop.ui.staff.reservations_panel import ReservationsPanel
from desktop.ui.staff.review_panel import ReviewPanel
from desktop.ui.window_base import AppWindow

log = logging.getLogger(__name__)

# Qt names a tab bar's scroll buttons once, when the bar is made, and not again on a
# language switch; ``_retranslate`` names them from Qt's own catalogue (``qtbase_nb``).
# The context is a variable so ``lupdate`` leaves these strings to that catalogue.
_QT_TAB_BAR = "QTabBar"
_SCROLL_BUTTONS = {"ScrollLeftButton": "Scroll Left", "ScrollRightButton": "Scroll Right"}


class StaffWindow(AppWindow):
    ready = Signal()  # the staff session is attached and the queue is loading

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.staff: StaffSession | None = None
        self._generation = 0  # an attach from before a lock (or a second unlock) is dropped
        self.resize(1200, 760)
        self._queue_count: int | None = None  # shown in the status bar, in words per language
        self._quarantine_count: int | None = None

        self.review = ReviewPanel(self.staff_session, self)
        self.reservations = ReservationsPanel(
            lambda: self.staff_session("reserve"), self, on_changed=self.review.reload
        )
        self.reports = ReportsPanel(self.staff_session, self)
        self.letters = LettersPanel(
            lambda: self.staff_session("letters"), self, on_changed=self.review.reload
        )
        self.tabs = QTabWidget(self)
        # The tab bar is the Tab stop ("page tab list"); the widget around it, left focusable
        # as its focus proxy's owner, is announced as an empty "filler".
        self.tabs.setFocusProxy(None)  # type: ignore[arg-type]  # nullptr: no proxy
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.audit = AuditPanel(self.staff_session, self)
        self.members = MembersPanel(self.staff_session, self.role_name, self)
        panels = (self.review, self.reservations, self.reports, self.letters, self.audit)
        for panel in (*panels, self.members):
            self.tabs.addTab(panel, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.queue_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.queue_label)
        self.review.queue_changed.connect(self._show_queue_count)
        self.quarantine_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.quarantine_label)
        self.role_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.role_label)
        # What each action and tab needs (desktop.staff.roles): disabled, with a tooltip
        # saying why, for a member whose role does not allow it.
        self.needs: dict[QAction, roles.Action] = {}
        self._enabled = False
        self._build_menus()
        self.tab_needs: dict[QWidget, roles.Action] = {
            self.review: "view",
            self.reservations: "reserve",
            self.reports: "view",
            self.letters: "letters",
            self.audit: "view",
            self.members: "view",  # the list; adding and removing need "members" (permit)
        }
        self._retranslate()
        self._set_actions_enabled(False)

    def staff_session(self, needs: roles.Action = "view") -> StaffSession:
        """The open session, for an action that needs ``needs`` (``role_required`` else)."""
        if self.staff is None:
            raise StaffError("not_staff_profile", "the staff session is not open")
        roles.require(self.staff, needs)
        return self.staff

    def role_name(self, role: str) -> str:
        names = {
            roles.REVIEWER: self.tr("reviewer"),
            roles.REGISTRAR: self.tr("registrar"),
            roles.ADMINISTRATOR: self.tr("administrator"),
        }
        return names.get(role, role)

    def _refusal(self, needs: roles.Action) -> str:
        return (
            self.tr("Needs the role %1; yours is %2. Ask an administrator.")
            .replace("%1", self.role_name(roles.needed(needs)))
            .replace("%2", self.role_name(self.staff.role if self.staff else ""))
        )

    # -- menus --------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        """The menus; their words are set by ``_retranslate`` (again on a language switch)."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = self._action("", self.choose_batch_files, QKeySequence("Ctrl+I"))
        self.lock_action = self._action("", self.lock_requested.emit, QKeySequence("Ctrl+L"))
        self.quit_action = self._action("", self.quit_requested.emit, QKeySequence("Ctrl+Q"))
        self.needs[self.import_action] = "decide"
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.quit_action)

        self.inbox_menu = bar.addMenu("")
        self.pull_action = self._action("", self.pull, QKeySequence("Ctrl+R"))
        self.send_action = self._action("", self.send_decisions)
        self.save_feedback_action = self._action("", self.choose_feedback_dir)
        self.quarantine_action = self._action("", self.show_quarantined)
        for action in (
            self.pull_action,
            self.send_action,
            self.save_feedback_action,
            self.quarantine_action,
        ):
            self.inbox_menu.addAction(action)
            self.needs[action] = "view" if action is self.quarantine_action else "decide"

        self.export_menu = bar.addMenu("")
        self.export_actions = {
            fmt: self._action("", lambda _=False, f=fmt: self.choose_export(f)) for fmt in FORMATS
        }
        for action in self.export_actions.values():
            self.export_menu.addAction(action)
            self.needs[action] = "export"
        for menu in (self.file_menu, self.inbox_menu, self.export_menu):
            menu.setToolTipsVisible(True)  # the reason an action is disabled for the role

        self.settings_menu = bar.addMenu("")
        self.change_passphrase_action = self._action(
            "", lambda: ChangePassphraseDialog(self.session, self).open()
        )
        self.auto_lock_action = self._action("", lambda: AutoLockDialog(self.session, self).open())
        self.language_action = self._action("", self.choose_language)
        self.settings_menu.addAction(self.change_passphrase_action)
        self.settings_menu.addAction(self.auto_lock_action)
        self.settings_menu.addAction(self.language_action)
        self.help_menu = bar.addMenu("")
        self.about_action = self._action("", self.about)
        self.help_menu.addAction(self.about_action)

    def _retranslate(self) -> None:
        """Every word of the shell in the current language (at start and on a switch); the
        panels retranslate themselves on the same ``LanguageChange``."""
        self.setWindowTitle(self.tr("Sjeldenregisteret: registry staff"))
        self.setAccessibleName(self.tr("Registry staff window"))
        self.tabs.setAccessibleName(self.tr("Work area"))
        titles = (
            self.tr("&Review"),
            self.tr("Reser&vations"),
            self.tr("Re&ports"),
            self.tr("Letter mailin&g"),
            self.tr("Audit log"),
            self.tr("Members"),  # no letter free: Ctrl+Tab, like the Audit log tab
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        for button in self.tabs.tabBar().findChildren(QToolButton):
            source = _SCROLL_BUTTONS.get(button.objectName())
            if source is not None:
                button.setAccessibleName(QCoreApplication.translate(_QT_TAB_BAR, source))
        self.queue_label.setAccessibleName(self.tr("Registrations awaiting review"))
        self.quarantine_label.setAccessibleName(self.tr("Batches in quarantine"))
        self.role_label.setAccessibleName(self.tr("Your role in the register"))
        self.statusBar().setAccessibleName(self.tr("Status bar"))
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import batch files…"))
        self.lock_action.setText(self.tr("&Lock"))
        self.quit_action.setText(self.tr("E&xit"))
        self.inbox_menu.setTitle(self.tr("I&nbox"))
        self.pull_action.setText(self.tr("&Fetch new batches"))
        self.send_action.setText(self.tr("&Send decisions"))
        self.save_feedback_action.setText(self.tr("Save decisions as fi&les…"))
        self.quarantine_action.setText(self.tr("&Quarantined batches…"))
        self.export_menu.setTitle(self.tr("&Export"))
        labels = {
            "csv": self.tr("Hospital registry &CSV…"),
            "fhir": self.tr("&FHIR R4 bundle…"),
            "phenopacket": self.tr("&Phenopackets (folder)…"),
            "research": self.tr("k-anonymous &research extract…"),
            "aggregate": self.tr("&Aggregate counts (small counts suppressed)…"),
        }
        for fmt, action in self.export_actions.items():
            action.setText(labels[fmt])
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.change_passphrase_action.setText(self.tr("&Change passphrase…"))
        self.auto_lock_action.setText(self.tr("&Automatic locking…"))
        self.language_action.setText(self.tr("&Language…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        self._show_queue_count(self._queue_count)
        self._show_quarantine_count(self._quarantine_count)
        self._show_role()

    def changeEvent(self, event: QEvent) -> None:
        """A language switch (``i18n.install``) retranslates the shell in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def choose_language(self) -> None:
        """Innstillinger → Språk, the clinician window's dialog: saved in the profile and
        applied at once (``changeEvent`` here and in every panel); work in progress stays."""
        LanguageDialog(self.session.profile, self).open()

    def _show_queue_count(self, count: int | None) -> None:
        self._queue_count = count
        if count is None:
            self.queue_label.clear()
        else:
            self.queue_label.setText(self.tr("%n awaiting review", "", count))

    def _show_quarantine_count(self, count: int | None) -> None:
        self._quarantine_count = count
        if count:
            self.quarantine_label.setText(self.tr("%n batch(es) in quarantine", "", count))
        else:
            self.quarantine_label.clear()

    def _set_actions_enabled(self, enabled: bool) -> None:
        """Every action and tab on when unlocked, except what the member's role does not
        allow (``roles.allows``, the same test ``roles.require`` makes)."""
        self._enabled = enabled
        role = self.staff.role if self.staff is not None else ""
        for action, needs in self.needs.items():
            action.setEnabled(enabled and roles.allows(role, needs))
        for widget, needs in self.tab_needs.items():
            index = self.tabs.indexOf(widget)
            self.tabs.setTabEnabled(index, not enabled or roles.allows(role, needs))
        self.tabs.setEnabled(enabled)
        self._show_role()

    def _show_role(self) -> None:
        """The member's role in the status bar, and on each action and tab the role does not
        allow, which role it needs (in the current language)."""
        role = self.staff.role if self.staff is not None and self._enabled else ""
        for action, needs in self.needs.items():
            action.setToolTip(
                self._refusal(needs) if role and not roles.allows(role, needs) else ""
            )
        for widget, needs in self.tab_needs.items():
            refused = role and not roles.allows(role, needs)
            self.tabs.setTabToolTip(
                self.tabs.indexOf(widget), self._refusal(needs) if refused else ""
            )
        self.role_label.setText(
            self.tr("Role: %1").replace("%1", self.role_name(role)) if role else ""
        )
        may_change = bool(role) and roles.allows(role, "members")
        self.members.permit(may_change, self._refusal("members") if role and not may_change else "")

    # -- unlocked / locked --------------------------------------------------------------------

    def activate(self) -> None:
        """Unlocked: attach the staff session in the background, then load the queue."""
        self._generation += 1
        generation = self._generation
        profile, store = self.session.profile, self.session.store
        BackgroundOp(self, lambda: staff_session.attach(profile, store)).success(
            lambda attached: self._attached(generation, attached)
        ).failure(lambda exc: self._attach_failed(generation, exc)).run_in_background()

    def _attached(self, generation: int, attached: StaffSession) -> None:
        if generation != self._generation or self.session.locked:
            self._close_register(attached)  # locked (and maybe unlocked again) meanwhile
            return
        self.staff = attached
        self._set_actions_enabled(True)
        self.review.reload()
        if self.tabs.currentWidget() is self.members:
            self.members.reload()  # the tab shown at the lock is shown again
        self._count_quarantined()
        self.ready.emit()

    def _attach_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return  # that unlock is over already
        show_error(self, exc)
        self.lock_requested.emit()

    def _close_register(self, staff: StaffSession) -> None:
        """Off the GUI thread: closing waits for queued register work (a bulk acceptance,
        an export), which must not freeze the unlock screen."""
        BackgroundOp(self, staff.register.close).failure(
            lambda exc: log.warning("closing the register failed: %s", type(exc).__name__)
        ).run_in_background()

    def about_to_lock(self) -> None:
        """Nothing to save: every decision is written when it is made."""

    def deactivate(self) -> None:
        """Locked: close the register, forget every row and dialog, hide the window."""
        self.members.clear()  # first: a manifest dialog closed below then has nothing to say
        self.close_dialogs()
        self._generation += 1
        staff, self.staff = self.staff, None
        if staff is not None:
            self._close_register(staff)
        self.review.clear()
        self.reservations.clear()
        self.reports.clear()
        self.letters.clear()
        self._show_queue_count(None)
        self._show_quarantine_count(None)
        self.audit.clear()
        self._set_actions_enabled(False)
        self.hide()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.reports and self.staff is not None:
            self.reports.reload()
        if self.tabs.widget(index) is self.letters and self.staff is not None:
            self.letters.reload()
        if self.tabs.widget(index) is self.members and self.staff is not None:
            self.members.reload()

    # -- importing ----------------------------------------------------------------------------

    def choose_batch_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import batch files"), "", self.tr("Sjelden batches (*.sjbt)")
        )
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, paths: list[Path]) -> None:
        staff = self.staff_session("decide")

        def run() -> PullReport:
            with Importer(staff) as importer:
                return import_files(importer, paths)

        BackgroundOp(self, run).with_progress(self.tr("Importing batches…")).success(
            self._imported
        ).run_in_background()

    def pull(self) -> None:
        staff = self.staff_session("decide")
        token = CancelToken()

        def run() -> PullReport:
            transport = staff.transport()
            transport.cancel = token.event
            with transport, Importer(staff) as importer:
                return pull(importer, transport)

        op = BackgroundOp(self, run)
        op.token = token  # the progress dialog's Cancel stops the transfer between requests
        op.with_progress(self.tr("Fetching batches from the inbox…")).success(
            self._imported
        ).run_in_background()

    def _imported(self, report: PullReport) -> None:
        lang = current_language()
        lines = [
            self.tr("%n batch(es) imported", "", len(report.imported))
            + ", "
            + self.tr("%n registration(s) to review", "", report.records)
            + "."
        ]
        for refused in report.refused:
            batch = refused.source or refused.batch_id or "?"
            lines.append(
                self.tr("Refused batch %1: %2")
                .replace("%1", batch)
                .replace("%2", refused.user_message(lang, gui=True))
            )
        for held in report.quarantined:
            lines.append(
                self.tr("Quarantined batch %1: %2")
                .replace("%1", held.batch_id or held.quarantine_id)
                .replace("%2", held.refusal().user_message(lang, gui=True))
            )
        show_info(self, "\n".join(lines))
        self.review.reload()
        self._count_quarantined()

    # -- quarantine ----------------------------------------------------------------------------

    def _count_quarantined(self) -> None:
        """The status line names batches set aside, so they are not forgotten."""
        staff = self.staff_session()
        BackgroundOp(self, lambda: staff.register.counts().quarantined).success(
            self._show_quarantine_count
        ).run_in_background()

    def show_quarantined(self) -> QuarantineDialog:
        """The quarantined batches, with Retry and Discard (``QuarantineDialog``)."""
        self.staff_session()  # locked: nothing to show
        existing = [d for d in self.findChildren(QuarantineDialog) if d.isVisible()]
        if existing:
            existing[0].raise_()
            return existing[0]
        dialog = QuarantineDialog(self.staff_session, self, on_changed=self._quarantine_changed)
        dialog.open()
        dialog.reload()
        return dialog

    def _quarantine_changed(self) -> None:
        """A retry may have brought registrations to review; the counts change either way."""
        if self.staff is not None:
            self.review.reload()
            self._count_quarantined()

    # -- decisions back to the clinics ----------------------------------------------------------

    def send_decisions(self) -> None:
        staff = self.staff_session("decide")

        def run() -> feedback.SendReport:
            feedback.prepare(staff.register, staff.keys.signing_key, staff.pinned_installations())
            with staff.transport() as transport:
                return feedback.send(staff.register, transport, staff.keys.signing_key)

        BackgroundOp(self, run).with_progress(self.tr("Sending decisions…")).success(
            self._sent
        ).run_in_background()

    def _sent(self, report: feedback.SendReport) -> None:
        text = self.tr("%n decision document(s) sent.", "", report.sent)
        if report.failed:
            codes = ", ".join(sorted({code for _, code in report.failed}))
            text += " " + self.tr("%n refused by the inbox (%1).", "", len(report.failed)).replace(
                "%1", codes
            )
        show_info(self, text)

    def choose_feedback_dir(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Save decisions to folder"))
        if name:
            self.save_feedback(Path(name))

    def save_feedback(self, directory: Path) -> None:
        staff = self.staff_session("decide")

        def run() -> list[Path]:
            feedback.prepare(staff.register, staff.keys.signing_key, staff.pinned_installations())
            return feedback.export(staff.register, directory)

        BackgroundOp(self, run).success(self._feedback_saved).run_in_background()

    def _feedback_saved(self, files: list[Path]) -> None:
        show_info(self, self.tr("%n file(s) written.", "", len(files)))

    # -- exports ----------------------------------------------------------------------------

    def choose_export(self, fmt: str) -> None:
        reason = ""
        if fmt in BULK_FORMATS:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Reason for the export"),
                self.tr(
                    "Why is the register exported? Kept in the audit log; write the purpose, "
                    "not names (at most %1 characters):"
                ).replace("%1", str(REASON_MAX)),
            )
            if not ok:
                return
        request = None
        if fmt == "research":
            request = self.choose_research_request()
            if request is None:
                return
        if fmt == "phenopacket":
            name = QFileDialog.getExistingDirectory(self, self.tr("Export to an empty folder"))
        else:
            suffix = "json" if fmt == "fhir" else "csv"
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export"), f"sjeldenregisteret-{fmt}.{suffix}"
            )
        if name:
            self.export_to(fmt, Path(name), request, reason=reason)

    def choose_research_request(self) -> ResearchRequest | None:
        """k and the column set of a research extract (the policy's defaults offered)."""
        sets = list(policy.COLUMN_SETS)
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Research extract"),
            self.tr("Quasi-identifiers to release:"),
            sets,
            sets.index(policy.DEFAULT_COLUMN_SET),
            False,
        )
        if not ok:
            return None
        k, ok = QInputDialog.getInt(
            self,
            self.tr("Research extract"),
            self.tr("Each combination must hold at least k persons. k:"),
            policy.DEFAULT_K,
            policy.MINIMUM_K,
            1000,
        )
        return ResearchRequest.build(k=k, columns=chosen) if ok else None

    def export_to(
        self,
        fmt: str,
        destination: Path,
        request: ResearchRequest | None = None,
        *,
        reason: str = "",
    ) -> None:
        """Export in the background, audited (``desktop.staff.access``): a bulk export
        without a reason is refused with its code, and nothing is written."""
        staff = self.staff_session("export")
        BackgroundOp(
            self,
            lambda: export_register(
                staff.register, fmt, destination, reason=reason, research=request
            ),
        ).with_progress(self.tr("Exporting…")).success(self._exported).failure(
            self._export_failed
        ).run_in_background()

    def _exported(self, result: ExportResult) -> None:
        show_info(
            self,
            self.tr("%n registration(s) exported.", "", result.count)
            + " "
            + self.tr("Files: %1").replace("%1", ", ".join(str(f) for f in result.files)),
        )

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, CodedError):
            show_info(self, f"{exc.user_message(current_language(), gui=True)} ({exc.code})")
        elif isinstance(exc, ExportError):
            show_info(self, self.tr("Nothing was exported: %1").replace("%1", str(exc)))
        else:
            show_error(self, exc)

    # -- misc -------------------------------------------------------------------------------

    def about(self) -> None:
        show_info(
            self,
            self.tr("Sjeldenregisteret %1, registry-staff mode.").replace("%1", __version__),
        )
