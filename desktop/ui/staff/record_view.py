"""The record under review as the reviewer reads it: what arrived, from whom, what the checks
and the clinician said, and, for a revision or a possible duplicate, side by side with the
record it is compared to.

The record itself is the registration summary of the printout (``letters.render_summary``:
every section with the form's own labels, choices and codes by their names), so the pane and
the PDF never disagree about what a record holds. Above it: the clinic by the label it was
pinned with (not its key id), the checks, the validator's errors, and the warnings the
clinician confirmed at "Ferdigstill". Those are not in the payload (docs/record-format.md):
a record can only be completed once every warning is confirmed, so the same validator run on
the same record shows exactly the warnings that were confirmed (except the clinic's local
duplicate lookup, which the register's own duplicate check replaces).

``load_details`` runs off the GUI thread (it reads the register and renders); ``RecordView``
shows the result and ``clear`` forgets it (locking relies on it). ``RecordDialog`` is the
same view in a window of its own, opened by a double-click on a queue row.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.definition import Lang, load_form
from desktop.forms.letters import render_summary
from desktop.forms.payload import orpha_codes, patient_name
from desktop.forms.validate import validate
from desktop.staff.model import Finding, ReviewItem
from desktop.staff.register import Register
from desktop.ui.record_model import local_time
from desktop.ui.staff.diff_view import DiffView
from desktop.ui.staff.queue_model import findings_text


@dataclass(frozen=True)
class Counterpart:
    """The record an item is compared with: the register's, or another waiting one."""

    where: Literal["register", "queue"]
    record_id: str
    revision: int
    payload: dict[str, Any]


@dataclass(frozen=True)
class ItemDetails:
    item: ReviewItem
    clinic: str | None  # the label the installation was pinned with; None: not pinned
    record_html: str  # the registration summary (escaped by the renderer)
    errors: list[str]  # the validator's messages, UI language
    warnings: list[str]  # the warnings the clinician confirmed
    counterpart: Counterpart | None


def _counterpart(register: Register, item: ReviewItem) -> Counterpart | None:
    if Finding.REVISION in item.findings or Finding.STALE in item.findings:
        current = register.current(item.record_id)
        if current is not None:
            return Counterpart("register", current.record_id, current.revision, current.payload)
    if item.duplicate_of:
        other = register.current(item.duplicate_of)
        if other is not None:
            return Counterpart("register", other.record_id, other.revision, other.payload)
        for waiting in register.pending_for(item.duplicate_of, with_payload=True):
            if waiting.payload is not None:
                return Counterpart("queue", waiting.record_id, waiting.revision, waiting.payload)
    return None


def load_details(
    register: Register, item: ReviewItem, clinics: Mapping[str, str], lang: Lang
) -> ItemDetails:
    """Everything the pane shows for ``item`` (worker thread: reads and renders)."""
    payload = item.payload or {}
    form = load_form()
    checked = validate(payload, lang=lang)
    return ItemDetails(
        item=item,
        clinic=clinics.get(item.origin.installation_key_id),
        record_html=render_summary(payload, lang=lang, form=form).html,
        errors=[issue.message for issue in checked.errors],
        warnings=[issue.message for issue in checked.warnings],
        counterpart=_counterpart(register, item),
    )


def _name_and_diagnoses(payload: Mapping[str, Any]) -> str:
    codes = ", ".join(orpha_codes(payload))
    name = patient_name(payload).listed
    return f"{name} ({codes})" if codes else name


