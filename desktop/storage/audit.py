"""A hash-chained audit log: who did what to which record, never what the record says.

Each entry's hash covers its own fields and the previous entry's hash, so deleting,
reordering or editing an entry breaks every later hash. The log lives inside the encrypted
database, and is written in the same transaction as the change it describes.

Two kinds of entry share the one chain (and this one module):

* **Unkeyed** (the clinic's store, and the register's entries from before issue 17): the
  hash is SHA-256 over the previous hash and the fields. Whoever can write the table can
  recompute it, so it shows accidents, not tampering.
* **Keyed and signed** (the register, once a staff member's ``Signer`` is bound to the
  connection with ``act_as``): the hash is an HMAC under a key derived from the register's
  keyed-hash secret (``desktop.staff.crypto.RegisterCipher.audit_key``), over the previous
  hash and the fields including a short ``detail`` and the signer's key id; the hash is
  signed with the acting member's Ed25519 key. Someone holding the database but not the
  secret cannot write an entry that verifies; a member holding the secret cannot write one
  in another member's name. Every ``CHECKPOINT_EVERY`` entries (and on demand) a signed
  checkpoint names a sequence number and its hash, so a later rewrite of everything up to
  there, even with the secret, no longer matches what the member signed.

Unkeyed entries may only come first (a legacy prefix): once the chain holds a keyed entry,
an unkeyed one after it is reported as tampering. The binding is per connection, so every
writer on the register's database (decisions, letters, key events on the one-PC SQLCipher
file) is keyed without each passing a key around, and an unbound writer cannot slip into a
keyed chain unnoticed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sjelden_protocol import audit_checkpoint
from sjelden_protocol.db import Executes
from sjelden_protocol.keys import key_id

GENESIS = bytes(32)
#: A signed checkpoint after every this many keyed entries.
CHECKPOINT_EVERY = 1000
_ENTRY_DOMAIN = b"sjelden/audit/entry/v1\x00"
_SIGNED_DOMAIN = b"sjelden/audit/signed-entry/v1\x00"
_FETCH = 5000


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    record_id: str | None
    revision: int | None
    detail: str | None = None
    signer: str | None = None  # key id of the member who signed (None: unkeyed entry)


@dataclass(frozen=True)
class Signer:
    """The acting staff member: the register's audit key and the member's signing key."""

    mac_key: bytes = field(repr=False)
    signing_key: Ed25519PrivateKey = field(repr=False)

    @property
    def key_id(self) -> str:
        return key_id(self.signing_key.public_key())

    @property
    def public_raw(self) -> bytes:
        return self.signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Verdict:
    """What ``verify`` found. ``first_bad_seq`` is ``None`` when the chain is intact."""

    entries: int
    keyed_from: int | None  # the first keyed entry's seq (before it: the legacy prefix)
    checkpoints: int
    first_bad_seq: int | None = None
    problem: str | None = None  # a stable code: see ``PROBLEMS``

    @property
    def intact(self) -> bool:
        return self.first_bad_seq is None


#: Why verification stopped, by code (docs/staff.md, "The audit chain").
PROBLEMS = (
    "sequence_gap",  # a seq is missing or repeated (a deleted or inserted row)
    "link_broken",  # prev_hash is not the previous entry's hash
    "hash_mismatch",  # the entry's fields do not give its hash (a rewritten row)
    "unkeyed_after_keyed",  # an unkeyed entry after the keyed part started
    "unknown_signer",  # signed by a key id the register has no public key for
    "bad_signature",  # the entry's signature does not verify
    "checkpoint_signature",  # a checkpoint's signature does not verify
    "checkpoint_mismatch",  # the chain's hash at a checkpoint is not the one signed
    "checkpoint_beyond_end",  # a checkpoint names an entry that is no longer there
    # From the register's ``SignerCheck`` (``desktop.staff.audit_members``), once it has members:
    "signer_not_member",  # signed by a key that is not (or was not yet) a member's
    "signer_key_mismatch",  # the member's signing key is not the key that signed
    "signer_removed",  # signed by a member after their removal
)

#: Asked about every entry that passed its own checks, in seq order, with the raw public key
#: that verified its signature (``None`` for an unkeyed entry): a problem code stops the walk
#: at that entry. How the register checks signers against its members
#: (``desktop.staff.audit_members``); this module knows nothing of members.
SignerCheck = Callable[[AuditEntry, bytes | None], str | None]

# Connection -> acting member. Weak, so a closed connection takes its binding along.
_BOUND: weakref.WeakKeyDictionary[Any, Signer] = weakref.WeakKeyDictionary()


def _raw(conn: Any) -> Any:
    """The driver's connection under a register ``Db`` wrapper (which is made per call)."""
    return getattr(conn, "conn", conn)


