"""The outbox: completed records packed into sealed, size-capped batches with stable ids.

Record states follow the form spec: ``completed -> queued -> sent -> accepted | rejected``,
and ``set_aside`` for a record that never reached the register.

* **Packing** reads completed records, re-validates each one (a record that no longer passes
  is *quarantined*: it becomes ``set_aside`` with reason ``local_validation`` and the failing
  issue codes, and never holds up the others), seals the rest with ``build_batch`` and, in one
  transaction, stores the envelope bytes, the batch's items and moves the records to
  ``queued``. Encryption runs on the calling (sync) thread, not the database thread.
* A batch's id and bytes never change once stored: every re-send is byte-identical, which is
  what makes uploads idempotent at the server (same id + same bytes -> the same receipt).
* **Re-packing after a register key rotation**: a pending batch sealed to a register key
  that is no longer the newest pinned one (``stale_batches``) and that the inbox does not
  hold is replaced by a *new* batch (new id, new bytes) with the same records sealed to the
  new key (``reseal``); its records stay ``queued`` throughout. The upload step decides
  which (it asks the inbox first, see ``upload.reseal_stale_batches``).
* **Delivery** (a verified receipt) moves the batch's records ``queued -> sent``; feedback
  moves them to ``accepted``/``rejected``. Each update names the revision, so a decision
  about an old revision never overwrites a newer draft.

Per-revision sync state lives in ``outbox_items`` (state, batch, reason code and text, decision
time); nothing there is a field value. ``set_state`` is the one place that changes it, always
together with the record's status.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sjelden_protocol import build_batch, parse_envelope
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.limits import MAX_RECORDS_PER_BATCH

from desktop.storage import records, settings
from desktop.storage.connection import Connection, transaction
from desktop.storage.records import RecordStatus, now_iso
from desktop.storage.store import Store
from desktop.sync.identity import Identity

DEFAULT_MAX_RECORDS = 1000
DEFAULT_MAX_BYTES = 4 * 1024 * 1024  # plaintext per batch; the sealed envelope is smaller
MIN_MAX_BYTES = 64 * 1024
BATCH_BYTES_SETTING = "sync.batch_max_bytes"
PACK_LIMIT = 100_000  # completed records read per pack; the rest wait for the next run
ACTOR = "sync"


class ItemState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    QUARANTINED = "quarantined"


class BatchState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


@dataclass(frozen=True)
class PendingBatch:
    batch_id: str
    record_count: int
    length: int


@dataclass(frozen=True)
class PackResult:
    batches: int
    records: int
    quarantined: int


@dataclass(frozen=True)
class ItemInfo:
    record_id: str
    revision: int
    state: ItemState
    batch_id: str | None
    reason_code: str | None
    reason_text: str | None
    decided_at: str | None


Validator = Callable[[dict[str, Any]], list[str]]


def full_validation(payload: dict[str, Any]) -> list[str]:
    """``desktop.forms.validate.error_keys``: error issue keys (``code@field``), no values.

    The forms package is imported on first use, not whenever sync is.
    """
    from desktop.forms.validate import error_keys

    return error_keys(payload)


_RECORD_STATUS = {
    ItemState.QUEUED: RecordStatus.QUEUED,
    ItemState.SENT: RecordStatus.SENT,
    ItemState.ACCEPTED: RecordStatus.ACCEPTED,
    ItemState.REJECTED: RecordStatus.REJECTED,
    ItemState.QUARANTINED: RecordStatus.SET_ASIDE,
}


def _move_status(
    conn: Connection,
    record_id: str,
    revision: int,
    new: RecordStatus,
    allowed: Sequence[RecordStatus],
) -> bool:
    """The record's status, current row or a superseded revision's (see ``move_status``)."""
    return records.move_status(
        conn,
        record_id=record_id,
        revision=revision,
        status=new,
        actor=ACTOR,
        allowed=allowed,
        include_history=True,
    )


def set_state(
    conn: Connection,
    record_id: str,
    revision: int,
    state: ItemState,
    allowed: Sequence[RecordStatus],
    *,
    batch_id: str | None,
    reason_code: str | None = None,
    reason_text: str | None = None,
    decided: bool = False,
) -> bool:
    """The one place a revision's sync state changes, inside the caller's transaction.

    The record's status (derived from ``state``: quarantined is ``set_aside``) and its
    ``outbox_items`` row move together, so the two never disagree. ``False`` (nothing
    written) if the revision is not in one of the ``allowed`` statuses.
    """
    if not _move_status(conn, record_id, revision, _RECORD_STATUS[state], allowed):
        return False
    stamp = now_iso()
    conn.execute(
        "INSERT INTO outbox_items (record_id, revision, batch_id, state, reason_code, "
        "reason_text, updated_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (record_id, revision) DO UPDATE SET batch_id = excluded.batch_id, "
        "state = excluded.state, reason_code = excluded.reason_code, "
        "reason_text = excluded.reason_text, updated_at = excluded.updated_at, "
        "decided_at = excluded.decided_at",
        (
            record_id,
            revision,
            batch_id,
            state.value,
            reason_code,
            reason_text,
            stamp,
            stamp if decided else None,
        ),
    )
    return True


# -- packing ------------------------------------------------------------------------------------


def _candidates(conn: Connection, limit: int) -> list[tuple[str, int, str]]:
    return [
        (str(r[0]), int(r[1]), str(r[2]))
        for r in conn.execute(
            "SELECT record_id, revision, payload FROM records WHERE status = ? "
            "ORDER BY updated_at, record_id LIMIT ?",
            (RecordStatus.COMPLETED.value, limit),
        )
    ]


def _chunks(
    items: list[tuple[str, int, dict[str, Any], int]], max_records: int, max_bytes: int
) -> list[list[tuple[str, int, dict[str, Any], int]]]:
    chunks: list[list[tuple[str, int, dict[str, Any], int]]] = []
    current: list[tuple[str, int, dict[str, Any], int]] = []
    size = 0
    for item in items:
        if current and (len(current) >= max_records or size + item[3] > max_bytes):
            chunks.append(current)
            current, size = [], 0
        current.append(item)
        size += item[3] + 1
    if current:
        chunks.append(current)
    return chunks


def _insert_batch(
    conn: Connection, batch_id: str, created_at: str, record_count: int, envelope: bytes
) -> None:
    """One pending batch row (a batch's id and bytes never change once stored)."""
    conn.execute(
        "INSERT INTO outbox_batches (batch_id, created_at, record_count, envelope, sha256, "
        "length, state) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            batch_id,
            created_at,
            record_count,
            envelope,
            hashlib.sha256(envelope).hexdigest(),
            len(envelope),
            BatchState.PENDING.value,
        ),
    )


