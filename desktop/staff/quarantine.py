"""Quarantined batches: what the importer could not process, kept aside so the next batch
(from any clinic) goes in, and so staff can retry it after a fix or discard it.

A pulled batch is quarantined only when its bytes are exactly the inbox's copy (their
SHA-256 is the one the inbox listed): then the sealed copy here is as good as the inbox's,
so the pull acknowledges it and it is not listed again (``desktop.staff.pull``). The bytes
are sealed under the register data key like every payload (the additional data names the
quarantine id), so a database administrator reads no more here than in the review queue.
One row per distinct envelope: a batch listed again (its acknowledgement lost) counts one
more attempt on the same row.

Nothing here holds a field value in clear: the reason is a code and, for an unexpected
failure, the exception's type; ids are random uuids.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import parse_envelope
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.timefmt import parse_utc

from desktop.forms.payload import national_id
from desktop.staff import register as reg
from desktop.staff.crypto import RegisterCipher, aad
from desktop.staff.dialect import Db
from desktop.staff.errors import BatchRefused, StaffError

if TYPE_CHECKING:
    from sjelden_protocol import Envelope

    from desktop.staff.importer import Importer, ImportReport

_COLUMNS = (
    "quarantine_id, envelope_sha256, batch_id, installation_key_id, source, reason_code, "
    "detail, attempts, quarantined_at, last_attempt_at"
)


@dataclass(frozen=True)
class Quarantined:
    quarantine_id: str
    envelope_sha256: str
    batch_id: str | None
    installation_key_id: str | None
    source: str  # "inbox": acknowledged there, so this row is the register side's only copy
    reason_code: str
    detail: str
    attempts: int
    quarantined_at: str
    last_attempt_at: str

    def refusal(self) -> BatchRefused:
        return BatchRefused(self.reason_code, self.detail, batch_id=self.batch_id)


def _row(row: Any) -> Quarantined:
    return Quarantined(
        quarantine_id=str(row[0]),
        envelope_sha256=str(row[1]),
        batch_id=None if row[2] is None else str(row[2]),
        installation_key_id=None if row[3] is None else str(row[3]),
        source=str(row[4]),
        reason_code=str(row[5]),
        detail=str(row[6]),
        attempts=int(row[7]),
        quarantined_at=str(row[8]),
        last_attempt_at=str(row[9]),
    )


def envelope_aad(quarantine_id: str) -> bytes:
    return aad("quarantined_batches", quarantine_id)


def _header_ids(data: bytes) -> tuple[str | None, str | None]:
    try:
        header = parse_envelope(data).header
    except (ProtocolError, ValueError):
        return None, None
    return header.batch_id, header.sender_key_id


def put(
    db: Db,
    cipher: RegisterCipher,
    data: bytes,
    refusal: BatchRefused,
    *,
    source: str,
    actor: str,
) -> Quarantined:
    """Keep ``data`` aside with the reason it was refused; the same bytes again update the row."""
    sha = hashlib.sha256(data).hexdigest()
    at = reg.now()
    with db.transaction("quarantine batch"):
        held = db.execute(
            f"SELECT {_COLUMNS} FROM quarantined_batches WHERE envelope_sha256 = ?",  # noqa: S608
            (sha,),
        ).fetchone()
        if held is not None:
            db.execute(
                "UPDATE quarantined_batches SET reason_code = ?, detail = ?, attempts = attempts "
                "+ 1, last_attempt_at = ? WHERE quarantine_id = ?",
                (refusal.code, refusal.detail, at, held[0]),
            )
            quarantine_id = str(held[0])
        else:
            quarantine_id = str(uuid.uuid4())
            batch_id, sender = _header_ids(data)
            db.execute(
                "INSERT INTO quarantined_batches (quarantine_id, envelope_sha256, batch_id, "
                "installation_key_id, source, reason_code, detail, envelope, attempts, "
                "quarantined_at, last_attempt_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (quarantine_id, sha, batch_id or refusal.batch_id, sender, source, refusal.code,
                 refusal.detail, cipher.seal_bytes(data, envelope_aad(quarantine_id)), at, at),
            )  # fmt: skip
            reg.log(db, actor, f"quarantine_batch:{quarantine_id}")
        return get(db, quarantine_id)


def get(db: Db, quarantine_id: str) -> Quarantined:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM quarantined_batches WHERE quarantine_id = ?",  # noqa: S608
        (quarantine_id,),
    ).fetchone()
    if row is None:
        raise StaffError("unknown_quarantined", quarantine_id)
    return _row(row)


def listed(db: Db) -> list[Quarantined]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM quarantined_batches ORDER BY quarantined_at, quarantine_id"  # noqa: S608
    ).fetchall()
    return [_row(r) for r in rows]


def count(db: Db) -> int:
    return int(db.execute("SELECT count(*) FROM quarantined_batches").fetchone()[0])


def envelope(db: Db, cipher: RegisterCipher, quarantine_id: str) -> bytes:
    row = db.execute(
        "SELECT envelope FROM quarantined_batches WHERE quarantine_id = ?", (quarantine_id,)
    ).fetchone()
    if row is None:
        raise StaffError("unknown_quarantined", quarantine_id)
    return cipher.open_bytes(bytes(row[0]), envelope_aad(quarantine_id))


def each_batch(db: Db, cipher: RegisterCipher) -> Iterator[tuple[str, Envelope]]:
    """Each quarantined batch's id and its envelope, parsed (signature not checked): the one
    walk over the quarantine for whatever must look inside every batch (a reservation, a key
    retirement). A row whose seal does not open, or whose bytes are no envelope, is skipped:
    nothing in it opens under any key, and it stays for staff to retry or discard.

    The ids are read first and each envelope opened on its own, so the caller may change
    the table between batches and only one batch's bytes are in memory at a time."""
    ids = db.execute(
        "SELECT quarantine_id FROM quarantined_batches ORDER BY quarantined_at, quarantine_id"
    ).fetchall()
    for row in ids:
        quarantine_id = str(row[0])
        try:
            parsed = parse_envelope(envelope(db, cipher, quarantine_id))
        except (ProtocolError, StaffError):
            continue
        yield quarantine_id, parsed


