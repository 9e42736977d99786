"""The main window: menus, the record list, the form area and a status bar.

Deliberately a shell. Menus trigger signals or small dialogs; the list and the form live in
their own modules; locking, unlocking and start-up are the controller's job. ``deactivate``
is the one place that makes sure no patient data stays in a widget while locked.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from desktop import __version__
from desktop.storage.session import Session
from desktop.ui.form_host import FormHost
from desktop.ui.record_list import RecordListPanel
from desktop.ui.settings_dialogs import AutoLockDialog, ChangePassphraseDialog


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Sjeldenregisteret"))
        self.setAccessibleName(self.tr("Sjeldenregisteret main window"))
        self.resize(1000, 640)

        self.records = RecordListPanel(self)
        self.form = FormHost(self)
        self.pages = QStackedWidget(self)
        self.pages.setAccessibleName(self.tr("Work area"))
        self.pages.addWidget(self.records)
        self.pages.addWidget(self.form)
        self.setCentralWidget(self.pages)

        self.count_label = QLabel("", self)
        self.count_label.setAccessibleName(self.tr("Number of registrations"))
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().setAccessibleName(self.tr("Status bar"))

        self._build_menus()
        self.records.new_requested.connect(self.new_registration)
        self.records.open_requested.connect(self.open_registration)
        self.records.model.total_changed.connect(self._show_total)
        self.form.closed.connect(self.show_list)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New registration"), self.new_registration, QKeySequence.StandardKey.New
        )
        self.lock_action = self._action(
            self.tr("&Lock"), self.lock_requested.emit, QKeySequence("Ctrl+L")
        )
        self.quit_action = self._action(
            self.tr("E&xit"), self.quit_requested.emit, QKeySequence("Ctrl+Q")
        )
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.change_passphrase_action = self._action(
            self.tr("&Change passphrase…"), self.change_passphrase
        )
        self.auto_lock_action = self._action(self.tr("&Automatic locking…"), self.auto_lock)
        settings_menu.addAction(self.change_passphrase_action)
        settings_menu.addAction(self.auto_lock_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About"), self.about)
        help_menu.addAction(self.about_action)

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
        """Unlocked: load the list afresh."""
        self.show_list()
        self.records.activate()

    def deactivate(self) -> None:
        """Locked: forget every row, the form and open dialogs; hide the window."""
        for dialog in self.findChildren(ChangePassphraseDialog) + self.findChildren(AutoLockDialog):
            dialog.reject()
        self.form.clear()
        self.records.clear()
        self.count_label.clear()
        self.pages.setCurrentWidget(self.records)
        self.hide()

    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("%n registration(s)", "", total))

    # -- dialogs ----------------------------------------------------------------------------

    def change_passphrase(self) -> None:
        ChangePassphraseDialog(self.session, self).open()

    def auto_lock(self) -> None:
        AutoLockDialog(self.session, self).open()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.quit_requested.emit()
