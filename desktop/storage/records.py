"""Records and their revisions, with the audit entry of every change in the same transaction.

These functions run on the database thread with the connection it owns (see ``worker``).
A record's current state is one row of ``records``; when a completed or sent record gets a
new revision, the previous one moves to ``record_history`` untouched, so what was sent to the
register can always be shown again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from desktop.storage import audit
from desktop.storage.connection import Connection, transaction
from desktop.storage.errors import StoreError
from desktop.storage.summary import summarize


class RecordStatus(StrEnum):
    DRAFT = "draft"  # utkast
    COMPLETED = "completed"  # ferdigstilt
    QUEUED = "queued"  # i kø
    SENT = "sent"  # sendt
    ACCEPTED = "accepted"  # godkjent
    REJECTED = "rejected"  # avvist (by the register)
    SET_ASIDE = "set_aside"  # må rettes før sending (never reached the register)


class RecordNotFound(StoreError):
    code = "store.record_not_found"


class RecordNotEditable(StoreError):
    code = "store.record_not_editable"


@dataclass(frozen=True)
class Record:
    record_id: str
    revision: int
    form_id: str
    form_version: int
    status: RecordStatus
    payload: dict[str, Any]
    created_at: str
    updated_at: str
    author: str


@dataclass(frozen=True)
class RecordRow:
    """What the record list needs, without the payload."""

    record_id: str
    revision: int
    status: RecordStatus
    display_name: str
    national_id: str | None
    diagnosis: str
    registered_on: str | None  # None: not filled in yet (stored as '' so it sorts first)
    updated_at: str


SortKey = Literal["updated_at", "display_name", "registered_on", "status", "diagnosis"]
_SORT_KEYS = ("updated_at", "display_name", "registered_on", "status", "diagnosis")
_RECORD_COLUMNS = (
    "record_id, revision, form_id, form_version, status, payload, created_at, updated_at, author"
)
_ROW_COLUMNS = (
    "record_id, revision, status, display_name, national_id, diagnosis, registered_on, updated_at"
)


def now_iso() -> str:
    """The store's timestamp format (UTC, ISO 8601, microseconds: sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _encode(payload: Mapping[str, Any], record_id: str, revision: int) -> str:
    body = dict(payload)
    body["record_id"] = record_id
    body["revision"] = revision
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _to_record(row: tuple[Any, ...]) -> Record:
    return Record(
        record_id=row[0],
        revision=int(row[1]),
        form_id=row[2],
        form_version=int(row[3]),
        status=RecordStatus(row[4]),
        payload=json.loads(row[5]),
        created_at=row[6],
        updated_at=row[7],
        author=row[8],
    )


def get(conn: Connection, record_id: str) -> Record | None:
    row = conn.execute(
        f"SELECT {_RECORD_COLUMNS} FROM records WHERE record_id = ?", (record_id,)
    ).fetchone()
    return None if row is None else _to_record(row)


def require(conn: Connection, record_id: str) -> Record:
    record = get(conn, record_id)
    if record is None:
        raise RecordNotFound(record_id)
    return record


def history(conn: Connection, record_id: str) -> list[Record]:
    """Every earlier revision, oldest first (the current one is ``get``)."""
    rows = conn.execute(
        f"SELECT {_RECORD_COLUMNS} FROM record_history WHERE record_id = ? ORDER BY revision",
        (record_id,),
    ).fetchall()
    return [_to_record(r) for r in rows]


def _write_current(
    conn: Connection,
    *,
    record_id: str,
    revision: int,
    form_id: str,
    form_version: int,
    status: RecordStatus,
    payload: Mapping[str, Any],
    created_at: str,
    author: str,
) -> None:
    summary = summarize(payload)
    conn.execute(
        "INSERT INTO records (record_id, revision, form_id, form_version, status, payload, "
        "created_at, updated_at, author, display_name, national_id, diagnosis, registered_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (record_id) DO UPDATE SET revision = excluded.revision, "
        "form_id = excluded.form_id, form_version = excluded.form_version, "
        "status = excluded.status, payload = excluded.payload, "
        "updated_at = excluded.updated_at, author = excluded.author, "
        "display_name = excluded.display_name, national_id = excluded.national_id, "
        "diagnosis = excluded.diagnosis, registered_on = excluded.registered_on",
        (
            record_id,
            revision,
            form_id,
            form_version,
            status.value,
            _encode(payload, record_id, revision),
            created_at,
            now_iso(),
            author,
            summary.display_name,
            summary.national_id,
            summary.diagnosis,
            summary.registered_on or "",
        ),
    )


def save_draft(
    conn: Connection,
    *,
    record_id: str,
    payload: Mapping[str, Any],
    form_id: str,
    form_version: int,
    author: str,
) -> Record:
    """Create or update a draft. Completed records are refused: they need a new revision."""
    with transaction(conn, "save draft"):
        write_draft(
            conn,
            record_id=record_id,
            payload=payload,
            form_id=form_id,
            form_version=form_version,
            author=author,
        )
    return require(conn, record_id)


