"""The record list as a Qt model, loaded page by page from the store.

Rows are fetched with ``fetchMore`` as the view scrolls, so a profile with 100,000
registrations opens as fast as one with ten. Pages are keyset pages: the next page is the
rows after the last one loaded (``records.list_rows(after=...)``), an index seek as fast at
row 90,000 as at row 0, where ``OFFSET`` would walk every skipped row. A sort or filter
change starts again from the first page. The rows are kept as the store returns them
(``RecordRow``), one object per row and nothing more.

Every query runs on the database thread via ``Op``; results that belong to an older query
(sorting changed, search typed, the app locked) are recognised by a generation number and
dropped. ``clear`` removes every row from memory, which is what locking relies on.

The last column is the register's word on a row: for a rejected revision the reason (code
and text, from the sync outbox) and how to correct it (a new revision); for a revision set
aside before sending, what was wrong; for an accepted one whose personal data retention has
purged, that they are gone. It is read with the page, for the rejected rows of that page
only, on the database thread.

The diagnosis column shows each code with its name ("ORPHA:558 Marfans syndrom",
``desktop.ui.diagnosis_labels``), looked up with the page on the database thread, so the
GUI thread never reads the code list. The status column shows the state's icon beside its
word (``desktop.ui.icons.state_icon``): the word is the display and accessible text, the
icon only helps the eye, and no state is told by colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.messages import Lang
from desktop.reasons import reason_label
from desktop.states import state_word
from desktop.storage import records
from desktop.storage.records import RecordRow, RecordStatus, SortKey
from desktop.ui.diagnosis_labels import diagnoses_text
from desktop.ui.error_dialogs import show_error
from desktop.ui.i18n import current_language
from desktop.ui.icons import state_icon
from desktop.ui.ops import Op

PAGE_SIZE = 200
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
NOTE_COLUMN = 4

ModelIndex = QModelIndex | QPersistentModelIndex


def status_label(status: RecordStatus) -> str:
    return state_word(status, current_language())


def display_date(iso: str | None) -> str:
    """Norwegian date order (dd.mm.yyyy) whatever the UI language: it is a Norwegian form."""
    if not iso or len(iso) < 10:
        return iso or ""
    return f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}"


def local_time(stamp: str) -> str:
    """An ISO UTC stamp as the clinician's local date and time (dd.mm.yyyy HH:MM)."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


@dataclass(frozen=True)
class Query:
    status: RecordStatus | None = None
    search: str = ""
    order_by: SortKey = "updated_at"
    descending: bool = True


SORT_KEYS: tuple[SortKey, ...] = ("status", "display_name", "registered_on", "diagnosis")
COLUMN_COUNT = len(SORT_KEYS) + 1  # the note column is not sortable


def column_header(column: int) -> str:
    headers = (
        QCoreApplication.translate("RecordTableModel", "Status"),
        QCoreApplication.translate("RecordTableModel", "Name"),
        QCoreApplication.translate("RecordTableModel", "Registration date"),
        QCoreApplication.translate("RecordTableModel", "Diagnosis"),
        QCoreApplication.translate("RecordTableModel", "Note from the register"),
    )
    return headers[column]


@dataclass(frozen=True)
class SyncNote:
    """What the register (or the outbox) said about one revision; never a field value."""

    kind: str  # rejected | quarantined | purged | duplicate
    reason_code: str | None = None
    reason_text: str | None = None


def note_text(note: SyncNote | None) -> str:
    """The note in plain words, with what to do about it."""
    if note is None:
        return ""
    if note.kind == "duplicate":
        return QCoreApplication.translate(
            "SyncNote",
            "Accepted as a duplicate: the register already holds this person with this "
            "diagnosis. Nothing more to do.",
        )
    if note.kind == "purged":
        return QCoreApplication.translate(
            "SyncNote", "Accepted; the personal data have been deleted from this PC."
        )
    if note.kind == "quarantined":
        if note.reason_code == "local_validation":
            fields = sorted({key.partition("@")[2] or key for key in _issue_keys(note)})
            text = QCoreApplication.translate(
                "SyncNote",
                "Needs correction before sending: the form has errors (%1). Open it and "
                "choose New revision to correct it.",
            )
            return text.replace("%1", ", ".join(fields) or "?")
        text = QCoreApplication.translate(
            "SyncNote",
            "Needs correction before sending: the server refused the batch (%1). Open it "
            "and choose New revision, or contact the register.",
        )
        return text.replace("%1", note.reason_code or "?")
    label = reason_label(note.reason_code, current_language()) if note.reason_code else ""
    reason = (note.reason_text or "").strip()
    said = f"{label}. {reason}" if label and reason else label or reason
    text = QCoreApplication.translate(
        "SyncNote", "Rejected by the register: %1 Open it and choose New revision to correct it."
    )
    return text.replace("%1", _sentence(said) if said else "?")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _issue_keys(note: SyncNote) -> list[str]:
    return [part.strip() for part in (note.reason_text or "").split(",") if part.strip()]