def _store_batch(
    conn: Connection, batch_id: str, envelope: bytes, members: list[tuple[str, int]]
) -> bool:
    """Store one sealed batch if every member is still that revision, completed."""
    with transaction(conn, "queue batch"):
        still = conn.execute(
            "SELECT count(*) FROM records WHERE status = ? AND (record_id, revision) IN "
            "(SELECT value ->> 0, value ->> 1 FROM json_each(?))",
            (RecordStatus.COMPLETED.value, json.dumps(members)),
        ).fetchone()[0]
        if still != len(members):
            return False  # changed meanwhile: leave all for the next pack (nothing written)
        _insert_batch(conn, batch_id, now_iso(), len(members), envelope)
        for record_id, revision in members:
            set_state(
                conn,
                record_id,
                revision,
                ItemState.QUEUED,
                [RecordStatus.COMPLETED],
                batch_id=batch_id,
            )
    return True


def _quarantine_rows(
    conn: Connection,
    items: list[tuple[str, int, str, str | None]],
    allowed: Sequence[RecordStatus],
) -> int:
    return sum(
        set_state(
            conn,
            record_id,
            revision,
            ItemState.QUARANTINED,
            allowed,
            batch_id=None,
            reason_code=code,
            reason_text=text,
            decided=True,
        )
        for record_id, revision, code, text in items
    )


