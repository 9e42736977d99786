"""The Settings menu's dialogs: change passphrase, the auto-lock delay and the language.

Changing the passphrase re-seals the data key (one key derivation, done off the GUI
thread); the database itself is not rewritten.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import LANGUAGES, Lang
from desktop.storage import settings
from desktop.storage.errors import StoreError
from desktop.storage.profile import Profile
from desktop.storage.session import IDLE_SETTING, Session
from desktop.ui import i18n
from desktop.ui.error_dialogs import show_error, show_info
from desktop.ui.ops import BackgroundOp, Op
from desktop.ui.passphrase_fields import PassphrasePair, password_field
from desktop.ui.setup_page import paragraph
from desktop.ui.unlock_page import ERROR_STYLE


def _buttons(
    dialog: QDialog, ok_text: str, cancel_text: str
) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setAccessibleName(ok_text.replace("&", ""))
    ok.setDefault(True)
    cancel = box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setAccessibleName(cancel_text)
    box.rejected.connect(dialog.reject)
    return box, ok


class ChangePassphraseDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setAccessibleName(self.tr("Change passphrase"))
        self.old = password_field(self, self.tr("Current passphrase"))
        self.new = PassphrasePair(self)
        self.message = paragraph("", self, self.tr("Change passphrase problem"))
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons, self.ok_button = _buttons(
            self, self.tr("&Change passphrase"), self.tr("Cancel")
        )
        self.ok_button.clicked.connect(self.submit)

        form = QFormLayout()
        form.addRow(self.tr("C&urrent passphrase:"), self.old)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.old, self.new.first)
        self.setTabOrder(self.new.second, self.ok_button)

    def submit(self) -> None:
        old = self.old.text()
        if not old:
            self.message.setText(self.tr("Type your current passphrase."))
            self.old.setFocus()
            return
        new = self.new.passphrase()
        if new is None:
            return
        profile = self.session.profile
        self.ok_button.setEnabled(False)
        (
            BackgroundOp(self, lambda: profile.change_passphrase(old, new))
            .success(lambda _none: self._changed())
            .failure(self._failed)
            .finally_(lambda: self.ok_button.setEnabled(True))
            .run_in_background()
        )

    def _changed(self) -> None:
        self.old.clear()
        self.new.clear()
        show_info(self.parentWidget(), self.tr("The passphrase has been changed."))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            self.message.setText(exc.user_message(i18n.current_language(), gui=True))
            self.old.selectAll()
            self.old.setFocus()
        else:
            show_error(self, exc)


class AutoLockDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Automatic locking"))
        self.setAccessibleName(self.tr("Automatic locking"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 120)
        self.minutes.setValue(max(1, round(session.idle_seconds / 60)))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes without activity before locking"))
        self.buttons, self.ok_button = _buttons(self, self.tr("&Save"), self.tr("Cancel"))
        self.ok_button.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("&Lock after:"), self.minutes)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "The program locks itself when nobody has used the keyboard or mouse "
                    "for this long, so nobody else can read the registrations."
                ),
                self,
                self.tr("About automatic locking"),
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        minutes = self.minutes.value()
        session = self.session

        def saved(_none: None) -> None:
            session.idle_seconds = minutes * 60
            self.accept()

        Op(
            self,
            lambda conn: settings.put(conn, IDLE_SETTING, minutes),
            store=session.store,
            operation="save auto-lock setting",
        ).success(saved).run_in_background()


# each language named in itself, as language choosers do, so it can be found in either
LANGUAGE_NAMES: dict[Lang, str] = {"nb": "Norsk (bokmål)", "en": "English"}


class LanguageDialog(QDialog):
    """Innstillinger → Språk: bokmål or English, saved in the profile and applied at once.

    The choice lives in ``profile.json`` (it is needed before unlocking, for the unlock
    screen); ``i18n.install`` swaps the catalogues, and Qt's ``LanguageChange`` event lets
    every open window retranslate itself without losing what is typed (``FormHost``
    rebuilds the form around the values it holds).
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Language"))
        self.setAccessibleName(self.tr("Language"))
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Language of the program"))
        for lang in LANGUAGES:
            self.choice.addItem(LANGUAGE_NAMES[lang], lang)
        self.choice.setCurrentIndex(LANGUAGES.index(i18n.current_language()))
        self.buttons, self.ok_button = _buttons(self, self.tr("&Save"), self.tr("Cancel"))
        self.ok_button.clicked.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.choice)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                self.tr(
                    "The menus, the form and the messages change at once; what you have "
                    "typed stays. The choice is saved for this profile."
                ),
                self,
                self.tr("About the language"),
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def chosen(self) -> Lang:
        return LANGUAGES[self.choice.currentIndex()]

    def submit(self) -> None:
        lang = self.chosen()
        try:
            self.profile.set_language(lang)
        except StoreError as exc:  # a read-only or full profile folder: nothing changed
            show_error(self, exc)
            return
        self.accept()
        i18n.install(lang)
