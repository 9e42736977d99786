"""First-run set-up: choose a passphrase, then keep the recovery key safe.

The recovery key is shown exactly once, here; continuing requires the user to confirm they
kept it, because without it a forgotten passphrase means the registrations are lost. If the
PC has no secure OS keyring the user is told so and may explicitly choose to keep the sealed
key in a file in the profile folder; that choice is never made silently.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.errors import KeyringUnavailable, NoSecureKeyring, StoreError
from desktop.storage.profile import KeyStorage, SetupResult
from desktop.storage.session import Session
from desktop.ui.error_dialogs import show_error
from desktop.ui.i18n import current_language
from desktop.ui.ops import BackgroundOp
from desktop.ui.passphrase_fields import PassphrasePair
from desktop.ui.recovery_sheet import print_recovery_key


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget, accessible_name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible_name)
    return label


class SetupPage(QWidget):
    """Emits ``completed`` once the profile exists, is attached to the session, and the user
    has confirmed keeping the recovery key."""

    completed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._recovery_key = ""
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._build_choose())
        self.steps.addWidget(self._build_key())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)

    # -- step 1: passphrase -----------------------------------------------------------------

    def _build_choose(self) -> QWidget:
        page = QWidget(self)
        self.intro = paragraph(
            self.tr(
                "The registrations you make are kept encrypted on this PC. Choose a passphrase "
                "that only you know: you will type it every time you open the program and "
                "after it has locked itself. Several ordinary words in a row are easy to "
                "remember and hard to guess. The strength meter knows common passwords, "
                "names, keyboard rows, repeats and dates, and the program accepts a "
                "passphrase only from Good (3 of 4) up."
            ),
            page,
            self.tr("About the passphrase"),
        )
        self.passphrases = PassphrasePair(page)
        self.keyfile_box = QGroupBox(self.tr("No secure keyring on this PC"), page)
        self.keyfile_box.setAccessibleName(self.tr("No secure keyring on this PC"))
        self.keyfile_text = paragraph("", self.keyfile_box, self.tr("Keyring problem"))
        self.keyfile_choice = QCheckBox(
            self.tr("Keep the encrypted key in a file in the profile folder instead"),
            self.keyfile_box,
        )
        self.keyfile_choice.setAccessibleName(self.tr("Keep the encrypted key in a file"))
        self.keyfile_warning = paragraph(
            self.tr(
                "Warning: the file is protected only by your passphrase. Anyone who copies "
                "the profile folder can try to guess it without the operating system "
                "stopping them. Choose a long passphrase, and prefer installing a keyring."
            ),
            self.keyfile_box,
            self.tr("Warning about keeping the key in a file"),
        )
        box_layout = QVBoxLayout(self.keyfile_box)
        box_layout.addWidget(self.keyfile_text)
        box_layout.addWidget(self.keyfile_choice)
        box_layout.addWidget(self.keyfile_warning)
        self.keyfile_box.hide()

        self.create_button = QPushButton(self.tr("&Create profile"), page)
        self.create_button.setAccessibleName(self.tr("Create profile"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_profile)
        self.busy = QLabel("", page)
        self.busy.setAccessibleName(self.tr("Progress"))
        self.passphrases.second.returnPressed.connect(self.create_profile)

        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Welcome to Sjeldenregisteret"), page))
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.passphrases)
        layout.addWidget(self.keyfile_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setTabOrder(self.passphrases.second, self.keyfile_choice)
        self.setTabOrder(self.keyfile_choice, self.create_button)
        return page

    def create_profile(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase = self.passphrases.passphrase()
        if passphrase is None:
            return
        key_storage: KeyStorage = "file" if self.keyfile_choice.isChecked() else "keyring"
        session = self.session
        language = current_language()

        def work() -> SetupResult:
            result = session.profile.create(passphrase, key_storage=key_storage, language=language)
            session.attach(result.store)
            return result

        self._set_busy(True)
        (
            BackgroundOp(self, work)
            .success(self._created)
            .failure(self._failed)
            .finally_(lambda: self._set_busy(False))
            .run_in_background()
        )

    def _set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.busy.setText(self.tr("Creating the encrypted profile…") if busy else "")

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, NoSecureKeyring | KeyringUnavailable):
            # no keyring to keep the key in: offer the file, the same as 'init --key-file'
            self.keyfile_text.setText(exc.user_message(current_language(), gui=True))
            self.keyfile_box.show()
            self.fit_window()
            self.keyfile_choice.setFocus()
            return
        if isinstance(exc, StoreError):
            self.passphrases.problem.setText(exc.user_message(current_language(), gui=True))
            return
        show_error(self, exc)

    def fit_window(self) -> None:
        """Grow the window to the height its text needs at its width.

        The no-keyring box appears after the window was sized, and a window does not grow by
        itself: its wrapped paragraphs (the keyring problem, the warning) were cut off at the
        bottom on a laptop screen. Never wider, never beyond the screen."""
        window = self.window()
        layout = window.layout()
        if layout is None:
            return
        layout.activate()
        width = window.width()
        need = (
            layout.heightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        screen = window.screen()
        if screen is not None:
            need = min(need, screen.availableGeometry().height())
        if need > window.height():
            window.resize(width, need)

    def _created(self, result: SetupResult) -> None:
        self.passphrases.clear()
        self._recovery_key = result.recovery_key
        self.key_label.setText(result.recovery_key)
        self.steps.setCurrentIndex(1)
        self.print_button.setFocus()

    # -- step 2: recovery key ---------------------------------------------------------------

    def _build_key(self) -> QWidget:
        page = QWidget(self)
        explanation = paragraph(
            self.tr(
                "This is your recovery key. It is shown only now. If you forget the "
                "passphrase, or the key disappears from this PC, the recovery key is the only "
                "way to open the registrations again. Print it or write it down, and keep it "
                "locked away, not beside the PC."
            ),
            page,
            self.tr("About the recovery key"),
        )
        self.key_label = QLabel("", page)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.8)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.key_label.setMinimumHeight(80)

        self.print_button = QPushButton(self.tr("&Print"), page)
        self.print_button.setAccessibleName(self.tr("Print the recovery key"))
        self.print_button.clicked.connect(self.print_key)
        self.copy_button = QPushButton(self.tr("C&opy"), page)
        self.copy_button.setAccessibleName(self.tr("Copy the recovery key"))
        self.copy_button.clicked.connect(self.copy_key)
        self.kept = QCheckBox(self.tr("I have &kept the recovery key safe"), page)
        self.kept.setAccessibleName(self.tr("I have kept the recovery key safe"))
        self.continue_button = QPushButton(self.tr("C&ontinue"), page)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.kept.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._finish)

        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        finish = QHBoxLayout()
        finish.addWidget(self.kept, 1)
        finish.addWidget(self.continue_button)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Keep your recovery key"), page))
        layout.addWidget(explanation)
        layout.addWidget(self.key_label)
        layout.addLayout(actions)
        layout.addStretch(1)
        layout.addLayout(finish)
        self.setTabOrder(self.print_button, self.copy_button)
        self.setTabOrder(self.copy_button, self.kept)
        self.setTabOrder(self.kept, self.continue_button)
        return page

    def profile_name(self) -> str:
        return self.session.profile.directory.name

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        dialog.accepted.connect(lambda: self.print_to(printer))
        # PySide6 binds only QPrintDialog.open(receiver, member): the inherited no-argument
        # open (C++ ``using QDialog::open``) is reached through the base class.
        QDialog.open(dialog)

    def print_to(self, printer: QPrinter) -> None:
        print_recovery_key(printer, self._recovery_key, self.profile_name())

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self._recovery_key)

    def _finish(self) -> None:
        if not self.kept.isChecked():
            return
        # Shown once: drop every copy the UI holds (the clipboard is the user's choice).
        self._recovery_key = ""
        self.key_label.clear()
        self.completed.emit()