def quarantine(
    conn: Connection,
    items: list[tuple[str, int, str, str | None]],
    allowed: Sequence[RecordStatus],
) -> int:
    """Set aside revisions the register cannot take: ``rejected`` with the reason."""
    with transaction(conn, "quarantine"):
        return _quarantine_rows(conn, items, allowed)


def pack(
    store: Store,
    ident: Identity,
    *,
    max_records: int = DEFAULT_MAX_RECORDS,
    max_bytes: int | None = None,
    validator: Validator | None = full_validation,
    check_cancelled: Callable[[], None] | None = None,
) -> PackResult:
    """Seal every completed record into batches; quarantine those that fail validation."""
    max_records = max(1, min(max_records, MAX_RECORDS_PER_BATCH))
    if max_bytes is None:
        max_bytes = int(
            store.call(lambda c: settings.get(c, BATCH_BYTES_SETTING, DEFAULT_MAX_BYTES))
        )
    rows = store.call(lambda c: _candidates(c, PACK_LIMIT), "outbox candidates")
    good: list[tuple[str, int, dict[str, Any], int]] = []
    bad: list[tuple[str, int, str, str | None]] = []
    for record_id, revision, text in rows:
        payload = json.loads(text)
        problems = validator(payload) if validator is not None else []
        if problems:
            bad.append((record_id, revision, "local_validation", ", ".join(problems)[:500]))
        else:
            good.append((record_id, revision, payload, len(text)))
    quarantined = 0
    if bad:
        quarantined = store.call(
            lambda c: quarantine(c, bad, [RecordStatus.COMPLETED]), "quarantine"
        )
    batches = records = 0
    for chunk in _chunks(good, max_records, max_bytes):
        if check_cancelled is not None:
            check_cancelled()
        try:
            if _seal_and_store(store, ident, chunk):
                batches, records = batches + 1, records + len(chunk)
            continue
        except ProtocolError:
            pass
        # One record the envelope refuses must not block the others: seal them one by one.
        for single in chunk:
            try:
                if _seal_and_store(store, ident, [single]):
                    batches, records = batches + 1, records + 1
            except ProtocolError as exc:
                reason = [(single[0], single[1], exc.code, None)]
                quarantined += store.call(
                    lambda c, r=reason: quarantine(c, r, [RecordStatus.COMPLETED]),  # type: ignore[misc]
                    "quarantine",
                )
    return PackResult(batches=batches, records=records, quarantined=quarantined)


def _seal(ident: Identity, payloads: list[dict[str, Any]]) -> tuple[str, bytes]:
    """A new batch id and its envelope: ``payloads`` signed by this installation and sealed
    to the newest register key (``ProtocolError`` if they cannot be sealed)."""
    batch_id = str(uuid.uuid4())
    envelope = build_batch(
        payloads, batch_id=batch_id, signer=ident.signing_key, recipient=ident.register_key
    )
    return batch_id, envelope


def _seal_and_store(
    store: Store, ident: Identity, chunk: list[tuple[str, int, dict[str, Any], int]]
) -> bool:
    """Seal one batch (on this thread) and store it; ``ProtocolError`` if it cannot be sealed."""
    batch_id, envelope = _seal(ident, [item[2] for item in chunk])
    members = [(item[0], item[1]) for item in chunk]
    return bool(store.call(lambda c: _store_batch(c, batch_id, envelope, members), "queue batch"))


# -- batches ------------------------------------------------------------------------------------


def pending_batches(conn: Connection) -> list[PendingBatch]:
    return [
        PendingBatch(str(r[0]), int(r[1]), int(r[2]))
        for r in conn.execute(
            "SELECT batch_id, record_count, length FROM outbox_batches WHERE state = ? "
            "ORDER BY created_at, batch_id",
            (BatchState.PENDING.value,),
        )
    ]