def sync_notes(conn: Any, rows: Sequence[RecordRow]) -> dict[tuple[str, int], SyncNote]:
    """Notes for the rejected, set-aside, duplicate and purged rows of one page (database
    thread).

    Rejections and set-asides come from the outbox (``outbox.items``, one query per page:
    reason code and text of that exact revision); an accepted revision the register decided
    was a duplicate keeps the reason ``duplicate`` there and says so. A purged record is an
    accepted one whose list columns retention cleared (a completed registration always has a
    name, so an accepted row without one is purged).
    """
    from desktop.sync import outbox

    notes: dict[tuple[str, int], SyncNote] = {}
    asked = [
        (row.record_id, row.revision)
        for row in rows
        if row.status in (RecordStatus.REJECTED, RecordStatus.SET_ASIDE)
        or (row.status is RecordStatus.ACCEPTED and row.display_name)
    ]
    infos = outbox.items(conn, asked) if asked else {}
    for row in rows:
        key = (row.record_id, row.revision)
        info = infos.get(key)
        if row.status in (RecordStatus.REJECTED, RecordStatus.SET_ASIDE):
            if info is not None:
                kind = "quarantined" if row.status is RecordStatus.SET_ASIDE else "rejected"
                notes[key] = SyncNote(kind, info.reason_code, info.reason_text)
        elif row.status is RecordStatus.ACCEPTED and not row.display_name:
            notes[key] = SyncNote("purged")
        elif row.status is RecordStatus.ACCEPTED and info and info.reason_code == "duplicate":
            notes[key] = SyncNote("duplicate", "duplicate")
    return notes


Names = dict[str, str]


def diagnosis_names(rows: Sequence[RecordRow], lang: Lang) -> Names:
    """The diagnosis cell of each distinct stored value of one page (database thread): the
    stored value is the record's ORPHA codes separated by spaces."""
    return {
        row.diagnosis: diagnoses_text(row.diagnosis.split(), lang) for row in rows if row.diagnosis
    }


class RecordTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    total_changed = Signal(int)  # registrations in the profile, for the status bar

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.query = Query()
        self._rows: list[RecordRow] = []
        self._notes: dict[tuple[str, int], SyncNote] = {}
        self._diagnoses: dict[str, str] = {}  # the stored codes -> codes with names
        self._generation = 0
        self._exhausted = True
        self._loading = False
        self._active = False
        self.parent_widget = parent

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_header(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # An empty cell (no note, no diagnosis yet) still has a name for a screen reader.
            shown = self.data(index, Qt.ItemDataRole.DisplayRole)
            return shown or QCoreApplication.translate("RecordTableModel", "(none)")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return status_label(row.status)
            if column == 1:
                if row.display_name:
                    return row.display_name
                if self._notes.get((row.record_id, row.revision), SyncNote("")).kind == "purged":
                    return QCoreApplication.translate("RecordTableModel", "(personal data deleted)")
                return QCoreApplication.translate("RecordTableModel", "(no name yet)")
            if column == 2:
                return display_date(row.registered_on)
            if column == 3:
                return self._diagnoses.get(row.diagnosis, row.diagnosis)
            return note_text(self._notes.get((row.record_id, row.revision)))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return self._diagnoses.get(row.diagnosis) or None  # the whole name, if elided
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return state_icon(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, NOTE_COLUMN):
            return note_text(self._notes.get((row.record_id, row.revision))) or None
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role == STATUS_ROLE:
            return row.status
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._active and not self._exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore() or self._loading:
            return
        self._fetch_page()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        self.set_query(
            replace(
                self.query,
                order_by=SORT_KEYS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )

    # -- loading ----------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        """Unlocked and showing rows (``False`` after ``clear``)."""
        return self._active

    @property
    def loading(self) -> bool:
        return self._loading

    def record_id(self, row: int) -> str:
        return self._rows[row].record_id

    def set_query(self, query: Query) -> None:
        self.query = query
        if self._active:
            self.reload()

    def reload(self) -> None:
        """Start over with the current query (after a change, or when unlocked)."""
        self._active = True
        self._reset()
        self._exhausted = False
        self._fetch_page()
        Op(self.parent_widget, lambda conn: records.count(conn)).success(
            self.total_changed.emit
        ).run_in_background()

    def clear(self) -> None:
        """Forget every row (on lock); nothing is fetched again until ``reload``."""
        self._active = False
        self._reset()

    def _reset(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._notes = {}
        self._diagnoses = {}
        self._exhausted = True
        self._set_loading(False)
        self.endResetModel()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _fetch_page(self) -> None:
        generation = self._generation
        query = self.query
        after = self._rows[-1] if self._rows else None
        limit = self.page_size
        lang = current_language()
        self._set_loading(True)

        def page(conn: Any) -> tuple[list[RecordRow], dict[tuple[str, int], SyncNote], Names]:
            rows = page_query(conn, query, after=after, limit=limit)
            return rows, sync_notes(conn, rows), diagnosis_names(rows, lang)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._set_loading(False)
                self._exhausted = True
            if self._active:
                show_error(self.parent_widget, exc)

        Op(self.parent_widget, page, operation="list records").success(
            lambda answer: self._append(generation, *answer)
        ).failure(failed).run_in_background()

    def _append(
        self,
        generation: int,
        rows: list[RecordRow],
        notes: dict[tuple[str, int], SyncNote] | None = None,
        diagnoses: Names | None = None,
    ) -> None:
        if generation != self._generation:
            return  # an answer to a query nobody is asking any more
        self._exhausted = len(rows) < self.page_size
        self._notes.update(notes or {})
        self._diagnoses.update(diagnoses or {})
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._set_loading(False)  # last, so listeners see the new rows


def page_query(conn: Any, query: Query, *, after: RecordRow | None, limit: int) -> list[RecordRow]:
    """The page after ``after`` (the last row loaded; ``None``: the first page) for ``query``.

    A keyset seek at any depth; the store keeps rows without a sort value (a draft without a
    registration date) in the seek's order too.
    """
    return records.list_rows(
        conn,
        status=query.status,
        search=query.search or None,
        order_by=query.order_by,
        descending=query.descending,
        limit=limit,
        after=after,
    )
