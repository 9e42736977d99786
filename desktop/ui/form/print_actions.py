"""Printing from the form: the registration summary (paper or PDF) and the information letter.

The documents come from ``desktop.forms.letters`` (HTML, no Qt) and go out through
``desktop.ui.printing`` (print dialog, PDF file dialog). What is printed is what the form
shows now, including edits not autosaved yet. The summary is in the UI language; the letter
goes to the patient and is in bokmål. For a child both the child's own letter and the
guardians' letter are printed (``letters.suggested_letters``), one print dialog each, so
each can go to its own printer or be cancelled on its own.

Nothing here logs a field value; status messages name the document or the file only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton

from desktop.forms import letters
from desktop.forms.letters import PrintDocument
from desktop.messages import Lang
from desktop.storage.records import RecordStatus
from desktop.ui import printing

if TYPE_CHECKING:
    from desktop.ui.form.editor import RegistrationEditor

SUMMARY_SHORTCUT = "Ctrl+P"
SUMMARY_PDF_SHORTCUT = "Ctrl+Shift+P"
LETTER_SHORTCUT = "Ctrl+Shift+I"  # "informasjonsskriv" / "information letter"
LETTER_LANGUAGE: Lang = "nb"  # letters go to the patient; only bokmål texts are shipped


def letter_variants(payload: Any) -> list[str]:
    """The letters to print: the chosen one, and for a child both the child's and the
    guardians' letter (the age-based suggestion lists both when either fits)."""
    chosen = letters.choose_letter(payload)
    suggested = letters.suggested_letters(payload)
    if chosen in suggested and len(suggested) > 1:
        return suggested
    return [chosen]


class PrintActions(QObject):
    """The editor's print actions, with a "Print" menu button for its button row."""

    def __init__(self, editor: RegistrationEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.summary_action = self._action(
            self.tr("Print &summary"),
            self.print_summary,
            SUMMARY_SHORTCUT,
            self.tr("Print the registration summary for the patient record"),
        )
        self.summary_pdf_action = self._action(
            self.tr("Save summary as &PDF…"),
            self.save_summary_pdf,
            SUMMARY_PDF_SHORTCUT,
            self.tr("Save the registration summary as a PDF file"),
        )
        self.letter_action = self._action(
            self.tr("Print &information letter"),
            self.print_letters,
            LETTER_SHORTCUT,
            self.tr("Print the information letter (for a child, also the guardians' letter)"),
        )
        self.actions = [self.summary_action, self.summary_pdf_action, self.letter_action]

        self.menu = QMenu(editor)
        self.menu.setAccessibleName(self.tr("Print and PDF"))
        self.menu.addActions(self.actions)
        self.button = QPushButton(editor)
        self.button.setText(self.tr("&Print"))
        self.button.setAccessibleName(self.tr("Print and PDF"))
        self.button.setAccessibleDescription(
            self.tr("Summary (Ctrl+P), summary as PDF (Ctrl+Shift+P), letter (Ctrl+Shift+I)")
        )
        self.button.setToolTip(self.button.accessibleDescription())
        self.button.setMenu(self.menu)
        self.update_enabled()

    def _action(self, text: str, slot: Callable[[], None], keys: str, description: str) -> QAction:
        action = QAction(text, self.editor)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(description)
        action.setToolTip(description)
        action.triggered.connect(slot)
        self.editor.addAction(action)  # the shortcut works anywhere in the form
        return action

    # -- state --------------------------------------------------------------------------------

    def available(self) -> bool:
        return self.editor.record_id is not None and not self.editor.body.isHidden()

    def update_enabled(self) -> None:
        # A purged record has no contents left to print.
        enabled = self.editor.record_id is not None and not getattr(self.editor, "purged", False)
        for action in self.actions:
            action.setEnabled(enabled)
        self.button.setEnabled(enabled)

    # -- documents ----------------------------------------------------------------------------

    def _payload(self) -> dict[str, Any]:
        return self.editor.ctx.binder.snapshot()

    def summary_document(self) -> PrintDocument:
        status = self.editor.status or RecordStatus.DRAFT  # not stored yet: a draft
        return letters.render_summary(
            self._payload(), lang=self.editor.lang, form=self.editor.form, status=status.value
        )

    def letter_documents(self) -> list[PrintDocument]:
        payload = self._payload()
        return [
            letters.render_letter(payload, variant, lang=LETTER_LANGUAGE, form=self.editor.form)
            for variant in letter_variants(payload)
        ]

    # -- actions ------------------------------------------------------------------------------

    def print_summary(self) -> None:
        if self.available():
            self._print([self.summary_document()])

    def print_letters(self) -> None:
        if self.available():
            self._print(self.letter_documents())

    def save_summary_pdf(self) -> None:
        if not self.available():
            return
        try:
            path = printing.save_pdf_dialog(self.summary_document(), self.editor)
        except printing.PrintError as exc:
            self._report(str(exc), "error")
            return
        if path is not None:
            self._report(self.tr("Summary saved as %1").replace("%1", Path(path).name))

    def _print(self, docs: list[PrintDocument]) -> None:
        printed = []
        for doc in docs:
            try:
                if not printing.print_document(doc, self.editor):
                    break  # cancelled: the rest are not printed either
            except printing.PrintError as exc:
                self._report(self.tr("Could not print: %1").replace("%1", str(exc)), "error")
                return
            printed.append(doc.title)
        if printed:
            self._report(self.tr("Sent to the printer: %1").replace("%1", "; ".join(printed)))

    def _report(self, text: str, severity: str | None = None) -> None:
        status = self.editor.status
        if status is not None and status is not RecordStatus.DRAFT:
            text = f"{self.editor._status_text(status)} {text}"  # keep "read only" in view
        self.editor._set_state(text, severity)
