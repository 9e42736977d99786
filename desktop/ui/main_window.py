"""The main window: menus, the sync bar, the record list, the form area and a status bar.

Deliberately a shell. Menus trigger signals or small dialogs; the list, the form and the
sync bar live in their own modules; locking, unlocking and start-up are the controller's job.
``activate`` starts the sync bar with the store; ``deactivate`` is the one place that makes
sure no patient data (and no sync state) stays in a widget while locked.

The sync bar sits above the record list, where the clinician looks: last sync, counts, the
last error in plain words, "Synkroniser nå", progress and cancel. When a run changed record
states the list reloads; when it brought the register's decisions a notice above the list
says so. The "Synkronisering" menu connects the PC to the register (``EnrollDialog``),
starts a sync and shows the status.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QWidget

from desktop import __version__
from desktop.net.errors import message_for
from desktop.storage.records import RecordStatus
from desktop.storage.session import Session
from desktop.storage.store import Store
from desktop.sync import status
from desktop.ui import i18n
from desktop.ui.form_host import FormHost
from desktop.ui.ops import Op
from desktop.ui.record_list import RecordListPanel
from desktop.ui.record_model import local_time
from desktop.ui.settings_dialogs import AutoLockDialog, ChangePassphraseDialog, LanguageDialog
from desktop.ui.sync_panel import SyncPanel
from desktop.ui.window_base import AppWindow

# The form (section list, fields, check panel) needs about 1200 px to show without horizontal
# scrolling; 1366 x 768 is the smallest laptop screen clinics have. The height leaves room for
# a title bar and a task bar.
PREFERRED_SIZE = QSize(1280, 720)
_DECORATION = QSize(40, 60)


def default_size(window: QWidget) -> QSize:
    """The preferred size, made smaller where the screen is (never larger than it)."""
    screen = window.screen()
    if screen is None:
        return PREFERRED_SIZE
    room = screen.availableGeometry().size() - _DECORATION
    return PREFERRED_SIZE.boundedTo(room)


class MainWindow(AppWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.resize(default_size(self))
        self._total: int | None = None

        self.records = RecordListPanel(self)
        self.sync_panel = SyncPanel(self._store, self.records, autostart=False)
        self.records.set_header(self.sync_panel)
        self.sync_panel.show_notices = False  # shown above the list instead
        self.sync_panel.hide()
        self.form = FormHost(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.records)
        self.pages.addWidget(self.form)
        self.setCentralWidget(self.pages)

        self.count_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_menus()
        self._retranslate()
        self.records.new_requested.connect(self.new_registration)
        self.records.open_requested.connect(self.open_registration)
        self.records.model.total_changed.connect(self._show_total)
        self.form.closed.connect(self.show_list)
        self.form.records_changed.connect(self.sync_panel.refresh)  # counts follow every change
        self.sync_panel.enroll_requested.connect(self.enroll)
        self.sync_panel.enrolled_changed.connect(self._enrolled_changed)
        self.sync_panel.states_changed.connect(self._sync_changed_states)
        self.sync_panel.decisions_arrived.connect(self._decisions_arrived)

    def _store(self) -> Store:
        return self.session.store

    def _build_menus(self) -> None:
        """The menus; their words are set by ``_retranslate`` (again on a language switch)."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action("", self.new_registration, QKeySequence.StandardKey.New)
        self.lock_action = self._action("", self.lock_requested.emit, QKeySequence("Ctrl+L"))
        self.quit_action = self._action("", self.quit_requested.emit, QKeySequence("Ctrl+Q"))
        self.file_menu.addAction(self.new_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addAction(self.quit_action)

        self.settings_menu = bar.addMenu("")
        self.change_passphrase_action = self._action("", self.change_passphrase)
        self.auto_lock_action = self._action("", self.auto_lock)
        self.language_action = self._action("", self.choose_language)
        self.settings_menu.addAction(self.change_passphrase_action)
        self.settings_menu.addAction(self.auto_lock_action)
        self.settings_menu.addAction(self.language_action)

        self.sync_menu = bar.addMenu("")
        self.enroll_action = self._action("", self.enroll)
        self.sync_action = self._action("", self.sync_panel.sync_now, QKeySequence("F5"))
        self.sync_action.setEnabled(False)
        self.sync_status_action = self._action("", self.sync_status)
        self.register_key_action = self._action("", self.install_register_key)
        self.sync_menu.addAction(self.enroll_action)
        self.sync_menu.addAction(self.sync_action)
        self.sync_menu.addAction(self.sync_status_action)
        self.export_batches_action = self._action("", self.export_batches)
        self.import_files_action = self._action("", self.import_files)
        self.sync_menu.addSeparator()
        self.sync_menu.addAction(self.export_batches_action)
        self.sync_menu.addAction(self.import_files_action)
        self.sync_menu.addSeparator()
        self.sync_menu.addAction(self.register_key_action)

        self.help_menu = bar.addMenu("")
        self.about_action = self._action("", self.about)
        self.help_menu.addAction(self.about_action)

    def _retranslate(self) -> None:
        """Every word of the shell in the current language (at start and on a switch)."""
        self.setWindowTitle(self.tr("Sjeldenregisteret"))
        self.setAccessibleName(self.tr("Sjeldenregisteret main window"))
        self.pages.setAccessibleName(self.tr("Work area"))
        self.count_label.setAccessibleName(self.tr("Number of registrations"))
        self.statusBar().setAccessibleName(self.tr("Status bar"))
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New registration"))
        self.lock_action.setText(self.tr("&Lock"))
        self.quit_action.setText(self.tr("E&xit"))
        self.settings_menu.setTitle(self.tr("Settin&gs"))
        self.change_passphrase_action.setText(self.tr("&Change passphrase…"))
        self.auto_lock_action.setText(self.tr("&Automatic locking…"))
        self.language_action.setText(self.tr("&Language…"))
        self.sync_menu.setTitle(self.tr("S&ync"))
        self.enroll_action.setText(self.tr("&Connect to the register…"))
        self.sync_action.setText(self.tr("&Sync now"))
        self.sync_status_action.setText(self.tr("Sync s&tatus…"))
        self.register_key_action.setText(self.tr("Import the register's key &manifest…"))
        self.export_batches_action.setText(self.tr("&Export batches to a folder…"))
        self.import_files_action.setText(self.tr("Import &receipts or feedback from a file…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        if self._total is not None:
            self._show_total(self._total)

    def changeEvent(self, event: QEvent) -> None:
        """A language switch (``i18n.install``) retranslates the shell in place."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- pages ------------------------------------------------------------------------------

    def show_list(self) -> None:
        if self.records.model.active:
            self.records.model.reload()  # the form may have saved or completed records
        self.pages.setCurrentWidget(self.records)
        self.statusBar().clearMessage()
        self.records.table.setFocus()

    def new_registration(self) -> None:
        self.form.start_new()
        self.pages.setCurrentWidget(self.form)
        self.statusBar().showMessage(self.tr("New registration"))

    def open_registration(self, record_id: str) -> None:
        self.form.open_record(record_id)
        self.pages.setCurrentWidget(self.form)

    # -- unlocked / locked ------------------------------------------------------------------

    def activate(self) -> None:
        """Unlocked: load the list afresh and start the sync bar."""
        self.show_list()
        self.records.activate()
        self.sync_panel.start()

    def about_to_lock(self) -> None:
        """Just before the store closes: save the form's draft, stop a sync run."""
        self.form.about_to_lock()
        self.sync_panel.cancel()

    def deactivate(self) -> None:
        """Locked: forget every row, the form, the sync state and open dialogs; hide."""
        self.close_dialogs()
        self.sync_panel.stop()
        self.sync_panel.hide()
        self.sync_action.setEnabled(False)
        self.form.clear()
        self.records.clear()
        self.count_label.clear()
        self._total = None
        self.pages.setCurrentWidget(self.records)
        self.hide()

    def _show_total(self, total: int) -> None:
        self._total = total
        self.count_label.setText(self.tr("%n registration(s)", "", total))

    # -- sync -------------------------------------------------------------------------------

    def _enrolled_changed(self, enrolled: bool) -> None:
        self.sync_action.setEnabled(enrolled)

    def _sync_changed_states(self) -> None:
        if self.records.model.active:
            self.records.model.reload()

    def _decisions_arrived(self, accepted: int, rejected: int, set_aside: int) -> None:
        """The notice above the list; rejections get the way to correct them and a filter."""
        text = self.sync_panel.decisions_text(accepted, rejected, set_aside)
        if rejected or set_aside:
            text += " " + self.tr("Open one and choose New revision to correct it.")
        shown = RecordStatus.REJECTED if rejected else RecordStatus.SET_ASIDE if set_aside else None
        self.records.show_notice(text, shown)

    def enroll(self) -> None:
        if self.session.locked:
            return
        # Imported here: it brings the HTTP client, which start-up does not need.
        from desktop.ui.enroll_dialog import EnrollDialog

        existing = self.findChildren(EnrollDialog)
        if existing:
            existing[0].raise_()
            return
        dialog = EnrollDialog(self._store, self, policy=self.sync_panel.policy)
        dialog.enrolled.connect(lambda _result: self.sync_panel.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def install_register_key(self) -> None:
        if self.session.locked:
            return
        from desktop.ui.register_key_dialog import RegisterKeyDialog  # not needed at start-up

        dialog = RegisterKeyDialog(self._store, self)
        dialog.finished.connect(lambda _r: self.sync_panel.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_batches(self, folder: str | None = None) -> None:
        """File transport out (``sjelden export-batch``): a folder the user picks."""
        if self.session.locked:
            return
        from desktop.ui.file_transport import FileTransport  # not needed at start-up

        FileTransport(self, self._store(), self.sync_panel.refresh).export_batches(folder)

    def import_files(self, names: list[str] | None = None) -> None:
        """File transport in (``sjelden import-receipt``): receipts and feedback files."""
        if self.session.locked:
            return
        from desktop.ui.file_transport import FileTransport

        def done() -> None:
            self.sync_panel.refresh()
            if self.records.model.active:
                self.records.model.reload()  # decisions change the records' states

        FileTransport(self, self._store(), done).import_files(names)

    def sync_status(self) -> None:
        """The status as ``sjelden sync-status`` prints it, read on the database thread."""
        Op(self, status.read, operation="sync status").success(
            self._show_sync_status
        ).run_in_background()

    def _show_sync_status(self, state: status.SyncStatus) -> None:
        lang = i18n.current_language()
        never = self.tr("never")
        lines = [
            self.tr("Server: %1").replace(
                "%1", state.server_url or self.tr("not connected to the register")
            ),
            self.tr("Last sync: %1").replace(
                "%1", local_time(state.last_success_at) if state.last_success_at else never
            ),
            self.tr("Last attempt: %1").replace(
                "%1", local_time(state.last_attempt_at) if state.last_attempt_at else never
            ),
            self.tr("Waiting to be sent: %1; batches in the outbox: %2")
            .replace("%1", str(state.waiting))
            .replace("%2", str(state.pending_batches)),
        ]
        if state.last_error_code:
            lines.append(
                self.tr("Last error: %1").replace(
                    "%1", message_for(state.last_error_code, lang, gui=True)
                )
            )
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Sync status"))
        box.setAccessibleName(self.tr("Sync status"))
        box.setText("\n".join(lines))
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.finished.connect(box.deleteLater)
        box.open()

    # -- dialogs ----------------------------------------------------------------------------

    def change_passphrase(self) -> None:
        ChangePassphraseDialog(self.session, self).open()

    def auto_lock(self) -> None:
        AutoLockDialog(self.session, self).open()

    def choose_language(self) -> None:
        """Innstillinger → Språk: saved in the profile and applied at once (``changeEvent``)."""
        LanguageDialog(self.session.profile, self).open()

    def about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Sjeldenregisteret"))
        box.setAccessibleName(self.tr("About Sjeldenregisteret"))
        box.setText(
            self.tr(
                "Sjeldenregisteret %1\n\nRegistration client for the Norwegian Register for "
                "Rare Diagnoses. Registrations are kept encrypted on this PC until they are "
                "sent to the register."
            ).replace("%1", __version__)
        )
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.open()