def write_draft(
    conn: Connection,
    *,
    record_id: str,
    payload: Mapping[str, Any],
    form_id: str,
    form_version: int,
    author: str,
) -> None:
    """``save_draft`` inside the caller's transaction (completing a record saves it first)."""
    existing = get(conn, record_id)
    if existing is not None and existing.status is not RecordStatus.DRAFT:
        raise RecordNotEditable(record_id)
    revision = 1 if existing is None else existing.revision
    _write_current(
        conn,
        record_id=record_id,
        revision=revision,
        form_id=form_id,
        form_version=form_version,
        status=RecordStatus.DRAFT,
        payload=payload,
        created_at=existing.created_at if existing else now_iso(),
        author=author,
    )
    audit.append(
        conn,
        actor=author,
        action="create" if existing is None else "save_draft",
        record_id=record_id,
        revision=revision,
    )


def complete(
    conn: Connection,
    *,
    record_id: str,
    payload: Mapping[str, Any],
    author: str,
) -> Record:
    """Mark a draft complete with its final payload; the caller has validated it."""
    with transaction(conn, "complete"):
        write_completion(conn, record_id=record_id, payload=payload, author=author)
    return require(conn, record_id)


def write_completion(
    conn: Connection, *, record_id: str, payload: Mapping[str, Any], author: str
) -> None:
    """``complete`` inside the caller's transaction."""
    existing = require(conn, record_id)
    if existing.status is not RecordStatus.DRAFT:
        raise RecordNotEditable(record_id)
    _write_current(
        conn,
        record_id=record_id,
        revision=existing.revision,
        form_id=existing.form_id,
        form_version=existing.form_version,
        status=RecordStatus.COMPLETED,
        payload=payload,
        created_at=existing.created_at,
        author=author,
    )
    audit.append(
        conn, actor=author, action="complete", record_id=record_id, revision=existing.revision
    )


def import_many(
    conn: Connection,
    items: list[tuple[str, Mapping[str, Any], RecordStatus]],
    *,
    form_id: str,
    form_version: int,
    author: str,
) -> int:
    """Insert many new records in one transaction (demo data, restores); all or nothing.

    One transaction means one fsync for the batch instead of one per record, which is what
    makes loading 100,000 records take seconds rather than minutes.
    """
    now = now_iso()
    with transaction(conn, "import records"):
        for record_id, payload, status in items:
            if get(conn, record_id) is not None:
                raise RecordNotEditable(record_id)
            _write_current(
                conn,
                record_id=record_id,
                revision=1,
                form_id=form_id,
                form_version=form_version,
                status=status,
                payload=payload,
                created_at=now,
                author=author,
            )
            audit.append(conn, actor=author, action="import", record_id=record_id, revision=1)
    return len(items)


def new_revision(conn: Connection, *, record_id: str, author: str) -> Record:
    """Start a new draft revision of a completed (or sent/rejected/set-aside/accepted) record."""
    with transaction(conn, "new revision"):
        existing = require(conn, record_id)
        if existing.status is RecordStatus.DRAFT:
            return existing
        conn.execute(
            f"INSERT INTO record_history ({_RECORD_COLUMNS}) "
            f"SELECT {_RECORD_COLUMNS} FROM records WHERE record_id = ?",
            (record_id,),
        )
        revision = existing.revision + 1
        conn.execute(
            "UPDATE records SET revision = ?, status = ?, payload = ?, updated_at = ?, "
            "author = ? WHERE record_id = ?",
            (
                revision,
                RecordStatus.DRAFT.value,
                _encode(existing.payload, record_id, revision),
                now_iso(),
                author,
                record_id,
            ),
        )
        audit.append(
            conn, actor=author, action="new_revision", record_id=record_id, revision=revision
        )
    return require(conn, record_id)


def move_status(
    conn: Connection,
    *,
    record_id: str,
    revision: int,
    status: RecordStatus,
    actor: str,
    allowed: Collection[RecordStatus] | None = None,
    include_history: bool = False,
) -> bool:
    """Move one revision to ``status`` inside the caller's transaction, with its audit entry.

    Guarded by the revision (and, with ``allowed``, by the old status), so sync feedback about
    revision 1 never overwrites revision 2's draft. With ``include_history`` a superseded
    revision's row in ``record_history`` is moved instead (what the register decided about
    revision 1 still matters). ``False`` when nothing matched.
    """
    guard, params = "", []
    if allowed is not None:
        # the allowed old states travel as one JSON array parameter: no SQL built from values
        guard = " AND status IN (SELECT value FROM json_each(?))"
        params = [json.dumps([s.value for s in allowed])]
    moved = conn.execute(
        "UPDATE records SET status = ?, updated_at = ? WHERE record_id = ? AND revision = ?"
        + guard,
        (status.value, now_iso(), record_id, revision, *params),
    ).rowcount
    if not moved and include_history:
        moved = conn.execute(
            "UPDATE record_history SET status = ? WHERE record_id = ? AND revision = ?" + guard,
            (status.value, record_id, revision, *params),
        ).rowcount
    if moved:
        audit.append(
            conn,
            actor=actor,
            action=f"status:{status.value}",
            record_id=record_id,
            revision=revision,
        )
    return bool(moved)


