"""The registration form editor: built from the form definition, bound to a record payload,
validated live, autosaved, completed, revised and deleted through the store.

It implements ``desktop.ui.form_host.FormEditor``. Every database call goes through
``desktop.ui.ops.Op`` to the store's database thread; the GUI thread only edits the payload
dict and validates it, debounced (``VALIDATE_DELAY_MS``). Before the first attempt to complete,
validation runs in the validator's ``live`` mode: the cross-field plausibility rules too, their
errors shown as warnings; a full record takes about 0.02 ms there (measured in
tests/ui/test_form_live.py), far too little to be worth a thread.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.forms.definition import FormDefinition, load_form
from desktop.forms.record import new_record
from desktop.forms.validate import Issue, ValidationResult, validate
from desktop.messages import Lang
from desktop.storage import record_ops, records
from desktop.storage.connection import Connection
from desktop.storage.errors import StoreError
from desktop.storage.records import Record, RecordStatus
from desktop.storage.store import Store
from desktop.ui import i18n
from desktop.ui.form import mnemonics
from desktop.ui.form.autosave import AUTOSAVE_DELAY_MS, Autosaver
from desktop.ui.form.binding import path_text
from desktop.ui.form.context import EditorContext
from desktop.ui.form.factory import make_widget
from desktop.ui.form.fields import FieldWidget
from desktop.ui.form.letters import LetterAdvisor
from desktop.ui.form.postal import PostalPlaceFiller
from desktop.ui.form.print_actions import PrintActions
from desktop.ui.form.repeat import RepeatView
from desktop.ui.form.sections import ModuleView, SectionView
from desktop.ui.form.style import colour_label
from desktop.ui.form.validation_panel import ValidationPanel
from desktop.ui.ops import Op
from desktop.ui.record_model import SyncNote, note_text

VALIDATE_DELAY_MS = 250


@dataclass(frozen=True)
class EditorState:
    """What a rebuilt editor needs to show the same record (``FormHost`` on a language
    switch): the values as typed, saved or not, and where the record stands."""

    payload: dict[str, Any]
    status: RecordStatus | None
    record_id: str | None
    purged: bool
    mode: str
    unsaved: bool  # typed since the last save: the successor saves it again, and says so


_LETTER_INPUTS = ("patient.national_id", "reporter.registration_date")


class RegistrationEditor(QWidget):
    loaded = Signal(str)  # record id, after a record or a new draft is shown
    saved = Signal(str)  # a draft was written to the store
    completed = Signal(str)
    deleted = Signal(str)  # the draft is gone (no earlier revision to show)

    def __init__(
        self,
        store_source: Callable[[], Store],
        *,
        form: FormDefinition | None = None,
        lang: Lang | None = None,
        autosave_ms: int = AUTOSAVE_DELAY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Registration form"))
        self.store_source = store_source
        self.form = form or load_form()
        self.lang: Lang = lang or i18n.current_language()
        self.ctx = EditorContext(
            self.form,
            self.lang,
            on_edit=self._edited,
            on_layout=self._update_tab_order,
            make_widget=make_widget,
        )
        self.record_id: str | None = None
        self.status: RecordStatus | None = None  # None: not stored yet
        self.mode = "draft"  # "complete" after the first attempt to complete
        self.duplicates: set[tuple[str, str]] = set()
        self.result = ValidationResult()
        self.delete_box: QMessageBox | None = None
        self.purged = False  # retention deleted the personal data: nothing to show or edit
        self._module_stash: dict[str, Any] = {}
        self._busy = False
        self._mnemonics_for: set[str] | None = None

        self.autosaver = Autosaver(self._autosave, delay_ms=autosave_ms, parent=self)
        self.validation_timer = QTimer(self)
        self.validation_timer.setSingleShot(True)
        self.validation_timer.setInterval(VALIDATE_DELAY_MS)
        self.validation_timer.timeout.connect(self.validate_now)

        self._build()
        self.letters = LetterAdvisor(self.ctx)
        self.letters.attach()
        self.postal = PostalPlaceFiller(self.ctx)
        self._shortcuts()
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a widget exists, so the application does
        app.focusChanged.connect(self._focus_changed)
        self.body.hide()

    # -- building ---------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.heading = QLabel(self.ctx.text(self.form.title), self)
        self.heading.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setAccessibleName(self.tr("Registration status"))
        self.purged_notice = QLabel(self)
        self.purged_notice.setObjectName("purgedNotice")
        self.purged_notice.setWordWrap(True)
        self.purged_notice.setAccessibleName(self.tr("Personal data deleted"))
        self.purged_notice.setStyleSheet(
            "QLabel#purgedNotice { background: #e6f2e6; padding: 12px; }"
        )
        self.purged_notice.hide()
        self.save_button = self._button(
            self.tr("&Save draft"), self.save_now, self.tr("Save draft (Ctrl+S)")
        )
        self.complete_button = self._button(
            self.tr("&Complete"), self.complete, self.tr("Complete the registration (Ctrl+Enter)")
        )
        self.revision_button = self._button(
            self.tr("New &revision"), self.new_revision, self.tr("New revision")
        )
        self.delete_button = self._button(
            self.tr("&Delete draft"), self.delete_draft, self.tr("Delete draft")
        )
        self.buttons = [
            self.save_button,
            self.complete_button,
            self.revision_button,
            self.delete_button,
        ]
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.state_label)
        top.addLayout(titles, 1)
        for button in self.buttons:
            top.addWidget(button)
        self.print_actions = PrintActions(self)
        top.addWidget(self.print_actions.button)

        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Sections of the form"))
        self.nav.setMaximumWidth(190)
        self.nav.itemActivated.connect(self._nav_go)
        self.nav.itemClicked.connect(self._nav_go)

        self.content = QWidget()
        column = QVBoxLayout(self.content)
        self.sections = [SectionView(s, self.ctx, self.content) for s in self.form.sections]
        self.modules = [ModuleView(m, self.ctx, self.content) for m in self.form.modules]
        for number, view in enumerate([*self.sections, *self.modules], start=1):
            column.addWidget(view)
            item = QListWidgetItem(view.title().replace("&&", "&"), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, view.key)
            if number <= 9:
                item.setToolTip(f"Ctrl+{number}")
        for view in self.modules:
            view.hide()
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.content)
        self.scroll_area.setAccessibleName(self.tr("Form fields"))
        # Not a Tab stop: a screen reader hears an empty "filler"; the focused field scrolls it.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.panel = ValidationPanel(self)
        self.panel.setMaximumWidth(320)
        self.panel.focus_requested.connect(self.focus_field)
        self.panel.confirmations_changed.connect(self.validate_now)

        # The focused field's help, in words on screen: a tooltip needs the mouse. F1 shows
        # the same text beside the field.
        self.help_line = QLabel(self)
        self.help_line.setObjectName("fieldHelp")
        self.help_line.setWordWrap(True)
        self.help_line.setAccessibleName(self.tr("Help for the field"))
        colour_label(self.help_line, "hint")

        self.body = QWidget(self)
        middle = QHBoxLayout(self.body)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.nav)
        middle.addWidget(self.scroll_area, 1)
        middle.addWidget(self.panel)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.purged_notice)
        outer.addWidget(self.body, 1)
        outer.addWidget(self.help_line)

    def _shortcuts(self) -> None:
        def bind(keys: str, slot: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+S", self.save_now)
        bind("Ctrl+Return", self.complete)
        bind("Ctrl+Enter", self.complete)
        bind("Alt+N", self.add_diagnosis)
        bind("F8", self.focus_problems)
        bind("F1", self.show_field_help)

        def go_to(row: int) -> Callable[[], None]:
            return lambda: self._nav_go(self.nav.item(row))

        for row in range(min(self.nav.count(), 9)):
            bind(f"Ctrl+{row + 1}", go_to(row))

    # -- FormEditor protocol ----------------------------------------------------------------

    def start_new(self) -> None:
        self.autosaver.flush()
        Op(self, record_ops.reporter_defaults, store=self._store()).success(
            self._start_with
        ).run_in_background()

    def open_record(self, record_id: str) -> None:
        self.autosaver.flush()
        Op(self, lambda conn: record_ops.open_record(conn, record_id), store=self._store()).success(
            lambda opened: self._opened(*opened)
        ).run_in_background()

    def about_to_lock(self) -> None:
        self.autosaver.flush()

    def clear(self) -> None:
        self.autosaver.cancel()
        self.validation_timer.stop()
        self.show_payload({}, None)
        self.record_id = None
        self.print_actions.update_enabled()
        self.body.hide()
        self.state_label.clear()

    # -- showing a record -------------------------------------------------------------------

    def _store(self) -> Store | None:
        try:
            return self.store_source()
        except Exception:  # locked: the Op reports "not unlocked" through its failure path
            return None

    def _start_with(self, defaults: dict[str, Any]) -> None:
        self.show_payload(new_record(defaults, form=self.form), None)
        self._set_state(self.tr("New draft, not saved yet"))

    def _opened(self, record: Record | None, purged_after_days: int | None = None) -> None:
        if record is None:
            self._set_state(self.tr("The registration no longer exists."), "error")
            return
        if record_ops.is_purged(record.payload):
            self.show_purged(record, purged_after_days)
            return
        self.show_payload(record.payload, record.status)

    def show_purged(self, record: Record, days: int | None) -> None:
        """A notice instead of an empty (and invalid) form; nothing can be edited or completed.

        The widgets are emptied first, so nothing of a record shown before stays on screen.
        """
        self.show_payload({}, None)
        self.body.hide()
        self.record_id = record.record_id
        self.status = record.status
        self.purged = True
        self.ctx.read_only = True
        if days is None:
            text = self.tr(
                "The registration has been accepted by the register, and its personal data "
                "have been deleted from this PC."
            )
        else:
            text = self.tr(
                "The registration has been accepted by the register, and its personal data "
                "were deleted from this PC after %n day(s).",
                "",
                days,
            )
        self.purged_notice.setText(
            text + " " + self.tr("The register keeps the registration; there is nothing to edit.")
        )
        self.purged_notice.show()
        self._update_buttons()
        self._set_state(self._status_text(record.status))
        self.loaded.emit(record.record_id)

    def show_payload(self, payload: dict[str, Any], status: RecordStatus | None) -> None:
        """Build nothing new: bind ``payload`` into the existing widgets (repeats rebuilt)."""
        self.autosaver.cancel()
        self.validation_timer.stop()
        self.record_id = payload.get("record_id") if isinstance(payload, dict) else None
        self.status = status
        self.purged = False
        self.purged_notice.hide()
        self.ctx.read_only = status is not None and status is not RecordStatus.DRAFT
        self.mode = "draft"
        self.duplicates = set()
        self.panel.reset()
        self.postal.reset()
        self._module_stash = {}
        self.ctx.binder.reset(payload)
        for view in self.sections:
            view.load()
            view.set_read_only(self.ctx.read_only)
        for module_view in self.modules:
            module_view.load()
            module_view.set_read_only(self.ctx.read_only)
        self._refresh_modules()
        self.letters.refresh(preselect=False)
        self._update_buttons()
        self._update_tab_order()
        self.validate_now()
        self.body.show()
        if status is not None:
            self._set_state(self._status_text(status))
            revision = payload.get("revision") if isinstance(payload, dict) else None
            if (
                status in (RecordStatus.REJECTED, RecordStatus.SET_ASIDE)
                and self.record_id
                and isinstance(revision, int)
            ):
                self._show_decision(self.record_id, revision, status)
        if self.record_id:
            self.loaded.emit(self.record_id)
        if not self.ctx.read_only:
            first = self.sections[0].body
            target = first.first_field() if hasattr(first, "first_field") else None
            if target is not None:
                target.focus_input()

    def _status_text(self, status: RecordStatus) -> str:
        texts = {
            RecordStatus.DRAFT: self.tr("Draft"),
            RecordStatus.COMPLETED: self.tr(
                "Completed: read only. Make a new revision to change it."
            ),
            RecordStatus.QUEUED: self.tr("Queued for sending: read only."),
            RecordStatus.SENT: self.tr("Sent: read only."),
            RecordStatus.ACCEPTED: self.tr("Accepted by the register: read only."),
            RecordStatus.REJECTED: self.tr("Rejected by the register: make a new revision."),
            RecordStatus.SET_ASIDE: self.tr(
                "Needs correction before sending: make a new revision."
            ),
        }
        return texts[status]

    def _show_decision(self, record_id: str, revision: int, status: RecordStatus) -> None:
        """A rejected or set-aside record says why, in the record itself (the list's note)."""

        def read(conn: Connection) -> SyncNote | None:
            from desktop.sync import outbox

            info = outbox.item(conn, record_id, revision)
            if info is None:
                return None
            kind = "quarantined" if status is RecordStatus.SET_ASIDE else "rejected"
            return SyncNote(kind, info.reason_code, info.reason_text)

        def shown(note: SyncNote | None) -> None:
            if note is not None and self.record_id == record_id and self.status is status:
                self.state_label.setWordWrap(True)
                self._set_state(note_text(note), "error")

        Op(self, read, store=self._store()).success(shown).run_in_background()

    def _update_buttons(self) -> None:
        editable = not self.ctx.read_only and self.record_id is not None and not self.purged
        for button in (self.save_button, self.complete_button, self.delete_button):
            button.setVisible(editable)
            button.setEnabled(editable and not self._busy)
        revisable = self.ctx.read_only and not self.purged
        self.revision_button.setVisible(revisable)
        self.revision_button.setEnabled(revisable and not self._busy)
        self.print_actions.update_enabled()

    def _set_state(self, text: str, severity: str | None = None) -> None:
        self.state_label.setText(text)
        colour_label(self.state_label, severity)

    # -- editing ----------------------------------------------------------------------------

    def _edited(self, path: tuple[str | int, ...]) -> None:
        container = self.ctx.containers.get(path_text(path[:-1]))
        if container is not None and container.refresh():
            self._update_tab_order()
        if self._refresh_modules():
            self._update_tab_order()
        self.postal.edited(path)
        key = path_text(path)
        if key in _LETTER_INPUTS or key == (self.letters.field.path if self.letters.field else ""):
            self.letters.refresh(preselect=key in _LETTER_INPUTS)
        self.autosaver.schedule()
        self.validation_timer.start()

    def _refresh_modules(self) -> bool:
        payload = self.ctx.binder.payload
        active = {m.id for m in self.form.active_modules(payload)}
        stored = payload.get("modules")
        changed = False
        for view in self.modules:
            module_id = view.module.id
            visible = module_id in active
            if visible == view.isHidden():
                changed = True
                if visible:
                    if module_id in self._module_stash:
                        payload.setdefault("modules", {})[module_id] = self._module_stash.pop(
                            module_id
                        )
                        view.load()
                    view.setVisible(True)
                else:
                    if isinstance(stored, dict) and module_id in stored:
                        self._module_stash[module_id] = stored.pop(module_id)
                    view.setVisible(False)
            self._nav_item(view.key).setHidden(not visible)
        return changed

    def add_diagnosis(self) -> None:
        for view in self.sections:
            if isinstance(view.body, RepeatView):
                view.body.add()
                return

    # -- validation -------------------------------------------------------------------------

    def validate_now(self) -> ValidationResult:
        self.validation_timer.stop()
        payload = self.ctx.binder.payload
        if self.mode == "complete":
            duplicates = self.duplicates
            result = validate(
                payload,
                lang=self.lang,
                form=self.form,
                duplicate_lookup=lambda nid, code: (nid, code) in duplicates,
                confirmed_warnings=self.panel.confirmed,
                typed_dates=True,
            )
        else:
            result = validate(
                payload,
                lang=self.lang,
                form=self.form,
                mode="live",
                confirmed_warnings=self.panel.confirmed,
                typed_dates=True,
            )
        self.result = result
        by_widget: dict[str, list[Issue]] = defaultdict(list)
        for issue in result.issues:
            widget = self.widget_for(issue.field)
            if widget is not None:
                by_widget[widget.key].append(issue)
        for key, widget in self.ctx.widgets.items():
            widget.set_issues(by_widget.get(key, []))
        self.panel.show_issues(result.issues, complete=self.mode == "complete")
        return result

    def widget_for(self, path: str) -> FieldWidget | None:
        while path:
            widget = self.ctx.widgets.get(path)
            if widget is not None:
                return widget
            if path.endswith("]"):
                path = path[: path.rfind("[")]
            else:
                path = path[: path.rfind(".")] if "." in path else ""
        return None

    def focus_field(self, path: str) -> None:
        widget = self.widget_for(path)
        if widget is None:
            return
        widget.focus_input()
        self.scroll_area.ensureWidgetVisible(widget, 40, 40)

    def focus_problems(self) -> None:
        self.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.panel.list.currentRow() < 0 and self.panel.list.count():
            self.panel.list.setCurrentRow(0)

    # -- saving -----------------------------------------------------------------------------

    def _editable_store(self) -> Store | None:
        if self.ctx.read_only or self.record_id is None or self._busy or self.purged:
            return None
        return self._store()

    def save_now(self) -> None:
        self.autosaver.dirty = True
        self.autosaver.flush()

    def _autosave(self) -> None:
        store = self._editable_store()
        if store is None:
            return
        payload, form, actor = self.ctx.binder.snapshot(), self.form, store.actor
        Op(
            self,
            lambda conn: record_ops.save_draft(conn, payload, form, actor),
            store=store,
            operation="save draft",
        ).success(self._saved).failure(self._save_failed).run_in_background()

    def _saved(self, record: Record) -> None:
        if record.record_id != self.record_id:
            return
        self.status = record.status
        time = dt.datetime.now().strftime("%H:%M:%S")
        self._set_state(self.tr("Draft saved at %1").replace("%1", time))
        self.saved.emit(record.record_id)

    def _save_failed(self, exc: BaseException) -> None:
        message = exc.user_message(self.lang, gui=True) if isinstance(exc, StoreError) else None
        self._set_state(
            self.tr("The draft could not be saved: %1").replace(
                "%1", message or type(exc).__name__
            ),
            "error",
        )

    # -- completing -------------------------------------------------------------------------

    def complete(self) -> None:
        store = self._editable_store()
        if store is None:
            return
        self.autosaver.timer.stop()
        pairs = record_ops.duplicate_pairs(self.ctx.binder.payload)
        record_id = self.record_id
        self._set_busy(True)
        Op(
            self,
            lambda conn: record_ops.likely_duplicates(conn, pairs, record_id),
            store=store,
            operation="duplicate lookup",
        ).success(self._complete_checked).failure(self._failed).run_in_background()

    def _complete_checked(self, duplicates: set[tuple[str, str]]) -> None:
        self._set_busy(False)
        self.duplicates = duplicates
        self.mode = "complete"
        result = self.validate_now()
        if result.errors:
            self._set_state(
                self.tr("Cannot complete: correct %n error(s) first.", "", len(result.errors)),
                "error",
            )
            self.focus_field(result.errors[0].field)
            return
        if result.needs_confirmation:
            count = len(result.needs_confirmation)
            self._set_state(
                self.tr("Confirm %n warning(s) in the list (Space), then complete.", "", count),
                "warning",
            )
            self.focus_problems()
            for row in range(self.panel.list.count()):
                item = self.panel.list.item(row)
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and (
                    item.checkState() != Qt.CheckState.Checked
                ):
                    self.panel.list.setCurrentRow(row)
                    break
            return
        store = self._editable_store()
        if store is None:
            return
        self.autosaver.cancel()
        payload, form, actor = self.ctx.binder.snapshot(), self.form, store.actor
        self._set_busy(True)
        Op(
            self,
            lambda conn: record_ops.complete(conn, payload, form, actor),
            store=store,
            operation="complete",
        ).success(self._completed).failure(self._failed).run_in_background()

    def _completed(self, record: Record) -> None:
        self._set_busy(False)
        self.show_payload(record.payload, record.status)
        self.revision_button.setFocus()
        self.completed.emit(record.record_id)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._save_failed(exc)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # -- revisions and deletion -------------------------------------------------------------

    def new_revision(self) -> None:
        store = self._store()
        if store is None or not self.ctx.read_only or self.record_id is None or self.purged:
            return
        record_id, actor = self.record_id, store.actor
        Op(
            self,
            lambda conn: records.new_revision(conn, record_id=record_id, author=actor),
            store=store,
            operation="new revision",
        ).success(self._revised).run_in_background()

    def _revised(self, record: Record) -> None:
        self.show_payload(record.payload, record.status)
        self._set_state(self.tr("New revision %1: a draft").replace("%1", str(record.revision)))

    def delete_draft(self) -> None:
        if self._editable_store() is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete draft"))
        box.setText(
            self.tr("Delete this draft for good? It is overwritten on disk and cannot be restored.")
        )
        box.setAccessibleName(self.tr("Delete draft"))
        yes = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(self.tr("&Keep"), QMessageBox.ButtonRole.RejectRole)
        yes.setAccessibleName(self.tr("Delete the draft"))
        no.setAccessibleName(self.tr("Keep the draft"))
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.finished.connect(lambda _r: self._delete_answered(box.clickedButton() is yes))
        self.delete_box = box
        box.open()

    def _delete_answered(self, confirmed: bool) -> None:
        self.delete_box = None
        store = self._editable_store()
        if not confirmed or store is None or self.record_id is None:
            return
        self.autosaver.cancel()
        record_id, actor = self.record_id, store.actor
        Op(
            self,
            lambda conn: record_ops.delete_draft(conn, record_id, actor),
            store=store,
            operation="delete draft",
        ).success(lambda restored: self._deleted(record_id, restored)).run_in_background()

    def _deleted(self, record_id: str, restored: Record | None) -> None:
        if restored is not None:
            self.show_payload(restored.payload, restored.status)
            self._set_state(self.tr("Draft deleted; the previous revision is shown."))
            return
        self.clear()
        self._set_state(self.tr("Draft deleted."))
        self.deleted.emit(record_id)

    # -- navigation and focus ---------------------------------------------------------------

    def _views(self) -> list[SectionView | ModuleView]:
        return [*self.sections, *self.modules]

    def _nav_item(self, key: str) -> QListWidgetItem:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        raise KeyError(key)

    def _nav_go(self, item: QListWidgetItem | None) -> None:
        if item is None or item.isHidden():
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        view = next((v for v in self._views() if v.key == key), None)
        if view is None:
            return
        self.scroll_area.ensureWidgetVisible(view, 0, 0)
        targets = view.focus_widgets()
        target = next((w for w in targets if w.isVisibleTo(self)), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_tab_order(self) -> None:
        chain: list[QWidget] = []
        for view in self._views():
            chain += view.focus_widgets()
        chain += [self.panel.list, *self.buttons, self.print_actions.button, self.nav]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self) or new is None or not shiboken6.isValid(new):
            return
        if self.content.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 40, 60)
            self.help_line.setText(self._help_text(self.field_of(new)))

    def field_of(self, widget: QWidget | None) -> FieldWidget | None:
        """The innermost field widget holding ``widget`` (an input, a radio button, ...)."""
        while widget is not None and widget is not self.content:
            if isinstance(widget, FieldWidget):
                return widget
            widget = widget.parentWidget()
        return None

    def _help_text(self, field: FieldWidget | None) -> str:
        if field is None:
            return ""
        if not field.help:
            return field.caption
        return self.tr("%1: %2").replace("%1", field.caption).replace("%2", field.help)

    def show_field_help(self) -> None:
        """F1: the focused field's help beside it (the same text as the help line)."""
        focused = QApplication.focusWidget()
        field = self.field_of(focused)
        if field is None or focused is None:
            return
        text = self._help_text(field)
        anchor = focused.mapToGlobal(focused.rect().bottomLeft())
        QToolTip.showText(anchor if focused.isVisible() else QCursor.pos(), text, focused)

    def assign_mnemonics(self) -> None:
        """Give the field labels their Alt+letters, free of the window's own (menus,
        buttons): done when the editor is first shown in its window, where those are known."""
        taken = mnemonics.window_letters(self, self.content)
        if self._mnemonics_for == taken:
            return
        self._mnemonics_for = taken
        self.ctx.mnemonics.clear()
        self.ctx.mnemonics.update(mnemonics.plan(self.form, self.lang, taken))
        for widget in self.ctx.widgets.values():
            widget.refresh_label()

    def showEvent(self, event: QShowEvent) -> None:
        self.assign_mnemonics()
        super().showEvent(event)

    # -- rebuilt in another language ----------------------------------------------------------

    def can_hand_over(self) -> bool:
        """Not while completing, revising or deleting: their answer comes to this editor."""
        return not self._busy

    def carry_over(self) -> EditorState | None:
        """Save the draft now and hand over what is shown; ``None`` if nothing is.

        The save's answer goes to this editor, which is going away, so the successor saves
        unsaved typing once more itself: a failure is then reported where the user looks.
        """
        unsaved = self.autosaver.dirty
        self.autosaver.flush()
        if self.body.isHidden() and not self.purged:
            return None
        return EditorState(
            payload=self.ctx.binder.snapshot(),
            status=self.status,
            record_id=self.record_id,
            purged=self.purged,
            mode=self.mode,
            unsaved=unsaved,
        )

    def resume(self, state: EditorState) -> None:
        """Show what another editor handed over (``carry_over``), nothing read again."""
        if state.purged and state.record_id:
            self.open_record(state.record_id)
            return
        self.show_payload(state.payload, state.status)
        if state.mode == "complete":
            self.mode = state.mode
            self.validate_now()
        if state.unsaved:
            self.save_now()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the form (back to the list, another page) saves what was typed.
        self.autosaver.flush()
        super().hideEvent(event)