class RecordView(QWidget):
    """The record (left or above) and its comparison (right or beside it)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
    ) -> None:
        super().__init__(parent)
        self.details: ItemDetails | None = None
        self.record = QTextBrowser(self)
        self.record.setOpenLinks(False)
        self.diff = DiffView(self)
        self.only_changes = QCheckBox("", self)
        self.only_changes.toggled.connect(self._show_comparison)
        self.diff_box = QGroupBox("", self)
        diff_layout = QVBoxLayout(self.diff_box)
        diff_layout.addWidget(self.only_changes)
        diff_layout.addWidget(self.diff)
        self.diff_box.hide()
        splitter = QSplitter(orientation, self)
        splitter.addWidget(self.record)
        splitter.addWidget(self.diff_box)
        # Below each other in the pane, the record gets the larger share; side by side in a
        # window of its own, both halves are as wide.
        vertical = orientation == Qt.Orientation.Vertical
        splitter.setStretchFactor(0, 3 if vertical else 1)
        splitter.setStretchFactor(1, 2 if vertical else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._retranslate()

    def _retranslate(self) -> None:
        """The view's own words in the current language (at start and on a switch). The
        record's text is rendered in a language when it is loaded: the review panel loads
        the selected one again after a switch, and ``show_details`` redoes the comparison."""
        self.record.setAccessibleName(self.tr("Selected registration"))
        self.only_changes.setText(self.tr("Only changed fields"))
        self.only_changes.setAccessibleName(self.tr("Show only the changed fields"))
        self.diff_box.setTitle(self.tr("Compared with the register"))
        self._show_comparison()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_item(self, item: ReviewItem | None) -> None:
        """What is known at once (while the details load): the name and the checks."""
        self.details = None
        self.diff.clear_changes()
        self.diff_box.hide()
        if item is None:
            self.record.clear()
            return
        self.record.setHtml(
            f"<h2>{html.escape(patient_name(item.payload).listed)}</h2>"
            + html.escape(self.tr("Checks: %1").replace("%1", findings_text(item)))
        )

    def show_details(self, details: ItemDetails) -> None:
        self.details = details
        header = self._header(details)
        document = details.record_html
        body = document.find("<body>")
        if body < 0:
            self.record.setHtml(header + document)
        else:
            at = body + len("<body>")
            self.record.setHtml(document[:at] + header + document[at:])
        self._show_comparison()

    def _header(self, details: ItemDetails) -> str:
        item = details.item
        esc = html.escape
        rows = [
            self.tr("Checks: %1").replace("%1", findings_text(item)),
            self.tr("From the clinic: %1").replace(
                "%1",
                details.clinic
                if details.clinic is not None
                else self.tr("an installation not pinned here (%1)").replace(
                    "%1", item.origin.installation_key_id
                ),
            ),
            self.tr("Received %1, revision %2, batch %3")
            .replace("%1", local_time(item.origin.received_at))
            .replace("%2", str(item.revision))
            .replace("%3", item.origin.batch_id[:8]),
        ]
        parts = [f"<p>{'<br>'.join(esc(row) for row in rows)}</p>"]
        other = details.counterpart
        if item.duplicate_of:
            if other is not None and other.record_id == item.duplicate_of:
                where = (
                    self.tr("in the register")
                    if other.where == "register"
                    else self.tr("waiting in the queue")
                )
                text = (
                    self.tr(
                        "Possible duplicate: %1, registration %2 %3, has the same person and "
                        "diagnosis."
                    )
                    .replace("%1", _name_and_diagnoses(other.payload))
                    .replace("%2", other.record_id[:8])
                    .replace("%3", where)
                )
            else:
                text = self.tr("Possible duplicate of registration %1.").replace(
                    "%1", item.duplicate_of[:8]
                )
            parts.append(f"<p><b>{esc(text)}</b></p>")
        parts.append(self._issue_list(self.tr("Validation errors:"), details.errors))
        if details.warnings:
            parts.append(
                self._issue_list(
                    self.tr("Warnings the clinician confirmed at completion:"), details.warnings
                )
            )
        else:
            none = self.tr("The clinician confirmed no warnings.")
            parts.append(f"<p>{esc(none)}</p>")
        return "".join(parts) + "<hr>"

    @staticmethod
    def _issue_list(title: str, messages: list[str]) -> str:
        if not messages:
            return ""
        items = "".join(f"<li>{html.escape(message)}</li>" for message in messages)
        return f"<p><b>{html.escape(title)}</b></p><ul>{items}</ul>"

    def _show_comparison(self) -> None:
        details = self.details
        other = details.counterpart if details is not None else None
        if details is None or other is None:
            self.diff.clear_changes()
            self.diff_box.hide()
            return
        if other.record_id == details.item.record_id:
            old_title = self.tr("Register, rev. %1").replace("%1", str(other.revision))
            self.diff_box.setTitle(self.tr("Changes from the register's revision"))
        else:
            old_title = self.tr("The other one (%1)").replace("%1", other.record_id[:8])
            self.diff_box.setTitle(self.tr("Compared with the possible duplicate"))
        self.diff.show_comparison(
            other.payload,
            details.item.payload or {},
            load_form(),
            old_title=old_title,
            new_title=self.tr("Incoming, rev. %1").replace("%1", str(details.item.revision)),
            only_changes=self.only_changes.isChecked(),
        )
        self.diff_box.show()

    def clear(self) -> None:
        """Forget every value shown (locking relies on it)."""
        self.show_item(None)


class RecordDialog(QDialog):
    """One record in a window of its own: the record beside its comparison."""

    def __init__(self, parent: QWidget, details: ItemDetails) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # nothing stays behind
        self.resize(1100, 700)
        self.view = RecordView(self, Qt.Orientation.Horizontal)
        self.view.show_item(details.item)
        self.view.show_details(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Registration under review"))
        self.setAccessibleName(self.tr("Registration under review"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