def envelope_of(conn: Connection, batch_id: str) -> bytes | None:
    row = conn.execute(
        "SELECT envelope FROM outbox_batches WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


def batch_state(conn: Connection, batch_id: str) -> BatchState | None:
    row = conn.execute(
        "SELECT state FROM outbox_batches WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    return None if row is None else BatchState(row[0])


def note_attempt(conn: Connection, batch_id: str, error_code: str | None) -> None:
    with transaction(conn, "note attempt"):
        conn.execute(
            "UPDATE outbox_batches SET attempts = attempts + 1, last_error = ? WHERE batch_id = ?",
            (error_code, batch_id),
        )


def _queued_members(conn: Connection, batch_id: str) -> list[tuple[str, int]]:
    return [
        (str(r[0]), int(r[1]))
        for r in conn.execute(
            "SELECT record_id, revision FROM outbox_items WHERE batch_id = ? AND state = ?",
            (batch_id, ItemState.QUEUED.value),
        )
    ]


def mark_delivered(conn: Connection, batch_id: str, receipt: dict[str, Any]) -> bool:
    """Record a verified receipt; ``False`` if the batch was already delivered."""
    with transaction(conn, "batch delivered"):
        row = conn.execute(
            "SELECT state FROM outbox_batches WHERE batch_id = ?", (batch_id,)
        ).fetchone()
        if row is None or row[0] != BatchState.PENDING.value:
            return False
        conn.execute(
            "UPDATE outbox_batches SET state = ?, receipt = ?, delivered_at = ?, last_error = NULL "
            "WHERE batch_id = ?",
            (BatchState.DELIVERED.value, json.dumps(receipt, sort_keys=True), now_iso(), batch_id),
        )
        for record_id, revision in _queued_members(conn, batch_id):
            set_state(
                conn, record_id, revision, ItemState.SENT, [RecordStatus.QUEUED], batch_id=batch_id
            )
    return True


def dissolve(conn: Connection, batch_id: str) -> int:
    """Drop a batch the server refused as a whole before storing it; records go back to
    ``completed`` and are packed again (e.g. smaller, after ``too_large``)."""
    with transaction(conn, "dissolve batch"):
        members = _queued_members(conn, batch_id)
        for record_id, revision in members:
            _move_status(conn, record_id, revision, RecordStatus.COMPLETED, [RecordStatus.QUEUED])
        conn.execute("DELETE FROM outbox_items WHERE batch_id = ?", (batch_id,))
        conn.execute("DELETE FROM outbox_batches WHERE batch_id = ?", (batch_id,))
    return len(members)


def stale_batches(conn: Connection, recipient_key_id: str) -> list[PendingBatch]:
    """Pending batches sealed to another register key than ``recipient_key_id`` (the key
    new batches are sealed to): the register has rotated its key since they were packed.

    The recipient is read from each stored envelope's header, so no column records it."""
    stale: list[PendingBatch] = []
    for row in conn.execute(
        "SELECT batch_id, record_count, length, envelope FROM outbox_batches WHERE state = ? "
        "ORDER BY created_at, batch_id",
        (BatchState.PENDING.value,),
    ):
        if row[3] is None:
            continue
        try:
            recipient = parse_envelope(bytes(row[3])).header.recipient_key_id
        except ProtocolError:  # pragma: no cover - the bytes are our own, stored when sealed
            continue
        if recipient != recipient_key_id:
            stale.append(PendingBatch(str(row[0]), int(row[1]), int(row[2])))
    return stale


def _member_payloads(conn: Connection, batch_id: str) -> list[tuple[str, int, dict[str, Any]]]:
    """The queued revisions of a batch with their payloads (current row or history row)."""
    members: list[tuple[str, int, dict[str, Any]]] = []
    for record_id, revision in sorted(_queued_members(conn, batch_id)):
        row = conn.execute(
            "SELECT payload FROM records WHERE record_id = ? AND revision = ? UNION ALL "
            "SELECT payload FROM record_history WHERE record_id = ? AND revision = ? LIMIT 1",
            (record_id, revision, record_id, revision),
        ).fetchone()
        if row is not None:
            members.append((record_id, revision, json.loads(row[0])))
    return members


def _replace_batch(
    conn: Connection,
    old_id: str,
    new_id: str,
    envelope: bytes,
    members: list[tuple[str, int]],
) -> bool:
    """In one transaction: the new batch in, the members moved to it, the old batch out."""
    with transaction(conn, "re-pack batch"):
        if batch_state(conn, old_id) is not BatchState.PENDING or sorted(
            _queued_members(conn, old_id)
        ) != sorted(members):
            return False  # delivered or changed meanwhile: nothing written
        stamp = now_iso()
        _insert_batch(conn, new_id, stamp, len(members), envelope)
        conn.execute(
            "UPDATE outbox_items SET batch_id = ?, updated_at = ? WHERE batch_id = ? AND state = ?",
            (new_id, stamp, old_id, ItemState.QUEUED.value),
        )
        conn.execute("DELETE FROM outbox_batches WHERE batch_id = ?", (old_id,))
    return True


def reseal(store: Store, ident: Identity, batch: PendingBatch) -> str | None:
    """Re-pack a pending batch into a new one sealed to ``ident.register_key``.

    For a batch sealed to a retired register key that the inbox does not hold. The new batch
    gets a new id (a batch's id and bytes never change) and the same revisions, which stay
    ``queued``; they are not validated again (they were when first packed, and re-packing
    changes only the envelope). Sealing runs on the calling thread. Returns the new batch
    id, or ``None`` when the batch was delivered or changed meanwhile (nothing written);
    ``ProtocolError`` if the records cannot be sealed.
    """
    members = store.call(lambda c: _member_payloads(c, batch.batch_id), "batch members")
    new_id, envelope = _seal(ident, [payload for _, _, payload in members])
    keys = [(record_id, revision) for record_id, revision, _ in members]
    replaced = store.call(
        lambda c: _replace_batch(c, batch.batch_id, new_id, envelope, keys), "re-pack batch"
    )
    return new_id if replaced else None


def quarantine_batch(conn: Connection, batch_id: str, code: str) -> int:
    """The server refuses this batch for good: set its records aside with the reason."""
    with transaction(conn, "fail batch"):
        conn.execute(
            "UPDATE outbox_batches SET state = ?, last_error = ? WHERE batch_id = ?",
            (BatchState.FAILED.value, code, batch_id),
        )
        return _quarantine_rows(
            conn,
            [
                (record_id, revision, code, None)
                for record_id, revision in _queued_members(conn, batch_id)
            ],
            [RecordStatus.QUEUED],
        )


def items(conn: Connection, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], ItemInfo]:
    """The sync state of many exact revisions in one query per 400 (the record list asks
    for a page at a time; one query per row made paging cost a round trip per row)."""
    found: dict[tuple[str, int], ItemInfo] = {}
    wanted = set(keys)
    ids = sorted({record_id for record_id, _ in wanted})
    for start in range(0, len(ids), 400):  # well under SQLite's bound-parameter limit
        chunk = ids[start : start + 400]
        marks = ", ".join("?" * len(chunk))  # placeholders only: the ids stay parameters
        columns = "record_id, revision, state, batch_id, reason_code, reason_text, decided_at"
        sql = f"SELECT {columns} FROM outbox_items WHERE record_id IN ({marks})"  # noqa: S608
        rows = conn.execute(sql, chunk).fetchall()
        for row in rows:
            key = (str(row[0]), int(row[1]))
            if key in wanted:
                found[key] = ItemInfo(
                    key[0], key[1], ItemState(row[2]), row[3], row[4], row[5], row[6]
                )
    return found


def item(conn: Connection, record_id: str, revision: int | None = None) -> ItemInfo | None:
    """The sync state of a record's revision (default: its latest one known to sync)."""
    sql = (
        "SELECT record_id, revision, state, batch_id, reason_code, reason_text, decided_at "
        "FROM outbox_items WHERE record_id = ?"
    )
    params: tuple[Any, ...] = (record_id,)
    if revision is not None:
        sql += " AND revision = ?"
        params += (revision,)
    row = conn.execute(sql + " ORDER BY revision DESC LIMIT 1", params).fetchone()
    if row is None:
        return None
    return ItemInfo(str(row[0]), int(row[1]), ItemState(row[2]), row[3], row[4], row[5], row[6])