def set_status(
    conn: Connection, *, record_id: str, revision: int, status: RecordStatus, actor: str
) -> bool:
    """Move the current revision to ``status`` in a transaction of its own."""
    with transaction(conn, "set status"):
        return move_status(conn, record_id=record_id, revision=revision, status=status, actor=actor)


def delete_draft(conn: Connection, *, record_id: str, author: str) -> None:
    """Securely delete a draft: a first-revision draft goes entirely, a later one reverts.

    ``secure_delete`` overwrites the freed pages, and the WAL is checkpointed and truncated
    afterwards so the old page images do not linger there either.
    """
    with transaction(conn, "delete draft"):
        existing = require(conn, record_id)
        if existing.status is not RecordStatus.DRAFT:
            raise RecordNotEditable(record_id)
        conn.execute("DELETE FROM records WHERE record_id = ?", (record_id,))
        previous = conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM record_history WHERE record_id = ? "
            "ORDER BY revision DESC LIMIT 1",
            (record_id,),
        ).fetchone()
        if previous is not None:
            restored = _to_record(previous)
            conn.execute(
                "DELETE FROM record_history WHERE record_id = ? AND revision = ?",
                (record_id, restored.revision),
            )
            _write_current(
                conn,
                record_id=record_id,
                revision=restored.revision,
                form_id=restored.form_id,
                form_version=restored.form_version,
                status=restored.status,
                payload=restored.payload,
                created_at=restored.created_at,
                author=restored.author,
            )
        audit.append(
            conn,
            actor=author,
            action="delete_draft",
            record_id=record_id,
            revision=existing.revision,
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def list_rows(
    conn: Connection,
    *,
    status: RecordStatus | None = None,
    search: str | None = None,
    order_by: SortKey = "updated_at",
    descending: bool = True,
    limit: int | None = 200,
    offset: int = 0,
    after: RecordRow | None = None,
) -> list[RecordRow]:
    """One page of the record list; only indexed summary columns are read.

    Pass the last row of the previous page as ``after`` (keyset paging): the next page is
    then an index seek, as fast at row 100,000 as at row 0, where ``offset`` would walk every
    skipped row.
    """
    if order_by not in _SORT_KEYS:
        raise ValueError("unknown sort key")
    collate = " COLLATE NOCASE" if order_by == "display_name" else ""
    direction = "DESC" if descending else "ASC"
    where: list[str] = []
    params: list[Any] = []
    if status is not None:
        where.append("status = ?")
        params.append(status.value)
    if search:
        term = search.strip()
        where.append(
            "(display_name LIKE ? ESCAPE '\\' OR national_id LIKE ? ESCAPE '\\' "
            "OR diagnosis LIKE ? ESCAPE '\\')"
        )
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [f"%{escaped}%", f"{escaped}%", f"%{escaped}%"]
    if after is not None:
        # The collation goes on the bound value: a COLLATE on the column side would stop
        # SQLite from seeking in the (display_name COLLATE NOCASE, record_id) index.
        where.append(f"({order_by}, record_id) {'<' if descending else '>'} (?{collate}, ?)")
        params += [getattr(after, order_by) or "", after.record_id]
    sql = f"SELECT {_ROW_COLUMNS} FROM records"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order_by}{collate} {direction}, record_id {direction}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [
        RecordRow(r[0], int(r[1]), RecordStatus(r[2]), r[3], r[4], r[5], r[6] or None, r[7])
        for r in conn.execute(sql, params)
    ]


def count(conn: Connection, status: RecordStatus | None = None) -> int:
    if status is None:
        return int(conn.execute("SELECT count(*) FROM records").fetchone()[0])
    return int(
        conn.execute("SELECT count(*) FROM records WHERE status = ?", (status.value,)).fetchone()[0]
    )


def find_likely_duplicates(
    conn: Connection, *, national_id: str, orpha_code: str, exclude_record_id: str | None = None
) -> list[str]:
    """Record ids holding the same national id and the same ORPHA code."""
    rows = conn.execute(
        "SELECT record_id, diagnosis FROM records WHERE national_id = ? AND record_id IS NOT ?",
        (national_id, exclude_record_id),
    ).fetchall()
    return [r[0] for r in rows if orpha_code in str(r[1]).split()]
