"""Connecting this PC to the register: the enrollment letter's details in, fingerprints out.

The dialog only gathers what ``sjelden enroll`` takes on its command line (server address,
one-time code, the register's root key file and its fingerprint as the letter prints it,
which must match before anything is saved; optionally a key list (manifest) file, the
server's fingerprint, the health network's CA bundle, a proxy and the PC's label) and hands
it to ``desktop.sync.enroll.enroll``, the same core function the command line calls, on the
ops thread pool (``BackgroundOp``): reading the files and every network request happen
there, never on the GUI thread. The register's encryption and staff keys are not typed or
chosen here at all: they arrive in the key manifest the root key signed.

Afterwards it shows every fingerprint in a form meant to be read aloud on the phone: this
PC's (the register compares it before approving), spelled group by group with the spelling
alphabet, and the server's, the register's and the staff keys' (the clinician compares them
with the letter). Errors are the core's plain-language messages (``SyncError.user_message``)
or, for the files and fields checked here, a message naming the field and the fix.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sjelden_protocol.enrollment import MAX_LABEL_CHARS, normalise_code

from desktop.messages import Lang
from desktop.net.errors import SyncError, message_for
from desktop.net.http import RetryPolicy, check_server_url
from desktop.storage.store import Store
from desktop.sync import enroll, identity
from desktop.ui import i18n
from desktop.ui.ops import BackgroundOp

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

# Interactive: fail within seconds rather than retry for minutes as a background sync does.
ENROLL_POLICY = RetryPolicy(attempts=3, base_delay=0.5, max_delay=4.0, read_timeout=30.0)
CODE_LENGTH = 16
NOT_IN_CODES = frozenset("ILOU")  # Crockford base32 leaves out look-alike letters

# Spelling alphabets for reading a fingerprint aloud (base32: A-Z and 2-7).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_WORDS = {
    "nb": (
        "Anna", "Bernhard", "Caesar", "David", "Edith", "Fredrik", "Gustav", "Harald", "Ivar",
        "Johan", "Karin", "Ludvig", "Martin", "Nils", "Olivia", "Petter", "Quintus", "Rikard",
        "Sigrid", "Teodor", "Ulrik", "Enkelt-V", "Dobbelt-W", "Xerxes", "Yngling", "Zakarias",
        "to", "tre", "fire", "fem", "seks", "sju",
    ),
    "en": (
        "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
        "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
        "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "X-ray", "Yankee", "Zulu",
        "two", "three", "four", "five", "six", "seven",
    ),
}  # fmt: skip
SPELLING = {lang: dict(zip(_LETTERS, words, strict=True)) for lang, words in _WORDS.items()}


def spelled(fingerprint: str, lang: Lang) -> list[str]:
    """One line per group of four: ``1. ABCD: Anna Bernhard Caesar David``."""
    alphabet = SPELLING[lang]
    return [
        f"{number}. {group}: " + " ".join(alphabet.get(ch, ch) for ch in group)
        for number, group in enumerate(fingerprint.split(), start=1)
    ]


def code_display(text: str) -> str:
    """What the user typed, upper case, in groups of four as the letter prints it."""
    raw = normalise_code(text)[:CODE_LENGTH]
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


@dataclass(frozen=True)
class EnrollRequest:
    """The dialog's fields, checked; everything ``enroll.enroll`` needs besides the keys."""

    server_url: str
    code: str
    label: str
    root_file: str
    root_fingerprint: str
    manifest_file: str | None
    server_fingerprint: str | None
    ca_bundle: str | None
    proxy: str | None


def load_trust(request: EnrollRequest) -> tuple[Ed25519PublicKey, object | None]:
    """The register's root key and, if given, its key manifest file (on the worker thread).

    Only the root key is taken from the letter; every other register key comes in the
    manifest it signed (from the inbox, or this file for a PC that enrolls before the inbox
    publishes one), so no unsigned key file is ever trusted here.
    """
    from desktop.sync import manifest
    from desktop.sync.keyfiles import load_root_key

    root = load_root_key(Path(request.root_file))
    document = (
        None if request.manifest_file is None else manifest.read_file(Path(request.manifest_file))
    )
    return root, document


