"""A hash-chained audit log: who did what to which record, never what the record says.

Each entry's hash covers its own fields and the previous entry's hash, so deleting,
reordering or editing an entry breaks every later hash. The log lives inside the encrypted
database, and is written in the same transaction as the change it describes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sjelden_protocol.db import Executes

GENESIS = bytes(32)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    record_id: str | None
    revision: int | None


def _entry_hash(prev_hash: bytes, entry: AuditEntry) -> bytes:
    body = json.dumps(
        [entry.seq, entry.at, entry.actor, entry.action, entry.record_id, entry.revision],
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode("ascii")
    return hashlib.sha256(prev_hash + body).digest()


def append(
    conn: Executes,
    *,
    actor: str,
    action: str,
    record_id: str | None = None,
    revision: int | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry; the caller's transaction makes it atomic with the change."""
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (1, GENESIS) if last is None else (int(last[0]) + 1, bytes(last[1]))
    stamp = (at or dt.datetime.now(dt.UTC)).isoformat(timespec="microseconds")
    entry = AuditEntry(seq, stamp, actor, action, record_id, revision)
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, record_id, revision, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, stamp, actor, action, record_id, revision, prev_hash, _entry_hash(prev_hash, entry)),
    )
    return entry


def entries(conn: Executes, record_id: str | None = None) -> list[AuditEntry]:
    sql = "SELECT seq, at, actor, action, record_id, revision FROM audit_log"
    params: tuple[str, ...] = ()
    if record_id is not None:
        sql += " WHERE record_id = ?"
        params = (record_id,)
    return [AuditEntry(*row) for row in conn.execute(sql + " ORDER BY seq", params)]


def verify_chain(conn: Executes) -> int | None:
    """The sequence number of the first broken entry, or ``None`` when the chain is intact."""
    prev_hash = GENESIS
    expected_seq = 1
    rows = conn.execute(
        "SELECT seq, at, actor, action, record_id, revision, prev_hash, hash "
        "FROM audit_log ORDER BY seq"
    )
    for row in rows:
        entry = AuditEntry(*row[:6])
        if entry.seq != expected_seq or bytes(row[6]) != prev_hash:
            return entry.seq
        if bytes(row[7]) != _entry_hash(prev_hash, entry):
            return entry.seq
        prev_hash = bytes(row[7])
        expected_seq += 1
    return None