def act_as(conn: Any, signer: Signer | None) -> None:
    """Key and sign every entry written on ``conn`` from now on as ``signer`` (None: stop)."""
    if signer is None:
        _BOUND.pop(_raw(conn), None)
    else:
        _BOUND[_raw(conn)] = signer


def signer_of(conn: Any) -> Signer | None:
    return _BOUND.get(_raw(conn))


def _body(entry: AuditEntry, keyed: bool) -> bytes:
    fields: list[Any] = [
        entry.seq, entry.at, entry.actor, entry.action, entry.record_id, entry.revision,
    ]  # fmt: skip
    if keyed:
        fields += [entry.detail, entry.signer]
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def unkeyed_hash(prev_hash: bytes, entry: AuditEntry) -> bytes:
    """The clinic's (and the legacy prefix's) hash: anyone can recompute it."""
    return hashlib.sha256(prev_hash + _body(entry, keyed=False)).digest()


def keyed_hash(mac_key: bytes, prev_hash: bytes, entry: AuditEntry) -> bytes:
    """The register's hash: only a holder of the register's secret can compute it."""
    return hmac.new(
        mac_key, _ENTRY_DOMAIN + prev_hash + _body(entry, keyed=True), "sha256"
    ).digest()


def entry_message(prev_hash: bytes, entry: AuditEntry, digest: bytes) -> bytes:
    """What a member signs: the keyed hash *and* the fields it covers, so whoever has the
    members' public keys (an auditor without the register's secret) can check the content."""
    return _SIGNED_DOMAIN + digest + prev_hash + _body(entry, keyed=True)


def checkpoint_message(seq: int, entry_hash: bytes, at: str, signer: str) -> bytes:
    """What a checkpoint's signer vouches for: the chain's hash at ``seq``, and when (the
    protocol's, so the copies sent to the inbox carry the same signature)."""
    return audit_checkpoint.message(seq, entry_hash, at, signer)


def _stamp(at: dt.datetime | None) -> str:
    return (at or dt.datetime.now(dt.UTC)).isoformat(timespec="microseconds")