def _field_widget(field: QLayoutItem) -> QWidget:
    """What a form row's label is the buddy of: the field, or the first widget of a row
    layout (a line edit beside its Choose button)."""
    widget = field.widget()
    if widget is None:
        row = field.layout()
        first = row.itemAt(0) if row is not None else None
        widget = first.widget() if first is not None else None
    assert widget is not None, "every row of the enrollment form holds a widget"
    return widget


class EnrollDialog(QDialog):
    enrolled = Signal(object)  # enroll.EnrollmentResult, after keys are pinned

    def __init__(
        self,
        store_source: Callable[[], Store],
        parent: QWidget | None = None,
        *,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_source = store_source
        self.policy = policy or ENROLL_POLICY
        self._busy = False
        self.outcome: enroll.EnrollmentResult | None = None
        self.setWindowTitle(self.tr("Connect to the register"))
        self.setAccessibleName(self.tr("Connect this PC to the register"))
        self.setModal(True)
        self.resize(640, 520)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_result())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # -- building -------------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _file_row(self, edit: QLineEdit, choose: Callable[[], None], name: str) -> QHBoxLayout:
        button = QPushButton(self.tr("Choose…"), self)
        button.setAccessibleName(name)
        button.clicked.connect(choose)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    def _build_form(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Fill in the details from the register's enrollment letter. The letter comes "
                "with the register's root key file; type the root key's fingerprint as it is "
                "printed in the letter, so the file is checked against it."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.server = self._line(self.tr("Server address"), "https://")
        self.code = self._line(self.tr("Enrollment code"), "XXXX-XXXX-XXXX-XXXX")
        self.code.textEdited.connect(self._code_edited)
        self.root_file = self._line(self.tr("The register's root key file"))
        self.root_fingerprint = self._line(
            self.tr("The root key's fingerprint from the letter"),
            self.tr("as printed in the letter"),
        )
        self.manifest_file = self._line(self.tr("Key list file (optional)"))
        self.server_fingerprint = self._line(
            self.tr("Server fingerprint (optional)"), self.tr("as printed in the letter")
        )
        self.ca_bundle = self._line(self.tr("CA bundle (optional)"))
        self.proxy = self._line(self.tr("Proxy (optional)"), "http://proxy.example:8080")
        self.label = self._line(self.tr("Name of this PC"))
        self.label.setMaxLength(MAX_LABEL_CHARS)
        self.label.setText(socket.gethostname()[:MAX_LABEL_CHARS])

        form = QFormLayout()
        form.addRow(self.tr("&Server address:"), self.server)
        form.addRow(self.tr("Enrollment co&de:"), self.code)
        form.addRow(
            self.tr("&Root key file:"),
            self._file_row(
                self.root_file, self._choose_root, self.tr("Choose the register's root key file")
            ),
        )
        form.addRow(self.tr("Root key fin&gerprint:"), self.root_fingerprint)
        form.addRow(
            self.tr("&Key list file:"),
            self._file_row(
                self.manifest_file, self._choose_manifest, self.tr("Choose the key list file")
            ),
        )
        form.addRow(self.tr("Server &fingerprint:"), self.server_fingerprint)
        form.addRow(
            self.tr("CA &bundle:"),
            self._file_row(self.ca_bundle, self._choose_ca, self.tr("Choose the CA bundle")),
        )
        form.addRow(self.tr("&Proxy:"), self.proxy)
        form.addRow(self.tr("&Name of this PC:"), self.label)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and field is not None:
                label.setBuddy(_field_widget(field))

        self.message = QLabel(page)
        self.message.setWordWrap(True)
        self.message.setObjectName("enrollMessage")
        self.message.setAccessibleName(self.tr("Enrollment message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(page)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Connecting"))
        self.busy.setVisible(False)
        self.connect_button = QPushButton(self.tr("&Connect"), page)
        self.connect_button.setAccessibleName(self.tr("Connect to the register"))
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget(self)
        self.result_title = QLabel(page)
        self.result_title.setWordWrap(True)
        self.result_title.setAccessibleName(self.tr("Enrollment result"))
        font = self.result_title.font()
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_status = QLabel(page)
        self.result_status.setWordWrap(True)
        self.result_status.setAccessibleName(self.tr("Approval status"))
        read_heading = QLabel(self.tr("Read this PC's fingerprint to the register:"), page)
        self.own_fingerprint = QLabel(page)
        self.own_fingerprint.setObjectName("ownFingerprint")
        self.own_fingerprint.setAccessibleName(self.tr("This PC's fingerprint"))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if fixed.pointSizeF() > 0:
            fixed.setPointSizeF(fixed.pointSizeF() * 1.4)
        self.own_fingerprint.setFont(fixed)
        self.spelling = QLabel(page)
        self.spelling.setAccessibleName(self.tr("This PC's fingerprint, spelled"))
        compare_heading = QLabel(
            self.tr(
                "Compare these with the enrollment letter; if one differs, stop and phone "
                "the register:"
            ),
            page,
        )
        compare_heading.setWordWrap(True)
        self.peer_fingerprints = QLabel(page)
        self.peer_fingerprints.setObjectName("peerFingerprints")
        self.peer_fingerprints.setAccessibleName(self.tr("Fingerprints to compare"))
        self.peer_fingerprints.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for label in (self.own_fingerprint, self.spelling, self.peer_fingerprints):
            label.setWordWrap(True)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        copy = QPushButton(self.tr("Co&py the fingerprints"), page)
        copy.setAccessibleName(self.tr("Copy the fingerprints"))
        copy.clicked.connect(self.copy_fingerprints)
        self.close_button = QPushButton(self.tr("C&lose"), page)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        for widget in (
            self.result_title,
            self.result_status,
            read_heading,
            self.own_fingerprint,
            self.spelling,
            compare_heading,
            self.peer_fingerprints,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # -- fields ---------------------------------------------------------------------------------

    def _code_edited(self, text: str) -> None:
        shown = code_display(text)
        if shown != text:
            self.code.setText(shown)

    def _choose_file(self, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self, title, "", filters)
        return path

    def _choose_root(self) -> None:
        path = self._choose_file(
            self.tr("The register's root key file"), self.tr("Public keys (*.pub *.pem);;All (*)")
        )
        if path:
            self.root_file.setText(path)

    def _choose_manifest(self) -> None:
        path = self._choose_file(
            self.tr("The register's key list file"), self.tr("Key lists (*.json);;All (*)")
        )
        if path:
            self.manifest_file.setText(path)

    def _choose_ca(self) -> None:
        path = self._choose_file(
            self.tr("The health network's CA bundle"),
            self.tr("Certificates (*.pem *.crt);;All (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    # -- checking and running -------------------------------------------------------------------

    def request(self) -> EnrollRequest | str:
        """The checked fields, or a message naming the first problem and its fix."""
        url = self.server.text().strip()
        if not url.startswith(("https://", "http://")) or len(url) < 10:
            return self.tr(
                "Write the server address from the letter, starting with https:// "
                "(for example https://innboks.sjeldenregisteret.no)."
            )
        try:
            check_server_url(url)  # https:// for any server but this machine's
        except SyncError as exc:
            return self.error_text(exc)
        raw = normalise_code(self.code.text())
        if len(raw) != CODE_LENGTH:
            return self.tr(
                "The enrollment code has 16 letters and digits (XXXX-XXXX-XXXX-XXXX); "
                "check it against the letter."
            )
        if NOT_IN_CODES & set(raw):
            return self.tr(
                "Enrollment codes never contain the letters I, L, O or U: you probably mean "
                "the digits 1 and 0."
            )
        if not self.root_file.text().strip():
            return self.tr("Choose the register's root key file that came with the letter.")
        root_fingerprint = self.root_fingerprint.text().strip()
        if not root_fingerprint:
            return self.tr(
                "Type the root key's fingerprint exactly as the letter prints it: it is how "
                "this PC knows the key file really comes from the register."
            )
        label = self.label.text().strip()
        if not label:
            return self.tr("Give this PC a name the register recognises, e.g. clinic and room.")
        return EnrollRequest(
            server_url=url,
            code=code_display(raw),
            label=label,
            root_file=self.root_file.text().strip(),
            root_fingerprint=root_fingerprint,
            manifest_file=self.manifest_file.text().strip() or None,
            server_fingerprint=self.server_fingerprint.text().strip() or None,
            ca_bundle=self.ca_bundle.text().strip() or None,
            proxy=self.proxy.text().strip() or None,
        )

    def submit(self) -> None:
        if self._busy:
            return
        checked = self.request()
        if isinstance(checked, str):
            self.show_message(checked)
            return
        try:
            store = self._store_source()
        except Exception as exc:
            self.show_message(self.error_text(exc))
            return
        policy = self.policy

        def work() -> enroll.EnrollmentResult:
            root, document = load_trust(checked)
            return enroll.enroll(
                store,
                server_url=checked.server_url,
                code=checked.code,
                label=checked.label,
                register_keys=[],
                staff_keys=[],
                root_key=root,
                root_fingerprint=checked.root_fingerprint,
                manifest_document=document,
                server_fingerprint=checked.server_fingerprint,
                ca_bundle=checked.ca_bundle,
                proxy=checked.proxy,
                policy=policy,
            )

        self._set_busy(True)
        self.show_message(self.tr("Connecting to the register…"), error=False)
        op = BackgroundOp(self, work)
        op.success(self._enrolled).failure(self._failed).finally_(lambda: self._set_busy(False))
        op.run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.connect_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a4262c;" if error else "")

    def error_text(self, exc: BaseException) -> str:
        """Plain words: what happened and what to do (the code in brackets for support)."""
        lang = i18n.current_language()
        if isinstance(exc, SyncError):
            return f"{exc.user_message(lang, gui=True)} ({exc.code})"
        from desktop.storage.errors import StoreError

        if isinstance(exc, StoreError):
            return exc.user_message(lang, gui=True)
        return self.tr(
            "Enrollment failed unexpectedly (%1). Try again, or contact support."
        ).replace("%1", type(exc).__name__)

    def _failed(self, exc: BaseException) -> None:
        self.show_message(self.error_text(exc))

    def _enrolled(self, result: enroll.EnrollmentResult) -> None:
        self.outcome = result
        self.show_result(result)
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()
        self.enrolled.emit(result)

    # -- the result -----------------------------------------------------------------------------

    def show_result(self, result: enroll.EnrollmentResult) -> None:
        lang = i18n.current_language()
        prints = result.fingerprints
        self.result_title.setText(self.tr("This PC is connected to the register."))
        if result.status == "approved":
            self.result_status.setText(
                self.tr("The register has approved this PC; registrations can be sent.")
            )
        else:
            self.result_status.setText(message_for("installation_pending", lang, gui=True))
        self.own_fingerprint.setText(prints.installation)
        self.spelling.setText("\n".join(spelled(prints.installation, lang)))
        self.peer_fingerprints.setText(self.peer_text(prints))

    def peer_text(self, prints: identity.Fingerprints) -> str:
        lines = []
        for title, values in (
            (self.tr("Server (receipts)"), prints.server),
            (self.tr("Register (encryption)"), prints.register),
            (self.tr("Staff (decisions)"), prints.staff),
        ):
            for value in values:
                lines.append(f"{title}:\n    {value}")
        return "\n".join(lines)

    def fingerprint_text(self) -> str:
        """All fingerprints as plain text (for the clipboard or a note); no secrets."""
        if self.outcome is None:
            return ""
        prints = self.outcome.fingerprints
        own = self.tr("This PC")
        return f"{own}: {prints.installation} ({prints.installation_key_id})\n" + self.peer_text(
            prints
        )

    def copy_fingerprints(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint_text())

    # -- closing --------------------------------------------------------------------------------

    def reject(self) -> None:
        if not self._busy:  # an enrollment in flight finishes (it is resumable anyway)
            super().reject()

    def force_close(self) -> None:
        """Locking: close whatever happens; a late answer finds the dialog gone and is dropped."""
        self._busy = False
        self.done(QDialog.DialogCode.Rejected)
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