def holding_person(
    db: Db,
    cipher: RegisterCipher,
    register_keys: Mapping[str, X25519PrivateKey],
    person_key: bytes,
) -> list[str]:
    """The quarantined batches that hold a record of the person (keyed hash ``person_key``).

    A reservation must reach these too: they are the person's data, sealed to register keys
    the register keeps. Each batch is opened as the importer would (without the checks that
    may be why it is here); one that does not open under the register's keys holds nothing
    anyone here can read, and stays for staff to retry or discard.
    """
    from desktop.staff import verify

    found = []
    for quarantine_id, parsed in each_batch(db, cipher):
        try:
            records = verify.decrypt(parsed, register_keys)
        except (ProtocolError, StaffError):  # BatchRefused is a StaffError
            continue
        for record in records:
            number = national_id(record)
            if number is not None and cipher.person_key(number) == person_key:
                found.append(quarantine_id)
                break
    return found


def discard(db: Db, quarantine_id: str, actor: str) -> None:
    """Drop a quarantined batch for good (the clinic is asked to send it again)."""
    with db.transaction("discard quarantined batch"):
        get(db, quarantine_id)
        db.execute("DELETE FROM quarantined_batches WHERE quarantine_id = ?", (quarantine_id,))
        reg.log(db, actor, f"discard_quarantined:{quarantine_id}")


def _release(db: Db, quarantine_id: str, actor: str) -> None:
    with db.transaction("release quarantined batch"):
        db.execute("DELETE FROM quarantined_batches WHERE quarantine_id = ?", (quarantine_id,))
        reg.log(db, actor, f"release_quarantined:{quarantine_id}")


def retry(importer: Importer, quarantine_id: str) -> ImportReport | BatchRefused:
    """Import a quarantined batch again (after a fix: a pinned installation, an update).

    Imported, or found imported already: the row is released. Refused again: the row stays
    with the new reason. The import's own transaction records the batch id, so a crash
    between it and the release only leaves a row that the next retry releases.
    """
    register = importer.session.register
    cipher = importer.session.keys.cipher
    held = register.call(lambda db: get(db, quarantine_id), "quarantined batch")
    data = register.call(lambda db: envelope(db, cipher, quarantine_id), "quarantined batch")
    # Revocation is judged at the receipt time: a pulled batch reached the inbox no later
    # than it was quarantined, so that time can only refuse more, never accept more.
    received = (
        parse_utc(held.quarantined_at, what="quarantined_at") if held.source == "inbox" else None
    )
    outcome: ImportReport | BatchRefused
    try:
        outcome = importer.import_bytes(data, expected_batch_id=held.batch_id, received_at=received)
    except BatchRefused as exc:
        outcome = exc
    if isinstance(outcome, BatchRefused) and outcome.code != "already_imported":
        refusal = outcome
        register.call(
            lambda db: put(
                db,
                cipher,
                data,
                refusal,
                source=held.source,
                actor=register.actor,
            ),
            "quarantine batch",
        )
        return outcome
    register.call(lambda db: _release(db, quarantine_id, register.actor), "release batch")
    return outcome