def append(
    conn: Executes,
    *,
    actor: str,
    action: str,
    record_id: str | None = None,
    revision: int | None = None,
    detail: str | None = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry; the caller's transaction makes it atomic with the change.

    Keyed and signed when a member is bound to ``conn`` (``act_as``); ``detail`` (short, never
    a field value) is kept only in keyed entries, whose table has the column.
    """
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (1, GENESIS) if last is None else (int(last[0]) + 1, bytes(last[1]))
    stamp = _stamp(at)
    signer = signer_of(conn)
    if signer is None:
        entry = AuditEntry(seq, stamp, actor, action, record_id, revision)
        conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, record_id, revision, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                stamp,
                actor,
                action,
                record_id,
                revision,
                prev_hash,
                unkeyed_hash(prev_hash, entry),
            ),
        )
        return entry
    entry = AuditEntry(seq, stamp, actor, action, record_id, revision, detail, signer.key_id)
    digest = keyed_hash(signer.mac_key, prev_hash, entry)
    conn.execute(
        "INSERT INTO audit_signers (key_id, public_key, first_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (key_id) DO NOTHING",
        (signer.key_id, signer.public_raw, seq),
    )
    conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, record_id, revision, prev_hash, hash, "
        "detail, signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            seq, stamp, actor, action, record_id, revision, prev_hash, digest, detail,
            signer.key_id, signer.signing_key.sign(entry_message(prev_hash, entry, digest)),
        ),
    )  # fmt: skip
    if seq % CHECKPOINT_EVERY == 0:
        _write_checkpoint(conn, signer, seq, digest, stamp)
    return entry


#: One signed checkpoint: the protocol's shape, so the copy sent to the inbox is this row.
Checkpoint = audit_checkpoint.AuditCheckpoint


def _write_checkpoint(
    conn: Executes, signer: Signer, seq: int, digest: bytes, stamp: str
) -> Checkpoint:
    signature = signer.signing_key.sign(checkpoint_message(seq, digest, stamp, signer.key_id))
    conn.execute(
        "INSERT INTO audit_checkpoints (seq, hash, at, signer, signature) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (seq) DO NOTHING",
        (seq, digest, stamp, signer.key_id, signature),
    )
    return Checkpoint(seq, digest, stamp, signer.key_id, signature)


def checkpoint(conn: Executes, at: dt.datetime | None = None) -> Checkpoint | None:
    """A signed checkpoint of the newest entry now (``None`` for an empty chain).

    Needs a member bound to ``conn``; the caller's transaction holds it with the chain."""
    signer = signer_of(conn)
    if signer is None:
        raise RuntimeError("a checkpoint is signed by a member bound with act_as")  # a bug
    signer_row = (signer.key_id, signer.public_raw)
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if last is None:
        return None
    conn.execute(
        "INSERT INTO audit_signers (key_id, public_key, first_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (key_id) DO NOTHING",
        (*signer_row, int(last[0])),
    )
    return _write_checkpoint(conn, signer, int(last[0]), bytes(last[1]), _stamp(at))


def checkpoints(conn: Executes) -> list[Checkpoint]:
    """Every checkpoint held, by sequence number (their signatures not checked here)."""
    return [
        Checkpoint(int(row[0]), bytes(row[1]), str(row[2]), str(row[3]), bytes(row[4]))
        for row in conn.execute(
            "SELECT seq, hash, at, signer, signature FROM audit_checkpoints ORDER BY seq"
        ).fetchall()
    ]


def entries(conn: Executes, record_id: str | None = None) -> list[AuditEntry]:
    sql = "SELECT seq, at, actor, action, record_id, revision FROM audit_log"
    params: tuple[str, ...] = ()
    if record_id is not None:
        sql += " WHERE record_id = ?"
        params = (record_id,)
    return [AuditEntry(*row) for row in conn.execute(sql + " ORDER BY seq", params)]


def keyed_entries(
    conn: Executes, since: str | None = None, until: str | None = None
) -> list[AuditEntry]:
    """Every entry with its detail and signer (a register's chain), ``since <= at < until``."""
    sql = "SELECT seq, at, actor, action, record_id, revision, detail, signer FROM audit_log"
    where, params = [], []
    if since is not None:
        where.append("at >= ?")
        params.append(since)
    if until is not None:
        where.append("at < ?")
        params.append(until)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [AuditEntry(*row) for row in conn.execute(sql + " ORDER BY seq", params)]


def _rows(conn: Executes, keyed: bool) -> Iterator[tuple[Any, ...]]:
    """The chain in seq order, a page at a time (a million rows never sit in memory)."""
    columns = "seq, at, actor, action, record_id, revision, prev_hash, hash"
    if keyed:
        columns += ", detail, signer, signature"
    after = 0
    while True:
        page = conn.execute(
            f"SELECT {columns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
            (after, _FETCH),
        ).fetchall()
        yield from page
        if len(page) < _FETCH:
            return
        after = int(page[-1][0])


def verify_chain(conn: Executes) -> int | None:
    """The first broken entry's seq of a store's chain, or ``None`` (SQLCipher stores only).

    Without the register's key: a clinic's store is checked whole; a staff profile whose
    file holds the register's keyed chain too is checked for links, unkeyed hashes,
    signatures and checkpoints (its keyed hashes need the key: ``Register.verify_audit``).
    """
    columns = {str(row[1]) for row in conn.execute("PRAGMA table_info(audit_log)").fetchall()}
    return verify(conn, None, keyed_table="signature" in columns).first_bad_seq


def verify(
    conn: Executes,
    mac_key: bytes | None,
    *,
    keyed_table: bool | None = None,
    check_signer: SignerCheck | None = None,
) -> Verdict:
    """Walk the whole chain: every link, hash, signature and checkpoint.

    ``keyed_table`` (default: whether ``mac_key`` is given) says the table has the keyed
    columns; with it but no ``mac_key``, keyed entries are checked for their signatures only.
    ``check_signer`` then judges each entry that passed those checks (``SignerCheck``).
    The first problem found in seq order is reported; a checkpoint's own signature is
    checked before the walk, so a forged checkpoint is named at its seq.
    """
    if keyed_table is None:
        keyed_table = mac_key is not None
    publics: dict[str, Ed25519PublicKey] = {}
    marks: dict[int, Checkpoint] = {}
    problems: list[tuple[int, str]] = []
    if keyed_table:
        for kid, raw in conn.execute("SELECT key_id, public_key FROM audit_signers").fetchall():
            held = Ed25519PublicKey.from_public_bytes(bytes(raw))
            if key_id(held) == str(kid):  # a key id is its key's fingerprint
                publics[str(kid)] = held
        for mark in checkpoints(conn):
            by = publics.get(mark.signer)
            if by is None or not mark.signed_by(by):
                problems.append((mark.seq, "checkpoint_signature"))
                continue
            marks[mark.seq] = mark
    prev_hash, expected, keyed_from, count = GENESIS, 1, None, 0
    failure: tuple[int, str] | None = None
    for row in _rows(conn, keyed_table):
        seq = int(row[0])
        if seq != expected:
            failure = (seq, "sequence_gap")  # the first row out of place
            break
        if bytes(row[6]) != prev_hash:
            failure = (seq, "link_broken")
            break
        digest = bytes(row[7])
        if keyed_table and row[10] is not None:
            entry = AuditEntry(seq, row[1], row[2], row[3], row[4], row[5], row[8], row[9])
            if keyed_from is None:
                keyed_from = seq
            if mac_key is not None and not hmac.compare_digest(
                digest, keyed_hash(mac_key, prev_hash, entry)
            ):
                failure = (seq, "hash_mismatch")
                break
            signed_by = publics.get(str(row[9]))
            if signed_by is None:
                failure = (seq, "unknown_signer")
                break
            try:
                signed_by.verify(bytes(row[10]), entry_message(prev_hash, entry, digest))
            except InvalidSignature:
                failure = (seq, "bad_signature")
                break
            public: bytes | None = signed_by.public_bytes(Encoding.Raw, PublicFormat.Raw)
        else:
            if keyed_from is not None:
                failure = (seq, "unkeyed_after_keyed")
                break
            entry, public = AuditEntry(*row[:6]), None
            if digest != unkeyed_hash(prev_hash, entry):
                failure = (seq, "hash_mismatch")
                break
        judged = None if check_signer is None else check_signer(entry, public)
        if judged is not None:
            failure = (seq, judged)
            break
        held_mark = marks.get(seq)
        if held_mark is not None and held_mark.hash != digest:
            failure = (seq, "checkpoint_mismatch")
            break
        prev_hash = digest
        expected += 1
        count += 1
    if failure is not None:
        problems.append(failure)
    else:
        beyond = [s for s in marks if s >= expected]
        if beyond:
            problems.append((expected, "checkpoint_beyond_end"))
    verdict = Verdict(count, keyed_from, len(marks))
    if problems:
        seq, problem = min(problems)
        return Verdict(count, keyed_from, len(marks), seq, problem)
    return verdict
